/*
 * CSignals.h: the signal state of steppe's prompt, in one C translation unit.
 *
 * A signal handler may only store into a volatile sig_atomic_t, so the
 * handlers and their flags are plain C. They live in signals.c, compiled
 * once into one object file: every caller, in any Swift module, inlined or
 * not, reaches the same flags through these (non-inline) functions. Keep it
 * that way: declare nothing here that holds state (no static, no inline).
 */
#ifndef STEPPE_CSIGNALS_H
#define STEPPE_CSIGNALS_H

/*
 * Ctrl-C sets a flag instead of ending the process. SA_RESTART keeps reads
 * and writes during an evaluation from failing with EINTR; the evaluator
 * polls the flag instead. Returns sigaction's result.
 */
int steppe_interrupt_install(void);
/* Whether Ctrl-C was pressed since the last steppe_interrupt_clear. */
int steppe_interrupt_requested(void);
void steppe_interrupt_clear(void);

/*
 * While a line is being read, SIGINT, SIGWINCH and SIGTSTP get handlers
 * *without* SA_RESTART, so the blocking read() in the character reader
 * returns EINTR and the reader can act on them (return, resize, suspend).
 * The previous handlers are saved and put back by steppe_reading_signals_end.
 * SIGTSTP stays ignored if it was ignored (a shell without job control).
 */
void steppe_reading_signals_begin(void);
void steppe_reading_signals_end(void);

/* Whether the window was resized (Ctrl-Z pressed) since the last call; forgets it. */
int steppe_take_sigwinch(void);
int steppe_take_sigtstp(void);

/* Stops the process as Ctrl-Z would have, then re-arms the reading handler. */
void steppe_suspend_self(void);

/*
 * Around a child that owns the terminal (the :edit editor): SIGINT and
 * SIGQUIT are ignored, as system(3) does, so Ctrl-C in the editor does not
 * reach steppe; steppe_child_signals_end puts the previous handlers back.
 */
void steppe_child_signals_begin(void);
void steppe_child_signals_end(void);

#endif
