@testable import SteppeCore

/// A fresh session with the built-in facts whose output is captured.
func session() throws -> Session {
    try Session.withBuiltinFacts(output: OutputBuffer(capture: true))
}

/// Runs `text` as a script and returns stdout, stderr and the outcome.
@discardableResult
func run(_ text: String, in s: Session? = nil, name: String = "<test>") throws -> (out: String, err: String, outcome: Session.Outcome) {
    let s = try s ?? session()
    let outcome = s.run(SourceFile(name: name, text: text))
    let (out, err) = s.output.takeCaptured()
    return (out, err, outcome)
}

/// The table-format output of one statement, without its newline.
func eval(_ text: String, in s: Session? = nil) throws -> String {
    let r = try run(text, in: s)
    if !r.err.isEmpty { return "ERROR: " + r.err }
    return String(r.out.dropLast())
}

/// The first diagnostic of parsing `text`, or nil if it parses.
func parseError(_ text: String) -> Diagnostic? {
    do {
        _ = try Parser.parse(SourceFile(name: "<test>", text: text))
        return nil
    } catch {
        return error
    }
}

/// `line:column` of a diagnostic.
func place(_ d: Diagnostic?) -> String? {
    guard let d, let file = d.file else { return nil }
    let (l, c) = file.location(of: d.range.start)
    return "\(l):\(c)"
}
