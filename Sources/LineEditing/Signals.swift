import CSignals

// The signal flags and handlers are C, in the CSignals target's signals.c:
// one definition for the whole process, whichever module (inlined or not)
// asks, so the flag the handler sets is the flag every caller reads.

/// Ctrl-C as a request, not a kill: the REPL installs the handler before
/// evaluating, and long evaluations poll ``requested`` to stop early.
public enum Interrupt {
    /// Makes SIGINT set the flag instead of ending the process.
    ///
    /// System calls interrupted by the signal restart, so output being
    /// written when Ctrl-C arrives is not cut short.
    public static func install() {
        _ = steppe_interrupt_install()
    }

    /// Whether Ctrl-C was pressed since the last ``clear()``.
    public static var requested: Bool {
        steppe_interrupt_requested() != 0
    }

    /// Forgets a pending Ctrl-C.
    public static func clear() {
        steppe_interrupt_clear()
    }
}

/// The signals that matter while a line is being edited.
enum ReadingSignals {
    /// Routes SIGINT, SIGWINCH and SIGTSTP to flags, with no restart, so a
    /// blocked `read` returns `EINTR` and the reader can react.
    static func begin() {
        steppe_reading_signals_begin()
    }

    /// Puts back the handlers that were there before ``begin()``.
    static func end() {
        steppe_reading_signals_end()
    }

    /// Whether the terminal was resized since the last call.
    static func takeResize() -> Bool {
        steppe_take_sigwinch() != 0
    }

    /// Whether Ctrl-Z was pressed since the last call.
    static func takeSuspend() -> Bool {
        steppe_take_sigtstp() != 0
    }

    /// Stops the process the way Ctrl-Z would; returns once it is resumed.
    static func suspend() {
        steppe_suspend_self()
    }
}
