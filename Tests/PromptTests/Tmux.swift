import Foundation
import TestSupport

/// Drives the real binary in a real terminal: tmux's send-keys to type,
/// capture-pane to read the screen.
final class Tmux {
    let name: String
    let folder: URL

    /// Starts `steppe` (with `environment`) in a detached tmux session.
    init(width: Int = 100, height: Int = 40, environment: [String: String] = [:], arguments: [String] = [],
         folder: URL? = nil) throws {
        name = "steppe-test-\(UUID().uuidString.prefix(8))"
        self.folder = try folder ?? Tmux.temporaryFolder()
        var env = ["STEPPE_HISTORY": self.folder.appendingPathComponent("history").path, "TERM": "xterm-256color"]
        for (k, v) in environment { env[k] = v }
        let exports = env.map { "\($0.key)=\(Tmux.quote($0.value))" }.joined(separator: " ")
        let command = "cd \(Tmux.quote(self.folder.path)) && env \(exports) \(Tmux.quote(Tmux.binary.path)) \(arguments.map(Tmux.quote).joined(separator: " "))"
        try Tmux.tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
        try Tmux.tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? Tmux.tmux(["kill-session", "-t", name])
    }

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

    @discardableResult
    static func tmux(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["tmux"] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw TmuxError("tmux \(args.joined(separator: " ")) failed") }
        return String(decoding: data, as: UTF8.self)
    }

    /// Types text literally.
    func type(_ text: String) throws { try Tmux.tmux(["send-keys", "-t", name, "-l", text]) }

    /// Presses keys by tmux name: Enter, Tab, Up, C-a, M-b, BSpace …
    func press(_ keys: String...) throws {
        for key in keys {
            try Tmux.tmux(["send-keys", "-t", name, key])
            usleep(30_000)
        }
    }

    func screen() throws -> String { try Tmux.tmux(["capture-pane", "-p", "-t", name]) }

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
        try Tmux.tmux(["list-panes", "-t", name, "-F", "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
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
