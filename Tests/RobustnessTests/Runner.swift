import Foundation
import TestSupport

/// Runs the real `steppe` binary on one input and says how it ended: its
/// exit status, or the signal that killed it, or that it did not finish in time.
struct Outcome: Sendable {
    var status: Int32 = 0
    var signal: Int32? = nil
    var timedOut = false
    var stdout = Data()
    var stderr = ""
    var seconds = 0.0
}

/// How an input reaches steppe.
enum Transport: String, Sendable, CaseIterable {
    /// `steppe -c TEXT` (only for valid UTF-8 without NUL, and short enough for argv).
    case commandLine = "-c"
    /// `steppe FILE`
    case file
    /// `... | steppe`
    case stdin
}

/// One malformed input and the way it is fed.
struct Case: Sendable, CustomStringConvertible {
    var name: String
    var input: [UInt8]
    var transport: Transport
    /// Extra options before the input (`--safe`, `--keep-going`, `--load X`).
    var options: [String] = []
    /// Files to create in the case's own folder first (name → bytes); a
    /// value of nil makes a FIFO.
    var files: [String: [UInt8]?] = [:]
    /// An extra check on the outcome; returns a problem or nil.
    var check: (@Sendable (Outcome, URL) -> String?)? = nil

    var description: String {
        let shown = String(decoding: input.prefix(120), as: UTF8.self)
            .unicodeScalars.map { $0.value < 32 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
        return "\(name) [\(transport.rawValue)\(options.isEmpty ? "" : " " + options.joined(separator: " "))] \(input.count) bytes: \(shown)\(input.count > 120 ? "…" : "")"
    }

    /// `-c` cannot carry a NUL byte, invalid UTF-8, or more than argv allows.
    var fitsCommandLine: Bool {
        input.count < 100_000 && !input.contains(0) && String(validatingCString: input.map { CChar(bitPattern: $0) } + [0]) != nil
    }
}

enum Runner {
    static let packageRoot = SteppeBinary.packageRoot

    /// The release binary (or `STEPPE_BIN`), as ScriptTests finds it.
    static let binary = SteppeBinary.url

    /// Runs one case in a folder of its own; gives up (SIGKILL) after `timeout` seconds.
    static func run(_ c: Case, timeout: Double) throws -> (Outcome, URL) {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("steppe-robust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, bytes) in c.files {
            let url = dir.appendingPathComponent(name)
            if let bytes {
                try Data(bytes).write(to: url)
            } else {
                guard mkfifo(url.path, 0o600) == 0 else { throw RunnerError("mkfifo \(url.path) failed") }
            }
        }
        var arguments = c.options
        var stdin: Data? = nil
        switch c.transport {
        case .commandLine:
            arguments += ["-c", String(decoding: c.input, as: UTF8.self)]
        case .file:
            let url = dir.appendingPathComponent("input.steppe")
            try Data(c.input).write(to: url)
            arguments.append("input.steppe")
        case .stdin:
            stdin = Data(c.input)
        }
        let outcome = try run(arguments, stdin: stdin, directory: dir, timeout: timeout)
        return (outcome, dir)
    }

    static func run(_ arguments: [String], stdin: Data?, directory: URL, timeout: Double) throws -> Outcome {
        let process = Process()
        process.executableURL = try SteppeBinary.checked()
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // Never touch the user's history.
        env["STEPPE_HISTORY"] = directory.appendingPathComponent("history").path
        process.environment = env
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        let started = Date()
        try process.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box(), errBox = Box()
        let group = DispatchGroup()
        let writer = inp.fileHandleForWriting
        let queue = DispatchQueue.global()
        group.enter()
        queue.async {
            // steppe may stop reading early (an error): a broken pipe is fine.
            if let stdin, !stdin.isEmpty { _ = try? writer.write(contentsOf: stdin) }
            try? writer.close()
            group.leave()
        }
        group.enter()
        queue.async {
            outBox.data = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        queue.async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        var outcome = Outcome()
        let deadline = started.addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                outcome.timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(2000)
        }
        process.waitUntilExit()
        _ = group.wait(timeout: .now() + 10)
        outcome.seconds = Date().timeIntervalSince(started)
        outcome.stdout = outBox.data
        outcome.stderr = String(decoding: errBox.data, as: UTF8.self)
        if process.terminationReason == .uncaughtSignal {
            outcome.signal = process.terminationStatus
        } else {
            outcome.status = process.terminationStatus
        }
        return outcome
    }

