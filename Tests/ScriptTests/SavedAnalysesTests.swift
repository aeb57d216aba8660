import Foundation
import TestSupport
import Testing

/// Every saved analysis in Scripts/ runs clean as a user runs it: from the
/// package root, `steppe Scripts/NAME.steppe` with the release binary, no
/// `--keep-going`, exit 0, no error, and the output its expectations say.
/// (A deliberate error belongs in Tests/ScriptTests/scripts.)
@Suite("Saved analyses run clean")
struct SavedAnalysesTests {
    static let names: [String] = {
        let folder = Run.packageRoot.appendingPathComponent("Scripts")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".steppe") }.sorted()
    }()

    @Test func thereAreSavedAnalyses() {
        #expect(Self.names.count >= 4, "\(Self.names)")
    }

    @Test(arguments: names)
    func runsCleanAsAUserRunsIt(_ name: String) throws {
        let relative = "Scripts/" + name
        let run = try Run.steppe([relative], directory: Run.packageRoot)
        #expect(run.status == 0, "steppe \(relative) exited \(run.status):\n\(run.stderr)")
        #expect(!run.stderr.contains("error:"), "steppe \(relative):\n\(run.stderr)")
        let spec = ScriptSpec(path: Run.packageRoot.appendingPathComponent(relative).path)
        #expect(spec.expectedErrors.isEmpty, "\(relative) expects an error: move it to Tests/ScriptTests/scripts")
        let problems = spec.check(run)
        #expect(problems.isEmpty, "\(relative):\n\(problems.joined(separator: "\n"))")
    }
}
