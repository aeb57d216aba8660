import Foundation
import TestSupport
import CSpawn

/// Drives the real binary in a real terminal: tmux's send-keys to type,
/// capture-pane to read the screen.
final class Tmux {
    let name: String
    let folder: URL

    /// Starts `steppe` (with `environment`) in a detached tmux session.
    init(width: Int = 100, height: Int = 40, environment: [String: String] = [:], arguments: [String] = [],
         folder: URL? = nil) throws {
        let binary = try SteppeBinary.checked()
        name = "steppe-test-\(UUID().uuidString.prefix(8))"
        self.folder = try folder ?? Tmux.temporaryFolder()
        // steppe starts in an environment of the test's own making (`env -i`), not
        // the one the tests run in: that may set NO_COLOR, COLUMNS, a locale or a
        // plugins folder, and a new tmux server passes all of it on.
        var env = [
            "HOME": self.folder.path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "TERM": "xterm-256color",
            "STEPPE_HISTORY": self.folder.appendingPathComponent("history").path,
            "XDG_DATA_HOME": self.folder.appendingPathComponent("data").path,
        ]
        for (k, v) in environment { env[k] = v }
        let exports = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Tmux.quote($0.value))" }.joined(separator: " ")
        let command = "cd \(Tmux.quote(self.folder.path)) && exec env -i \(exports) \(Tmux.quote(binary.path)) \(arguments.map(Tmux.quote).joined(separator: " "))"
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Runs tmux on this session's own server.
    @discardableResult
    func tmux(_ args: [String]) throws -> String { try Tmux.tmux(args, socket: name) }

    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-tmux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static let binary = SteppeBinary.url

    static var available: Bool {
        (try? tmux(["-V"])) != nil
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Each session has a tmux server of its own (its socket is the session's
    /// name), apart from any the user runs and from the other tests': with
    /// one server for all, a test's new session could reach the server just
    /// as it exits with another test's last session (tmux's `exit-empty`).
    static let socket = "steppe-tests-\(getpid())"

    /// Runs tmux and returns what it printed.
    ///
    /// Not through Foundation's `Process`: the first `new-session` forks the tmux
    /// server, which lives on, and a `Process` child inherits the socket that
    /// `Process` watches to learn that the child ended, so `waitUntilExit()`
    /// would wait for the server, forever. Here the child closes every
    /// descriptor above stderr before tmux starts.
    @discardableResult
    static func tmux(_ args: [String], socket: String = Tmux.socket) throws -> String {
        let (status, output) = try spawn(["tmux", "-L", socket] + args)
        guard status == 0 else { throw TmuxError("tmux \(args.joined(separator: " ")) failed (status \(status))") }
        return output
    }

    /// `posix_spawnp` with stdin and stderr on /dev/null, stdout on a pipe, and
    /// nothing else inherited; returns the exit status and stdout.
    static func spawn(_ argv: [String]) throws -> (Int32, String) {
        var fds: [Int32] = [-1, -1]
        guard cspawn_pipe(&fds) == 0 else { throw TmuxError("pipe2 failed: errno \(errno)") }
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var pid: pid_t = 0
        let rc = cspawn_start(cArgs, fds[1], &pid)
        close(fds[1])
        guard rc == 0 else {
            close(fds[0])
            throw TmuxError("cannot start \(argv[0]): error \(rc)")
        }
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if n > 0 { data += buffer[0..<n]; continue }
            if n < 0 && errno == EINTR { continue }
            break
        }
        close(fds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exit, String(decoding: data, as: UTF8.self))
    }

    /// Types text literally.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    /// Presses keys by tmux name: Enter, Tab, Up, C-a, M-b, BSpace …
    func press(_ keys: String...) throws {
        for key in keys {
            try tmux(["send-keys", "-t", name, key])
            usleep(30_000)
        }
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// The screen with lines the terminal wrapped joined back (`capture-pane -J`).
    func joinedScreen() throws -> String { try tmux(["capture-pane", "-p", "-J", "-t", name]) }

    /// Waits until the screen shows `text` (or `predicate` holds); returns the screen.
    @discardableResult
    func wait(for text: String, timeout: Double = 10) throws -> String {
        try wait(timeout: timeout, what: text) { $0.contains(text) }
    }

    @discardableResult
    func wait(timeout: Double = 10, what: String, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            usleep(50_000)
        }
        throw TmuxError("timed out waiting for \(what); the screen was:\n\(last)")
    }

    /// Whether steppe has exited (the pane is kept so this can be asked).
    func exited() throws -> Bool {
        try tmux(["list-panes", "-t", name, "-F", "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    func waitForExit(timeout: Double = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try exited() { return }
            usleep(50_000)
        }
        throw TmuxError("steppe did not exit; the screen was:\n\(try screen())")
    }
}

struct TmuxError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Lines after the last occurrence of `marker` on a screen.
func lines(after marker: String, in screen: String) -> [String] {
    guard let r = screen.range(of: marker, options: .backwards) else { return [] }
    return screen[r.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map {
        String($0).trimmingCharacters(in: .whitespaces)
    }
}
