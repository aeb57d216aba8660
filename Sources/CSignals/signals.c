/*
 * signals.c: the only definition of steppe's signal flags and handlers.
 * See include/CSignals.h for why this is a translation unit of its own.
 */
#include "CSignals.h"

#include <signal.h>
#include <string.h>

enum { FLAG_SIGINT, FLAG_SIGWINCH, FLAG_SIGTSTP, FLAG_COUNT };

/* Set by the handlers, read and cleared by the functions below. */
static volatile sig_atomic_t flags[FLAG_COUNT];

/* The handlers in place before steppe_reading_signals_begin. */
static struct sigaction saved_reading[FLAG_COUNT];

/* The handlers in place before steppe_child_signals_begin. */
static struct sigaction saved_child_int, saved_child_quit;

static void on_sigint(int signo) { (void)signo; flags[FLAG_SIGINT] = 1; }
static void on_sigwinch(int signo) { (void)signo; flags[FLAG_SIGWINCH] = 1; }
static void on_sigtstp(int signo) { (void)signo; flags[FLAG_SIGTSTP] = 1; }

static int set_handler(int signo, void (*handler)(int), int sa_flags, struct sigaction *saved) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    action.sa_flags = sa_flags;
    (void)sigemptyset(&action.sa_mask);
    return sigaction(signo, &action, saved);
}

int steppe_interrupt_install(void) {
    return set_handler(SIGINT, on_sigint, SA_RESTART, NULL);
}

int steppe_interrupt_requested(void) { return flags[FLAG_SIGINT] != 0; }

void steppe_interrupt_clear(void) { flags[FLAG_SIGINT] = 0; }

void steppe_reading_signals_begin(void) {
    flags[FLAG_SIGINT] = 0;
    flags[FLAG_SIGWINCH] = 0;
    flags[FLAG_SIGTSTP] = 0;
    (void)set_handler(SIGINT, on_sigint, 0, &saved_reading[FLAG_SIGINT]);
    (void)set_handler(SIGWINCH, on_sigwinch, 0, &saved_reading[FLAG_SIGWINCH]);
    (void)set_handler(SIGTSTP, on_sigtstp, 0, &saved_reading[FLAG_SIGTSTP]);
    if (saved_reading[FLAG_SIGTSTP].sa_handler == SIG_IGN)
        (void)sigaction(SIGTSTP, &saved_reading[FLAG_SIGTSTP], NULL);
}

void steppe_reading_signals_end(void) {
    (void)sigaction(SIGINT, &saved_reading[FLAG_SIGINT], NULL);
    (void)sigaction(SIGWINCH, &saved_reading[FLAG_SIGWINCH], NULL);
    (void)sigaction(SIGTSTP, &saved_reading[FLAG_SIGTSTP], NULL);
}

static int take(int which) {
    int seen = flags[which] != 0;
    flags[which] = 0;
    return seen;
}

int steppe_take_sigwinch(void) { return take(FLAG_SIGWINCH); }
int steppe_take_sigtstp(void) { return take(FLAG_SIGTSTP); }

void steppe_suspend_self(void) {
    (void)set_handler(SIGTSTP, SIG_DFL, 0, NULL);
    (void)raise(SIGTSTP);
    (void)set_handler(SIGTSTP, on_sigtstp, 0, NULL);
}

void steppe_child_signals_begin(void) {
    (void)set_handler(SIGINT, SIG_IGN, 0, &saved_child_int);
    (void)set_handler(SIGQUIT, SIG_IGN, 0, &saved_child_quit);
}

void steppe_child_signals_end(void) {
    (void)sigaction(SIGINT, &saved_child_int, NULL);
    (void)sigaction(SIGQUIT, &saved_child_quit, NULL);
}
