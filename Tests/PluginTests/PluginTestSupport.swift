import SteppeCore
import Statistics
import Compare
import Crosscheck
import Timeline
import Chart
import Search
import Describe
import Example

/// The built-in plugins, as steppe's catalog lists them.
var builtinPlugins: [any SteppePlugin.Type] { [Statistics.self, Compare.self, Crosscheck.self, Timeline.self, Chart.self, Search.self, Describe.self] }

/// A fresh session with the built-in facts, the given plugins, and its output captured.
func session(_ plugins: [any SteppePlugin.Type] = builtinPlugins, format: OutputFormat = .table) throws -> Session {
    let s = try Session.withBuiltinFacts(output: OutputBuffer(capture: true))
    for p in plugins { try s.load(plugin: p) }
    s.options.format = format
    return s
}

/// Runs `text` as a script: its stdout and stderr.
@discardableResult
func run(_ text: String, in s: Session) -> (out: String, err: String) {
    s.run(SourceFile(name: "<test>", text: text))
    return s.output.takeCaptured()
}

/// The stdout lines of one statement that must succeed; a failure shows as `ERROR: …`.
func lines(_ text: String, in s: Session) -> [String] {
    let r = run(text, in: s)
    if !r.err.isEmpty { return ["ERROR: " + r.err] }
    var out = r.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if out.last == "" { out.removeLast() }
    return out
}

/// The one-line result of a statement that must succeed.
func eval(_ text: String, in s: Session) -> String {
    lines(text, in: s).joined(separator: "\n")
}

/// The error a statement reports (empty when it succeeds).
func error(_ text: String, in s: Session) -> String {
    run(text, in: s).err
}
