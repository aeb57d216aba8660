/*
 * shim.h: the C side of steppe's line editing.
 *
 * libedit is not linked into steppe: it and the libraries it brings
 * (libtinfo, libbsd, libmd) would be mapped and relocated at every start,
 * `steppe -c` and scripts included, which never edit a line. editline.c
 * opens it with dlopen when the prompt first asks (steppe_editline_open),
 * and every libedit call goes through a wrapper below that calls the
 * function it found. Swift cannot call C variadic functions either, and
 * el_set, el_get and history are variadic, so each use has a fixed-argument
 * wrapper. <histedit.h> is included for its types and constants only: a
 * direct call of a libedit function from Swift fails at link time, as it
 * must.
 *
 * The helpers that do not touch libedit (locale, terminal) are static
 * inline, so each Swift module that calls one gets its own copy: none of
 * them may hold state that must be one for the whole process.
 */
#ifndef STEPPE_CEDITLINE_SHIM_H
#define STEPPE_CEDITLINE_SHIM_H

#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

/* MARK: - Locale */

/* Whether the LC_CTYPE codeset is UTF-8 (glibc says "UTF-8"; some say "utf8"). */
static inline int steppe_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL) return 0;
    return strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "UTF8") == 0;
}

/*
 * Make the character type UTF-8 so libedit can read, measure and echo
 * non-ASCII text (it drops such characters in the "C" locale).
 *
 * Only LC_CTYPE is touched: that is all libedit consults, and changing
 * LC_NUMERIC too would make C's printf and strtod use a decimal comma under
 * locales such as de_DE. When the user's locale is not UTF-8 (LC_ALL=C,
 * POSIX), fall back to C.UTF-8, which glibc always provides.
 * Returns 1 when LC_CTYPE ends up UTF-8.
 */
static inline int steppe_setup_utf8_locale(void) {
    (void)setlocale(LC_CTYPE, "");
    if (steppe_codeset_is_utf8()) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") != NULL && steppe_codeset_is_utf8()) return 1;
    if (setlocale(LC_CTYPE, "C.utf8") != NULL && steppe_codeset_is_utf8()) return 1;
    return 0;
}

/* MARK: - Terminal */

/* Columns of the terminal on fd, or 0 when fd is not a terminal. */
static inline int steppe_terminal_width(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) == -1) return 0;
    return (int)size.ws_col;
}

/*
 * Columns a character takes, -1 if unprintable. glibc declares wcwidth only
 * under _XOPEN_SOURCE, which the imported C library module is not built
 * with, so declare it here (glibc always exports it).
 */
extern int wcwidth(wchar_t character);
static inline int steppe_wcwidth(wchar_t character) { return wcwidth(character); }

/* Swift 6 rejects the C globals stdin/stdout as shared mutable state. */
static inline FILE *steppe_stdin(void) { return stdin; }

/* The process's environment, for posix_spawn (the C global environ, likewise). */
extern char **environ;
static inline char *const *steppe_environ(void) { return environ; }

/* Writes through stdout's buffer, so text stays in order with libedit's. */
static inline void steppe_write_stdout(const char *text) {
    (void)fputs(text, stdout);
    (void)fflush(stdout);
}

/* MARK: - EditLine, opened on first use (editline.c) */

/*
 * Opens libedit and finds the functions steppe calls. Returns 1 when line
 * editing is available; otherwise 0, with why in `reason` (dlerror's text).
 * Only the first call opens; later calls return its result.
 */
int steppe_editline_open(char *reason, size_t size);

/* What the prompt callback returns when it cannot find its reader. */
static inline wchar_t *steppe_empty_prompt(void) {
    static wchar_t empty[1] = {0};
    return empty;
}

/* Every wrapper below requires a successful steppe_editline_open first. */

EditLine *steppe_el_init(const char *program);
void steppe_el_end(EditLine *el);

/* Wide prompt; characters between two \1 are escape sequences of no width. */
int steppe_el_set_prompt(EditLine *el, wchar_t *(*prompt)(EditLine *));
int steppe_el_set_editor(EditLine *el, const char *mode);
int steppe_el_set_signal(EditLine *el, int handle);
int steppe_el_add_function(EditLine *el, const char *name, const char *help,
                           unsigned char (*function)(EditLine *, int));
int steppe_el_bind(EditLine *el, const char *keys, const char *command);
int steppe_el_set_clientdata(EditLine *el, void *data);
void *steppe_el_get_clientdata(EditLine *el);
/* Wide history, so entries keep every character whatever the locale. */
int steppe_el_set_history(EditLine *el, HistoryW *history);
int steppe_el_set_getc(EditLine *el, int (*getc)(EditLine *, wchar_t *));
/* raw != 0 puts the terminal in editing mode, 0 restores the user's mode. */
int steppe_el_prep_term(EditLine *el, int raw);
/* Forgets what libedit believes is on screen and draws prompt and line anew. */
int steppe_el_redraw(EditLine *el);

/* One line, edited; NULL at end of input or on an error (count says which). */
const wchar_t *steppe_el_wgets(EditLine *el, int *count);
const LineInfoW *steppe_el_wline(EditLine *el);
int steppe_el_winsertstr(EditLine *el, const wchar_t *text);
void steppe_el_deletestr(EditLine *el, int count);
int steppe_el_cursor(EditLine *el, int offset);
void steppe_el_resize(EditLine *el);

/* MARK: - History (in memory only; steppe keeps its own file) */

HistoryW *steppe_history_init(int capacity);
int steppe_history_enter(HistoryW *history, const wchar_t *entry);
void steppe_history_end(HistoryW *history);

#endif