    /// The robustness contract for any input: it ends by itself in time,
    /// with status 0, 1 or 2, never by a signal or a runtime trap; a status
    /// other than 0 comes with an `error:` line on stderr.
    static func problems(_ c: Case, _ o: Outcome, dir: URL) -> String? {
        var p: [String] = []
        if o.timedOut { p.append("did not finish within the time limit (a hang)") }
        if let s = o.signal, !o.timedOut { p.append("killed by signal \(s) (a crash)") }
        if o.signal == nil && ![0, 1, 2].contains(o.status) { p.append("exit status \(o.status), expected 0, 1 or 2") }
        if o.signal == nil && o.status != 0 && !o.stderr.split(separator: "\n").contains(where: { $0.contains("error:") }) {
            p.append("exit status \(o.status) without an 'error:' line on stderr")
        }
        for trap in ["Fatal error", "Program crashed", "Backtracing", "AddressSanitizer"] where o.stderr.contains(trap) {
            p.append("stderr shows a crash ('\(trap)')")
        }
        if let check = c.check, let extra = check(o, dir) { p.append(extra) }
        guard !p.isEmpty else { return nil }
        return "\(c)\n    " + p.joined(separator: "\n    ") + "\n    status \(o.status), \(String(format: "%.1f", o.seconds)) s, stderr: \(o.stderr.prefix(600))"
    }

    /// The hang guards, in seconds of wall-clock time. They catch a hang,
    /// not slowness: each is far beyond what the work takes, so a slow or
    /// busy machine cannot reach it by working. Measured with the release
    /// binary (what these tests run), CPU time: a small generated case takes
    /// about 10 ms, and the heaviest hand-written case, 20,000 unknown names
    /// with --keep-going, 0.5 s (1.9 s wall with a load average of 14 on two
    /// cores); "100k statements", "100k lets" and "10k warnings" 0.1-0.3 s.
    /// That is a margin of 1,000 times for `smallLimit` and over 100 times
    /// (30 times the loaded wall time) for `heavyLimit`.
    static let smallLimit: Double = 10
    static let heavyLimit: Double = 60

    /// Runs the cases a few at a time and returns the problems found.
    static func check(_ cases: [Case], timeout: Double = smallLimit, workers: Int = 3) -> [String] {
        final class Shared: @unchecked Sendable {
            let lock = NSLock()
            var next = 0
            var problems: [String] = []
        }
        let shared = Shared()
        let group = DispatchGroup()
        for _ in 0..<max(1, workers) {
            group.enter()
            Thread {
                while true {
                    shared.lock.lock()
                    let i = shared.next
                    shared.next += 1
                    shared.lock.unlock()
                    guard i < cases.count else { break }
                    let c = cases[i]
                    var problem: String?
                    do {
                        let (outcome, dir) = try run(c, timeout: timeout)
                        problem = problems(c, outcome, dir: dir)
                        try? FileManager.default.removeItem(at: dir)
                    } catch {
                        problem = "\(c)\n    could not run: \(error)"
                    }
                    if let problem {
                        shared.lock.lock()
                        shared.problems.append(problem)
                        shared.lock.unlock()
                    }
                }
                group.leave()
            }.start()
        }
        group.wait()
        return shared.problems
    }
}

struct RunnerError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// SplitMix64: a small deterministic generator, so every run makes the same mutations.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
