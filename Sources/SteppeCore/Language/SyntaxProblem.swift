/// The catalogue of the lexer's and the parser's errors, as `Problem` is of
/// evaluation errors: each kind is a case, its text is written once here.
public enum SyntaxProblem: Sendable, Equatable {
    // MARK: Lexer
    case unexpectedCharacter(String)
    /// A byte that starts no character (a control character, invalid UTF-8).
    case unexpectedByte(UInt8)
    case numberOutOfRange
    case impossibleDate(String)
    case unknownEscape(String)
    case unterminatedText
    // MARK: Parser
    /// `found` is the token met instead (`Token.describe`), if the message names it.
    case expected(String, found: String?)
    case expectedEndOfStatement(found: String)
    /// A bracket closed by something else.
    case unclosed(closer: String, opener: String, line: Int, column: Int, found: String)
    /// A bracket still open at the end of the text: the prompt asks for more.
    case neverClosed(opener: String, line: Int, column: Int, closer: String)
    case nestedTooDeeply(limit: Int)
    case tooManyOperations(limit: Int)
    case reservedName(String, keyword: String)
    case notAClause(String, of: String)
    case clauseTwice(String)
    case assignIsNotComparison
    case comparisonsDoNotChain
    case sessionCommandInside
    /// A table pack's `=` cell that goes on after its expression.
    case afterExpression(found: String)

    public var message: String {
        switch self {
        case .unexpectedCharacter(let c): return "unexpected character '\(c)'"
        case .unexpectedByte(let b): return "unexpected character byte 0x" + String(b, radix: 16, uppercase: true)
        case .numberOutOfRange: return "number out of range"
        case .impossibleDate(let t): return "impossible date '\(t)'"
        case .unknownEscape(let e): return "unknown escape '\\\(e)' in text"
        case .unterminatedText: return "unterminated text"
        case .expected(let what, let found): return "expected \(what)" + (found.map { ", found \($0)" } ?? "")
        case .expectedEndOfStatement(let found): return "expected end of statement, found \(found)"
        case .unclosed(let closer, let opener, let line, let column, let found):
            return "expected '\(closer)' to close '\(opener)' at \(line):\(column), found \(found)"
        case .neverClosed(let opener, let line, let column, let closer):
            return "'\(opener)' at \(line):\(column) is never closed: expected '\(closer)' before the end"
        case .nestedTooDeeply(let limit): return "expression nested too deeply (more than \(limit) levels)"
        case .tooManyOperations(let limit): return "expression nested too deeply (more than \(limit) operations inside one another)"
        case .reservedName(let n, let keyword): return "'\(n)' is a reserved word and cannot be a \(keyword) name"
        case .notAClause(let word, let statement): return "'\(word)' is not a clause of '\(statement)'"
        case .clauseTwice(let word): return "'\(word)' given twice"
        case .assignIsNotComparison: return "'=' is not a comparison"
        case .comparisonsDoNotChain: return "comparisons do not chain"
        case .sessionCommandInside: return "a session command starts a line of its own"
        case .afterExpression(let found): return "unexpected \(found) after the expression"
        }
    }

    /// The text ended before the statement did: at the prompt, another line may finish it.
    var isIncomplete: Bool {
        if case .neverClosed = self { return true }
        return false
    }
}
