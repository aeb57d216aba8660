/// One lexical unit. Tokens hold byte offsets into their `SourceFile`.
public struct Token: Sendable {
    public enum Kind: Sendable, Equatable {
        case number(Double)
        case date(CivilDate)
        case text(String)
        case name(String)
        case sessionCommand(String)
        case symbol(Symbol)
        /// A character no token starts with (`£`, `'`, `А`): an error, except
        /// among the words of a command that takes them as written
        /// (`search Алматы`); the lexer decides which (`Lexer.inWords`).
        /// Boxed: inline, its payload made every token larger, and a script
        /// of one-line statements 22% slower to read.
        indirect case unexpected(SyntaxProblem, notes: [String])
        case newline
        case end
    }

    public enum Symbol: String, Sendable {
        case plus = "+", minus = "-", star = "*", slash = "/", caret = "^", percent = "%"
        case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
        case assign = "=", lparen = "(", rparen = ")", lbracket = "[", rbracket = "]"
        case lbrace = "{", rbrace = "}", comma = ",", colon = ":", dot = ".", pipe = "|", semicolon = ";"
    }

    public var kind: Kind
    public var range: SourceRange
    /// Whitespace (or a line break) came right before it: units and `DDDD-DD`
    /// dates are written without spaces inside.
    public var spaced: Bool

    public var name: String? {
        if case .name(let n) = kind { return n }
        return nil
    }

    var isText: Bool {
        if case .text = kind { return true }
        return false
    }

    public func isSymbol(_ s: Symbol) -> Bool {
        if case .symbol(let t) = kind { return t == s }
        return false
    }

    public func isName(_ word: String) -> Bool {
        if case .name(let n) = kind { return n == word }
        return false
    }

    public var describe: String {
        switch kind {
        case .number: return "a number"
        case .date: return "a date"
        case .text: return "a text"
        case .name(let n): return "'\(n)'"
        case .sessionCommand: return "a session command"
        case .symbol(let s): return "'\(s.rawValue)'"
        case .unexpected(let p, _): return p.message
        case .newline: return "end of line"
        case .end: return "end of input"
        }
    }
}
