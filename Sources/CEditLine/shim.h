/*
 * shim.h: the C side of steppe's line editing.
 *
 * Swift cannot call C variadic functions, and el_set, el_get and history are
 * all variadic, so each use gets a small fixed-argument wrapper here. The
 * signal flags live here too: a signal handler must be plain C that only
 * stores into a volatile sig_atomic_t.
 *
 * Every function is static inline because a system-library target has no
 * sources of its own to compile. That has one consequence to respect: each
 * Swift object file that calls these functions gets its own copy of them,
 * and of the static flags inside them. LineEditing therefore touches the signal functions
 * from exactly one Swift file (Signals.swift); keep it that way.
 */
#ifndef STEPPE_CEDITLINE_SHIM_H
#define STEPPE_CEDITLINE_SHIM_H

#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
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

/* Writes through stdout's buffer, so text stays in order with libedit's. */
static inline void steppe_write_stdout(const char *text) {
    (void)fputs(text, stdout);
    (void)fflush(stdout);
}

/* MARK: - Signals */

/*
 * The flags and saved handlers live in function-local statics: Swift emits
 * the code of static inline functions but not definitions of file-scope
 * static variables they use (those end as undefined symbols at link time).
 */
enum { STEPPE_SIGINT, STEPPE_SIGWINCH, STEPPE_SIGTSTP, STEPPE_SIGNAL_COUNT };

static inline volatile sig_atomic_t *steppe_signal_flags(void) {
    static volatile sig_atomic_t flags[STEPPE_SIGNAL_COUNT];
    return flags;
}

static inline struct sigaction *steppe_saved_actions(void) {
    static struct sigaction saved[STEPPE_SIGNAL_COUNT];
    return saved;
}

static inline void steppe_on_sigint(int signo) { (void)signo; steppe_signal_flags()[STEPPE_SIGINT] = 1; }
static inline void steppe_on_sigwinch(int signo) { (void)signo; steppe_signal_flags()[STEPPE_SIGWINCH] = 1; }
static inline void steppe_on_sigtstp(int signo) { (void)signo; steppe_signal_flags()[STEPPE_SIGTSTP] = 1; }

static inline int steppe_set_handler(int signo, void (*handler)(int), int flags,
                                     struct sigaction *saved) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    action.sa_flags = flags;
    (void)sigemptyset(&action.sa_mask);
    return sigaction(signo, &action, saved);
}

/*
 * Ctrl-C sets a flag instead of ending the process. SA_RESTART keeps reads
 * and writes during an evaluation from failing with EINTR; the evaluator
 * polls the flag instead.
 */
static inline int steppe_interrupt_install(void) {
    return steppe_set_handler(SIGINT, steppe_on_sigint, SA_RESTART, NULL);
}
static inline int steppe_interrupt_requested(void) {
    return steppe_signal_flags()[STEPPE_SIGINT] != 0;
}
static inline void steppe_interrupt_clear(void) { steppe_signal_flags()[STEPPE_SIGINT] = 0; }

/*
 * While a line is being read, SIGINT, SIGWINCH and SIGTSTP get handlers
 * *without* SA_RESTART, so the blocking read() in the character reader
 * returns EINTR and the reader can act on them (return, resize, suspend).
 * The previous handlers are saved and put back by steppe_reading_signals_end.
 * SIGTSTP stays ignored if it was ignored (a shell without job control).
 */
static inline void steppe_reading_signals_begin(void) {
    volatile sig_atomic_t *flags = steppe_signal_flags();
    struct sigaction *saved = steppe_saved_actions();
    flags[STEPPE_SIGINT] = 0;
    flags[STEPPE_SIGWINCH] = 0;
    flags[STEPPE_SIGTSTP] = 0;
    (void)steppe_set_handler(SIGINT, steppe_on_sigint, 0, &saved[STEPPE_SIGINT]);
    (void)steppe_set_handler(SIGWINCH, steppe_on_sigwinch, 0, &saved[STEPPE_SIGWINCH]);
    (void)steppe_set_handler(SIGTSTP, steppe_on_sigtstp, 0, &saved[STEPPE_SIGTSTP]);
    if (saved[STEPPE_SIGTSTP].sa_handler == SIG_IGN)
        (void)sigaction(SIGTSTP, &saved[STEPPE_SIGTSTP], NULL);
}

static inline void steppe_reading_signals_end(void) {
    struct sigaction *saved = steppe_saved_actions();
    (void)sigaction(SIGINT, &saved[STEPPE_SIGINT], NULL);
    (void)sigaction(SIGWINCH, &saved[STEPPE_SIGWINCH], NULL);
    (void)sigaction(SIGTSTP, &saved[STEPPE_SIGTSTP], NULL);
}

/* Returns whether the signal arrived since the last call, and forgets it. */
static inline int steppe_take_signal(int which) {
    volatile sig_atomic_t *flags = steppe_signal_flags();
    int seen = flags[which] != 0;
    flags[which] = 0;
    return seen;
}
static inline int steppe_take_sigwinch(void) { return steppe_take_signal(STEPPE_SIGWINCH); }
static inline int steppe_take_sigtstp(void) { return steppe_take_signal(STEPPE_SIGTSTP); }

/* Stops the process as Ctrl-Z would have, then re-arms the reading handler. */
static inline void steppe_suspend_self(void) {
    (void)steppe_set_handler(SIGTSTP, SIG_DFL, 0, NULL);
    (void)raise(SIGTSTP);
    (void)steppe_set_handler(SIGTSTP, steppe_on_sigtstp, 0, NULL);
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
