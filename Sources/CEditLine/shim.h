/*
 * shim.h: the C side of steppe's line editing.
 *
 * Swift cannot call C variadic functions, and el_set, el_get and history are
 * all variadic, so each use gets a small fixed-argument wrapper here.
 *
 * Every function is static inline because a system-library target has no
 * sources of its own to compile, so each Swift module that calls one gets
 * its own copy, statics included (release builds inline across modules).
 * Nothing here may therefore hold state that must be one for the whole
 * process: the signal flags live in the CSignals target's signals.c.
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

/* MARK: - EditLine */

static inline EditLine *steppe_el_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

/* What the prompt callback returns when it cannot find its reader. */
static inline wchar_t *steppe_empty_prompt(void) {
    static wchar_t empty[1] = {0};
    return empty;
}

/* Wide prompt; characters between two \1 are escape sequences of no width. */
static inline int steppe_el_set_prompt(EditLine *el, wchar_t *(*prompt)(EditLine *)) {
    return el_wset(el, EL_PROMPT_ESC, prompt, (wchar_t)1);
}

static inline int steppe_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int steppe_el_set_signal(EditLine *el, int handle) {
    return el_set(el, EL_SIGNAL, handle);
}

static inline int steppe_el_add_function(EditLine *el, const char *name, const char *help,
                                         unsigned char (*function)(EditLine *, int)) {
    return el_set(el, EL_ADDFN, name, help, function);
}

static inline int steppe_el_bind(EditLine *el, const char *keys, const char *command) {
    return el_set(el, EL_BIND, keys, command, (const char *)NULL);
}

static inline int steppe_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *steppe_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

/* Wide history, so entries keep every character whatever the locale. */
static inline int steppe_el_set_history(EditLine *el, HistoryW *history) {
    return el_wset(el, EL_HIST, history_w, history);
}

static inline int steppe_el_set_getc(EditLine *el, int (*getc)(EditLine *, wchar_t *)) {
    return el_wset(el, EL_GETCFN, getc);
}

/* raw != 0 puts the terminal in editing mode, 0 restores the user's mode. */
static inline int steppe_el_prep_term(EditLine *el, int raw) {
    return el_set(el, EL_PREP_TERM, raw);
}

/* Forgets what libedit believes is on screen and draws prompt and line anew. */
static inline int steppe_el_redraw(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

/* MARK: - History (in memory only; steppe keeps its own file) */

static inline HistoryW *steppe_history_init(int capacity) {
    HistoryW *history = history_winit();
    if (history == NULL) return NULL;
    HistEventW event;
    (void)history_w(history, &event, H_SETSIZE, capacity);
    return history;
}

static inline int steppe_history_enter(HistoryW *history, const wchar_t *entry) {
    HistEventW event;
    return history_w(history, &event, H_ENTER, entry);
}

#endif
