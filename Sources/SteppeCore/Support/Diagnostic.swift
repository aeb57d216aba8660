/// A user-facing problem: a message pinned to a place, with optional notes.
/// Data only; `DiagnosticRenderer` draws it.
public struct Diagnostic: Error, Sendable {
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    /// Which problem it is; its text is the message.
    public var kind: DiagnosticKind
    public var message: String { kind.message }
    /// The file and range the message points at; nil for problems with no place.
    public var file: SourceFile?
    public var range: SourceRange
    /// Shown after the caret (first one) and below it (the rest).
    public var notes: [String]
    /// Where this file was opened from (`:run`, `:load`), innermost first.
    public var chain: [Frame]
    /// The text ended before the statement did (an open bracket, a trailing
    /// operator): the prompt asks for another line instead of reporting it.
    public var incomplete: Bool
    /// Already shown where it happened (inside a `:run` script); it only
    /// marks the statement that ran the script as failed.
    public var alreadyReported = false

    public struct Frame: Sendable {
        public var file: SourceFile
        public var range: SourceRange
        public var what: String
        public init(file: SourceFile, range: SourceRange, what: String) {
            self.file = file
            self.range = range
            self.what = what
        }
    }

    public init(_ kind: DiagnosticKind, file: SourceFile? = nil, range: SourceRange = .none,
                notes: [String] = [], severity: Severity = .error) {
        self.severity = severity
        self.kind = kind
        self.file = file
        self.range = range
        self.notes = notes
        self.chain = []
        incomplete = kind.isIncomplete
    }

    /// An evaluation error, placed in the file it arose in.
    public init(_ e: EvalError, file: SourceFile?) {
        self.init(.evaluation(e.problem, command: e.command), file: file, range: e.range, notes: e.notes)
    }
}

/// Which catalogue a diagnostic's problem is from, and which case. Boxed, so
/// that a `Diagnostic` stays small: every parser frame makes room for one.
public indirect enum DiagnosticKind: Sendable, Equatable {
    /// An evaluation error, and the command it arose in (`compare: …`).
    case evaluation(Problem, command: String? = nil)
    case syntax(SyntaxProblem)
    case pack(PackProblem)

    public var message: String {
        switch self {
        case .evaluation(let p, let command): return (command.map { $0 + ": " } ?? "") + p.message
        case .syntax(let p): return p.message
        case .pack(let p): return p.message
        }
    }

    var isIncomplete: Bool {
        if case .syntax(let p) = self { return p.isIncomplete }
        return false
    }
}

/// An error raised while evaluating, before the file it belongs to is known.
/// The evaluator turns it into a `Diagnostic` with the current file.
public struct EvalError: Error, Sendable {
    /// Which error it is (`Problem` holds the text of each).
    public var problem: Problem
    public var range: SourceRange
    public var notes: [String]
    /// The command it arose in, shown before the message: `compare: …`.
    public var command: String?

    public init(_ problem: Problem, _ range: SourceRange, notes: [String] = []) {
        self.problem = problem
        self.range = range
        self.notes = notes
    }

    public var message: String { DiagnosticKind.evaluation(problem, command: command).message }
}

/// Draws diagnostics in the compiler style:
/// ```
/// <stdin>:1:1: error: unknown name 'kazakstan'
///  1 | kazakstan.region
///    | ^~~~~~~~~ did you mean 'kazakhstan'?
/// ```
public struct DiagnosticRenderer: Sendable {
    public var color: Bool
    public init(color: Bool) { self.color = color }

    public func render(_ d: Diagnostic) -> String {
        var out = ""
        let label = d.severity.rawValue
        let tint = d.severity == .error ? "\u{1B}[1;31m" : (d.severity == .warning ? "\u{1B}[1;35m" : "\u{1B}[1;36m")
        let bold = color ? "\u{1B}[1m" : ""
        let reset = color ? "\u{1B}[0m" : ""
        let labelText = color ? tint + label + ":" + reset : label + ":"
        let message = DiagnosticRenderer.visible(d.message)
        let notes = d.notes.map(DiagnosticRenderer.visible)
        guard let file = d.file else {
            out += "\(bold)steppe:\(reset) \(labelText) \(bold)\(message)\(reset)\n"
            for note in notes { out += "  note: \(note)\n" }
            return out
        }
        let (line, column) = file.location(of: d.range.start)
        out += "\(bold)\(DiagnosticRenderer.visible(file.name)):\(line):\(column):\(reset) \(labelText) \(bold)\(message)\(reset)\n"
        out += snippet(file: file, range: d.range, note: notes.first, tint: color ? tint : "")
        for note in notes.dropFirst() {
            out += String(repeating: " ", count: gutterWidth(line)) + " = note: \(note)\n"
        }
        for frame in d.chain {
            let (l, c) = frame.file.location(of: frame.range.start)
            let noteLabel = color ? "\u{1B}[1;36mnote:\u{1B}[0m" : "note:"
            out += "\(bold)\(DiagnosticRenderer.visible(frame.file.name)):\(l):\(c):\(reset) \(noteLabel) \(DiagnosticRenderer.visible(frame.what))\n"
        }
        return out
    }

    private func gutterWidth(_ line: Int) -> Int { String(line).count + 1 }

    /// Text from a script, a pack or a file name, safe to show at a
    /// terminal: control characters (an escape sequence could clear the
    /// screen or retitle the window) become their visible symbols, one
    /// character for one, so the caret still lines up. Tabs are kept.
    public static func visible(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if isControl(u) {
                let symbol = u.value == 0x7F ? Unicode.Scalar(0x2421) : (u.value < 0x20 ? Unicode.Scalar(0x2400 + u.value) : nil)
                out.append(symbol ?? "\u{FFFD}")
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    private static func isControl(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x20 && u != "\t" && u != "\n") || (u.value >= 0x7F && u.value < 0xA0)
    }

    private func snippet(file: SourceFile, range: SourceRange, note: String?, tint: String) -> String {
        let (line, column) = file.location(of: range.start)
        var text = file.lineText(containing: range.start)
        // Very long lines are cut around the caret so the snippet stays readable.
        var caretColumn = column
        let chars = Array(text)
        if chars.count > 200 {
            let from = max(0, column - 80)
            let to = min(chars.count, from + 160)
            text = (from > 0 ? "…" : "") + String(chars[from..<to]) + (to < chars.count ? "…" : "")
            caretColumn = column - from + (from > 0 ? 1 : 0)
        }
        // The span on this line, in the file's own bytes (a line of invalid
        // UTF-8 decodes longer than it is; a range may come from elsewhere).
        let lineStart = file.lineStart(containing: range.start)
        var lineEndOffset = lineStart
        while lineEndOffset < file.bytes.count && file.bytes[lineEndOffset] != UInt8(ascii: "\n") { lineEndOffset += 1 }
        let spanEnd = min(range.end, lineEndOffset, file.bytes.count)
        let width = max(1, spanEnd > range.start
            ? String(decoding: file.bytes[range.start..<spanEnd], as: UTF8.self).count : 1)
        let number = String(line)
        let pad = String(repeating: " ", count: number.count)
        let reset = tint.isEmpty ? "" : "\u{1B}[0m"
        var caret = String(repeating: " ", count: max(0, caretColumn - 1)) + tint + "^"
            + String(repeating: "~", count: min(width, 160) - 1) + reset
        if let note { caret += " " + note }
        let cleaned = DiagnosticRenderer.visible(String(text.map { $0 == "\t" ? " " : $0 }))
        return " \(number) | \(cleaned)\n \(pad) | \(caret)\n"
    }
}
