/// What one statement of a script did, as a report shows it: handed to
/// `Session.statementObserver` after each statement of the scripts the
/// session runs itself (not those of a `:run` inside them).
public struct StatementRecord: Sendable {
    public enum Outcome: Sendable {
        /// Nothing to show (`let`, `set`, `def`, a fact, most `:` commands).
        case nothing
        /// An expression's result, with the command's presentation if any.
        case result(CommandResult)
        /// A `why`: the value whose lineage is drawn.
        case why(Value)
        /// It failed: the diagnostic as stderr shows it, without colour.
        case failed(String)
    }

    /// The file the statement is in, and where.
    public let file: SourceFile
    public let statement: Statement
    public let outcome: Outcome

    public init(file: SourceFile, statement: Statement, outcome: Outcome) {
        self.file = file
        self.statement = statement
        self.outcome = outcome
    }

    /// The statement as written. An expression's range leaves out the
    /// parentheses around it (`(a | b).sum` starts at `a`): they are put back.
    public var text: String {
        let bytes = file.bytes
        let range = statement.range
        var start = min(range.start, bytes.count)
        var end = min(max(range.end, start), bytes.count)
        var i = start
        while i > 0, bytes[i - 1] == UInt8(ascii: "(") || bytes[i - 1] == UInt8(ascii: " ") {
            i -= 1
            if bytes[i] == UInt8(ascii: "(") { start = i }
        }
        // Parentheses closed inside the range already balance those before it.
        var depth = 0
        for b in bytes[start..<end] {
            if b == UInt8(ascii: "(") { depth += 1 } else if b == UInt8(ascii: ")") { depth -= 1 }
        }
        var j = end
        while depth > 0, j < bytes.count, bytes[j] == UInt8(ascii: ")") || bytes[j] == UInt8(ascii: " ") {
            if bytes[j] == UInt8(ascii: ")") { depth -= 1; end = j + 1 }
            j += 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// `:NAME` for a session command, with aliases resolved (`r` is `run`).
    public var sessionCommand: (name: String, argument: String)? {
        guard case .session(let name, let argument, _) = statement else { return nil }
        return (Session.sessionCommandAliases[name] ?? name, argument)
    }
}

/// A report in the making: the options the command line gave and the
/// statements seen so far. The executable fills it through the session's
/// observer and hands it to libSteppeReport.so, which writes the file.
public final class ReportJob {
    /// `OUT.html` or `OUT.md`.
    public let path: String
    public internal(set) var records: [StatementRecord] = []
    /// Set by the writer: the files it wrote, or why it could not.
    public var written: [String] = []
    public var failure: String?

    public init(path: String) { self.path = path }

    public func append(_ record: StatementRecord) { records.append(record) }
}

extension Session {
    /// Called after each statement the session runs at the top level (not
    /// inside a `:run`); set for `--report`. Statements make figures for it
    /// (`chart` draws its SVG) while it is set.
    public var statementObserver: ((StatementRecord) -> Void)? {
        get { observer.callback }
        set { observer.callback = newValue }
    }

    /// Whether statements are being recorded: the run loop keeps what they showed.
    var recordingStatements: Bool { observer.callback != nil && frames.isEmpty }

    /// Keeps what the statement showed, for its record.
    func recordShown(_ outcome: StatementRecord.Outcome) {
        if recordingStatements { observer.shown = outcome }
    }

    /// After a statement at the top level: tells the observer what it did.
    func recordStatement(_ statement: Statement, in file: SourceFile, failure: Diagnostic?) {
        guard let callback = observer.callback, frames.isEmpty else { return }
        var outcome = observer.shown ?? .nothing
        observer.shown = nil
        if let failure { outcome = .failed(renderedForRecord(failure)) }
        callback(StatementRecord(file: file, statement: statement, outcome: outcome))
    }

    private func renderedForRecord(_ d: Diagnostic) -> String {
        DiagnosticRenderer(color: false).render(d)
    }
}

/// The observer and what the current statement showed.
struct StatementObserver {
    var callback: ((StatementRecord) -> Void)?
    var shown: StatementRecord.Outcome?
}
