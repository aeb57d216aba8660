import CEditLine
import CSignals
import Glibc

/// Hands the terminal to the user's editor on a piece of text and takes it
/// back (`:edit`), as `fc` in bash and `\e` in psql do.
public enum ExternalEditor {
    public struct Failure: Error, Sendable {
        public var message: String
    }

    /// `$VISUAL`, else `$EDITOR`, else `vi`; an empty variable counts as unset.
    public static func command(environment: (String) -> String?) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment(name), value.contains(where: { $0 != " " }) { return value }
        }
        return "vi"
    }

    /// Writes `text` to a new temporary file, runs `editor` on it through
    /// `/bin/sh` (so `EDITOR="code --wait"` works, as in git), and returns
    /// what was saved when the editor exits with status 0; nil when it exits
    /// otherwise (the user gave up).
    ///
    /// The terminal must not be in libedit's raw mode (it is not between
    /// lines). Its settings are saved before and put back after, whatever
    /// the editor left; meanwhile Ctrl-C and Ctrl-\ reach only the editor.
    public static func edit(_ text: String, editor: String) throws(Failure) -> (status: Int32, text: String) {
        let folder = temporaryFolder()
        var template = Array("\(folder)/steppe-edit-XXXXXX.steppe".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemps(base, 7)
        }
        guard descriptor >= 0 else {
            throw Failure(message: "cannot make a file to edit in \(folder): \(FileBytes.lastError())")
        }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let written = FileBytes.write(Array((text.isEmpty ? "" : text + "\n").utf8), to: descriptor)
        close(descriptor)
        guard written else { throw Failure(message: "cannot write \(path): \(FileBytes.lastError())") }

        var saved = termios()
        let haveTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        steppe_child_signals_begin()
        defer {
            steppe_child_signals_end()
            if haveTerminal { _ = tcsetattr(STDIN_FILENO, TCSADRAIN, &saved) }
        }
        let status = try run(["/bin/sh", "-c", editor + " \"$@\"", editor, path])
        guard status == 0 else { return (status, "") }
        switch FileBytes.read(path) {
        case .bytes(let bytes):
            return (0, String(decoding: bytes, as: UTF8.self))
        case .missing:
            // Some editors save by rename and may leave no file if nothing was saved.
            return (0, "")
        case .failed(let why), .notAFile(let why):
            throw Failure(message: "cannot read \(path) back: \(why)")
        }
    }

    /// `$TMPDIR` when it is an absolute path, else /tmp.
    static func temporaryFolder() -> String {
        if let value = getenv("TMPDIR") {
            let folder = String(cString: value)
            if folder.hasPrefix("/") { return folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder }
        }
        return "/tmp"
    }

    /// Starts `argv` with the signals steppe ignores set back to their
    /// defaults, waits for it and returns its exit status (128 + N for a
    /// signal, as shells say).
    static func run(_ argv: [String]) throws(Failure) -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTSTP, SIGWINCH, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let arguments = argv.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        var pid: pid_t = 0
        let started = posix_spawn(&pid, argv[0], nil, &attributes, arguments, steppe_environ())
        guard started == 0 else {
            throw Failure(message: "cannot start \(argv[0]): \(String(cString: strerror(started)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw Failure(message: "lost the editor: \(FileBytes.lastError())") }
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
