import Foundation
import TestSupport
import Testing

/// Runs the real `steppe` binary and captures what it prints.
struct Run {
    var stdout: String
    var stderr: String
    var status: Int32

    static let packageRoot = SteppeBinary.packageRoot

    /// The release binary (or `STEPPE_BIN`): see SteppeBinary.
    static let binary = SteppeBinary.url

    /// Runs steppe with `arguments`, feeding `input` on stdin; gives up after `timeout` seconds.
    static func steppe(_ arguments: [String], input: String? = nil, environment: [String: String] = [:],
                       directory: URL? = nil, timeout: Double = 30, executable: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = try executable ?? SteppeBinary.checked()
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        let writer = Thread {
            if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
            try? inp.fileHandleForWriting.close()
        }
        writer.start()
        // Read both pipes concurrently so a chatty process never blocks on a full pipe.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let errReader = Thread { errBox.data = err.fileHandleForReading.readDataToEndOfFile() }
        errReader.start()
        let deadline = Date().addingTimeInterval(timeout)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw HarnessError("steppe \(arguments) did not finish within \(timeout) s")
            }
            usleep(2000)
        }
        while errReader.isExecuting || !errReader.isFinished { usleep(1000) }
        return Run(stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errBox.data, as: UTF8.self),
                   status: process.terminationStatus)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// A script with inline expectations:
/// - `# expect: TEXT` — the next line of stdout is TEXT (in order, over the whole file);
/// - `# expect error: LINE:COL MESSAGE` — a diagnostic at LINE:COL whose message contains MESSAGE;
///   `# expect error: FILE:LINE:COL MESSAGE` — the same in another file (a pack the script loads);
/// - `# expect warning: TEXT` — a warning containing TEXT;
/// - `# expect exit: N` — the exit status (default 0, or 1 when errors are expected).
struct ScriptSpec: CustomTestStringConvertible, Sendable {
    var path: String
    var expectedLines: [String] = []
    var expectedErrors: [(line: Int, column: Int, message: String, file: String?)] = []
    var expectedWarnings: [String] = []
    var expectedExit: Int32?
    /// Expectations that could not be read: the script fails rather than
    /// running with fewer checks than it was written with.
    var malformed: [String] = []
    var testDescription: String { String(path.dropFirst(Run.packageRoot.path.count + 1)) }

    init(path: String) {
        self.path = path
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            malformed.append("cannot read \(path): \(error)")
            return
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let hash = line.range(of: "# expect") else { continue }
            let rest = line[hash.upperBound...]
            if rest.hasPrefix(":") {
                var body = rest.dropFirst()
                if body.hasPrefix(" ") { body = body.dropFirst() }
                expectedLines.append(String(body))
            } else if rest.hasPrefix(" error:") {
                let body = rest.dropFirst(" error:".count).drop { $0 == " " }
                let place = body.prefix { $0 != " " }
                let pieces = place.split(separator: ":")
                let file = pieces.count == 3 && Int(pieces[0]) == nil ? String(pieces[0]) : nil
                let parts = pieces.dropFirst(file == nil ? 0 : 1).compactMap { Int($0) }
                guard parts.count == 2 else {
                    malformed.append("bad '# expect error:' (want LINE:COL MESSAGE): \(line)")
                    continue
                }
                expectedErrors.append((parts[0], parts[1], String(body.dropFirst(place.count).drop { $0 == " " }), file))
            } else if rest.hasPrefix(" warning:") {
                expectedWarnings.append(String(rest.dropFirst(" warning:".count).drop { $0 == " " }))
            } else if rest.hasPrefix(" exit:") {
                let status = rest.dropFirst(" exit:".count).trimmingCharacters(in: .whitespaces)
                guard let n = Int32(status) else {
                    malformed.append("bad '# expect exit:' (want a number): \(line)")
                    continue
                }
                expectedExit = n
            } else {
                malformed.append("unknown expectation (want '# expect:', '# expect error:', '# expect warning:' or '# expect exit:'): \(line)")
            }
        }
    }

    /// Checks a run against the expectations; returns the problems found.
    func check(_ run: Run) -> [String] {
        var problems = malformed
        var actual = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if actual.last == "" { actual.removeLast() }
        actual = actual.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        let expected = expectedLines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        if actual != expected {
            let n = zip(actual, expected).prefix { $0 == $1 }.count
            problems.append("""
            stdout differs at line \(n + 1):
              expected: \(n < expected.count ? expected[n] : "(end of output)")
              actual:   \(n < actual.count ? actual[n] : "(end of output)")
            """)
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        let errorLines = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") && !$0.hasPrefix(" ") }
        for e in expectedErrors {
            let header = "\(e.file ?? name):\(e.line):\(e.column): error: "
            if !errorLines.contains(where: { $0.contains(header) && $0.contains(e.message) }) {
                problems.append("expected an error at \(e.line):\(e.column) containing '\(e.message)'; stderr was:\n\(run.stderr)")
            }
        }
        let ownErrors = errorLines.filter { $0.contains(name + ":") }
        if ownErrors.count > expectedErrors.filter({ $0.file == nil }).count {
            problems.append("unexpected errors:\n\(run.stderr)")
        }
        for w in expectedWarnings where !run.stderr.contains(w) {
            problems.append("expected a warning containing '\(w)'; stderr was:\n\(run.stderr)")
        }
        let wantExit = expectedExit ?? (expectedErrors.isEmpty ? 0 : 1)
        if run.status != wantExit { problems.append("exit status \(run.status), expected \(wantExit); stderr:\n\(run.stderr)") }
        return problems
    }
}

enum ScriptCatalog {
    /// Every `*.steppe` under Tests/ScriptTests/scripts. (The saved analyses
    /// in Scripts/ are checked by SavedAnalysesTests, run as a user runs them:
    /// `steppe Scripts/NAME.steppe` from the package root, so the places they
    /// show read as the user sees them.)
    static func all() -> [ScriptSpec] {
        var specs: [ScriptSpec] = []
        for folder in ["Tests/ScriptTests/scripts"] {
            let dir = Run.packageRoot.appendingPathComponent(folder)
            guard let e = FileManager.default.enumerator(atPath: dir.path) else { continue }
            for case let file as String in e where file.hasSuffix(".steppe") && !file.contains("/lib/") && !file.hasPrefix("lib/") {
                specs.append(ScriptSpec(path: dir.appendingPathComponent(file).path))
            }
        }
        return specs.sorted { $0.path < $1.path }
    }
}

@Suite("Script tests with inline expectations")
struct ScriptTests {
    @Test(arguments: ScriptCatalog.all())
    func script(_ spec: ScriptSpec) throws {
        let dir = URL(fileURLWithPath: spec.path).deletingLastPathComponent()
        let run = try Run.steppe(["--keep-going", URL(fileURLWithPath: spec.path).lastPathComponent], directory: dir)
        let problems = spec.check(run)
        #expect(problems.isEmpty, "\(spec.testDescription):\n\(problems.joined(separator: "\n"))")
    }

    @Test func thereAreScripts() {
        #expect(ScriptCatalog.all().count >= 10)
    }
}
