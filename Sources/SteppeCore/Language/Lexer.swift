/// Turns steppe text into tokens. Works on UTF-8 bytes without allocating
/// per token except for names and texts. Newlines are tokens, except inside
/// brackets or after a token that asks for more (`|`, `,`, a binary operator),
/// where a statement continues on the next line.
public struct Lexer {
    let file: SourceFile
    let bytes: [UInt8]
    var pos = 0
    var depth = 0

    public init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
    }

    /// All tokens, ending with `.end`. Throws the first lexical error.
    public static func tokenize(_ file: SourceFile) throws(Diagnostic) -> [Token] {
        try tokenize(file, from: 0, oneStatement: false).tokens
    }

    /// The tokens of the one statement that starts at `offset` (ending with
    /// `.end`), and the offset after it: a pack is read a statement at a time.
    /// `wordCommands`: the commands that take the rest of their statement as
    /// words, among which any character may stand (`search Алматы`).
    public static func tokenizeStatement(_ file: SourceFile, from offset: Int,
                                         wordCommands: Set<String> = []) throws(Diagnostic) -> (tokens: [Token], end: Int) {
        try tokenize(file, from: offset, oneStatement: true, wordCommands: wordCommands)
    }

    /// Whether a token coming after `tokens` is among the words of a word
    /// command: the statement, or the stage after its last `|`, starts with
    /// one (not called with brackets), as `Parser.wordCommand` reads it.
    static func inWords(_ tokens: [Token], _ wordCommands: Set<String>) -> Bool {
        guard !wordCommands.isEmpty else { return false }
        var start = tokens.count
        while start > 0 {
            let t = tokens[start - 1]
            if t.kind == .newline || t.isSymbol(.pipe) || t.isSymbol(.semicolon) { break }
            start -= 1
        }
        guard start < tokens.count, let name = tokens[start].name, wordCommands.contains(name) else { return false }
        return start + 1 == tokens.count || !tokens[start + 1].isSymbol(.lparen)
    }

    static func tokenize(_ file: SourceFile, from offset: Int, oneStatement: Bool,
                         wordCommands: Set<String> = []) throws(Diagnostic) -> (tokens: [Token], end: Int) {
        var lexer = Lexer(file: file)
        lexer.pos = offset
        var tokens: [Token] = []
        tokens.reserveCapacity(oneStatement ? 16 : file.bytes.count / 6 + 4)
        while true {
            let spacedBefore = lexer.skipSpace()
            let start = lexer.pos
            guard lexer.pos < lexer.bytes.count else {
                tokens.append(Token(kind: .end, range: SourceRange(start, start), spaced: true))
                return (tokens, lexer.pos)
            }
            let b = lexer.bytes[lexer.pos]
            if b == UInt8(ascii: "\n") {
                lexer.pos += 1
                let afterSessionCommand: Bool
                if case .sessionCommand = tokens.last?.kind { afterSessionCommand = true } else { afterSessionCommand = false }
                let continues = lexer.depth > 0 || (tokens.last.map(Lexer.continuesLine) ?? true)
                    || (!afterSessionCommand && lexer.nextLineStartsWithPipe())
                if !continues, tokens.last.map({ $0.kind != .newline }) ?? false {
                    if oneStatement {
                        // The line break ends the statement; `.end` after it
                        // stops the parser without saying the text ended.
                        tokens.append(Token(kind: .newline, range: SourceRange(start, start + 1), spaced: spacedBefore))
                        tokens.append(Token(kind: .end, range: SourceRange(start + 1, start + 1), spaced: true))
                        return (tokens, lexer.pos)
                    }
                    tokens.append(Token(kind: .newline, range: SourceRange(start, start + 1), spaced: spacedBefore))
                }
                continue
            }
            if oneStatement && b == UInt8(ascii: ";") && lexer.depth == 0 {
                lexer.pos += 1
                tokens.append(Token(kind: .symbol(.semicolon), range: SourceRange(start, start + 1), spaced: spacedBefore))
                tokens.append(Token(kind: .end, range: SourceRange(start + 1, start + 1), spaced: true))
                return (tokens, lexer.pos)
            }
            if b == UInt8(ascii: ":") && lexer.depth == 0 && lexer.atStatementStart(tokens) {
                tokens.append(lexer.sessionCommand())
                continue
            }
            var token = try lexer.next()
            if case .unexpected(let problem, let notes) = token.kind, !Lexer.inWords(tokens, wordCommands) {
                throw Diagnostic(.syntax(problem), file: file, range: token.range, notes: notes)
            }
            token.spaced = spacedBefore || start == 0
            tokens.append(token)
        }
    }

    /// A line ending with this token goes on to the next line.
    static func continuesLine(_ t: Token) -> Bool {
        switch t.kind {
        case .newline: return true
        case .symbol(let s):
            switch s {
            case .pipe, .comma, .plus, .minus, .star, .slash, .caret, .eq, .ne, .lt, .le, .gt, .ge, .assign:
                return true
            default: return false
            }
        case .name(let n): return n == "and" || n == "or"
        default: return false
        }
    }

    func atStatementStart(_ tokens: [Token]) -> Bool {
        guard let last = tokens.last else { return true }
        return last.kind == .newline || last.isSymbol(.semicolon)
    }

    /// Whether the line starting at `pos` begins (after blanks) with `|`:
    /// a pipeline may go on with its stages on lines of their own,
    ///
    ///     facts | where topic == "casualties"
    ///           | select property, value
    func nextLineStartsWithPipe() -> Bool {
        var i = pos
        while i < bytes.count && (bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") || bytes[i] == UInt8(ascii: "\r")) {
            i += 1
        }
        return i < bytes.count && bytes[i] == UInt8(ascii: "|")
    }

    /// Skips blanks and comments; reports whether any were skipped.
    mutating func skipSpace() -> Bool {
        let start = pos
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") {
                pos += 1
            } else if b == UInt8(ascii: "#") {
                while pos < bytes.count && bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
            } else if b == UInt8(ascii: "\\"), pos + 1 < bytes.count, bytes[pos + 1] == UInt8(ascii: "\n") {
                pos += 2
            } else {
                break
            }
        }
        return pos > start
    }

    mutating func sessionCommand() -> Token {
        let start = pos
        // Ends at the line's end, or at `;` so `-c 'let x = 1; :vars'` works.
        while pos < bytes.count && bytes[pos] != UInt8(ascii: "\n") && bytes[pos] != UInt8(ascii: ";") { pos += 1 }
        var end = pos
        while end > start && (bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\r")) { end -= 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        return Token(kind: .sessionCommand(text), range: SourceRange(start, end), spaced: true)
    }

    mutating func next() throws(Diagnostic) -> Token {
        let start = pos
        let b = bytes[pos]
        if isDigit(b) || (b == UInt8(ascii: ".") && pos + 1 < bytes.count && isDigit(bytes[pos + 1])) {
            return try number()
        }
        if isNameStart(b) {
            while pos < bytes.count && isNameChar(bytes[pos]) { pos += 1 }
            let name = String(decoding: bytes[start..<pos], as: UTF8.self)
            return Token(kind: .name(name), range: SourceRange(start, pos), spaced: false)
        }
        if b == UInt8(ascii: "\"") { return try text() }
        pos += 1
        let two: Token.Symbol? = pos < bytes.count ? {
            switch (b, bytes[pos]) {
            case (UInt8(ascii: "="), UInt8(ascii: "=")): return .eq
            case (UInt8(ascii: "!"), UInt8(ascii: "=")): return .ne
            case (UInt8(ascii: "<"), UInt8(ascii: "=")): return .le
            case (UInt8(ascii: ">"), UInt8(ascii: "=")): return .ge
            default: return nil
            }
        }() : nil
        if let two {
            pos += 1
            return Token(kind: .symbol(two), range: SourceRange(start, pos), spaced: false)
        }
        let symbol: Token.Symbol
        switch b {
        case UInt8(ascii: "+"): symbol = .plus
        case UInt8(ascii: "-"): symbol = .minus
        case UInt8(ascii: "*"): symbol = .star
        case UInt8(ascii: "/"): symbol = .slash
        case UInt8(ascii: "^"): symbol = .caret
        case UInt8(ascii: "%"): symbol = .percent
        case UInt8(ascii: "<"): symbol = .lt
        case UInt8(ascii: ">"): symbol = .gt
        case UInt8(ascii: "="): symbol = .assign
        case UInt8(ascii: "("): symbol = .lparen; depth += 1
        case UInt8(ascii: ")"): symbol = .rparen; depth = max(0, depth - 1)
        case UInt8(ascii: "["): symbol = .lbracket; depth += 1
        case UInt8(ascii: "]"): symbol = .rbracket; depth = max(0, depth - 1)
        case UInt8(ascii: "{"): symbol = .lbrace; depth += 1
        case UInt8(ascii: "}"): symbol = .rbrace; depth = max(0, depth - 1)
        case UInt8(ascii: ","): symbol = .comma
        case UInt8(ascii: ":"): symbol = .colon
        case UInt8(ascii: "."): symbol = .dot
        case UInt8(ascii: "|"): symbol = .pipe
        case UInt8(ascii: ";"): symbol = .semicolon
        default:
            // Step over the whole UTF-8 sequence so the caret covers one character.
            while pos < bytes.count && bytes[pos] & 0xC0 == 0x80 { pos += 1 }
            let ch = String(decoding: bytes[start..<pos], as: UTF8.self)
            let problem: SyntaxProblem = ch.unicodeScalars.first.map { $0.value < 32 || $0.value == 0xFFFD } ?? true
                ? .unexpectedByte(b) : .unexpectedCharacter(ch)
            var notes: [String] = []
            if ch == "×" { notes.append("write '*' for multiplication") }
            if ch == "÷" { notes.append("write '/' for division") }
            if ch == "≈" { notes.append("write about(x) for an approximate figure") }
            if ch == "'" { notes.append("texts are written in double quotes") }
            return Token(kind: .unexpected(problem, notes: notes), range: SourceRange(start, pos), spaced: false)
        }
        return Token(kind: .symbol(symbol), range: SourceRange(start, pos), spaced: false)
    }

    mutating func number() throws(Diagnostic) -> Token {
        let start = pos
        if let date = try dateLiteral() { return date }
        // The commonest figure, a whole number of up to 15 digits with no `_`,
        // is read straight from the bytes: it is exact in a Double.
        var end = pos
        var whole = 0.0
        while end < bytes.count, end - start < 16, isDigit(bytes[end]) {
            whole = whole * 10 + Double(bytes[end] - 48)
            end += 1
        }
        if end - start <= 15 && (end >= bytes.count || !(bytes[end] == UInt8(ascii: "_") || bytes[end] == UInt8(ascii: ".")
                                                        || bytes[end] == UInt8(ascii: "e") || bytes[end] == UInt8(ascii: "E")
                                                        || isDigit(bytes[end]))) {
            pos = end
            return Token(kind: .number(whole), range: SourceRange(start, pos), spaced: false)
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(32)
        func take(_ accept: (UInt8) -> Bool) {
            while pos < bytes.count && (accept(bytes[pos]) || (bytes[pos] == UInt8(ascii: "_") && pos + 1 < bytes.count && accept(bytes[pos + 1]) && !digits.isEmpty)) {
                if bytes[pos] != UInt8(ascii: "_") { digits.append(bytes[pos]) }
                pos += 1
            }
        }
        take(isDigit)
        if pos + 1 < bytes.count && bytes[pos] == UInt8(ascii: ".") && isDigit(bytes[pos + 1]) {
            digits.append(UInt8(ascii: "."))
            pos += 1
            take(isDigit)
        }
        if pos < bytes.count && (bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E")) {
            var look = pos + 1
            if look < bytes.count && (bytes[look] == UInt8(ascii: "+") || bytes[look] == UInt8(ascii: "-")) { look += 1 }
            if look < bytes.count && isDigit(bytes[look]) {
                digits.append(contentsOf: bytes[pos..<look])
                pos = look
                take(isDigit)
            }
        }
        // Whole numbers of up to 15 digits are exact in a Double: no parser needed.
        if digits.count <= 15, digits.allSatisfy(isDigit) {
            let value = digits.reduce(0.0) { $0 * 10 + Double($1 - 48) }
            return Token(kind: .number(value), range: SourceRange(start, pos), spaced: false)
        }
        let text = String(decoding: digits, as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw Diagnostic(.syntax(.numberOutOfRange), file: file, range: SourceRange(start, pos),
                             notes: ["the largest figure steppe holds is about 1.8e308"])
        }
        return Token(kind: .number(value), range: SourceRange(start, pos), spaced: false)
    }

    /// `DDDD-DD` and `DDDD-DD-DD`, written without spaces, are always dates.
    mutating func dateLiteral() throws(Diagnostic) -> Token? {
        let start = pos
        func digitsAt(_ i: Int, _ n: Int) -> Bool {
            guard i + n <= bytes.count else { return false }
            return bytes[i..<(i + n)].allSatisfy(isDigit)
        }
        func notDigitAfter(_ i: Int) -> Bool { i >= bytes.count || !(isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "_") || bytes[i] == UInt8(ascii: ".")) }
        guard digitsAt(start, 4), start + 7 <= bytes.count, bytes[start + 4] == UInt8(ascii: "-"),
              digitsAt(start + 5, 2), notDigitAfter(start + 7) else { return nil }
        if start > 0 && (isDigit(bytes[start - 1]) || isNameChar(bytes[start - 1])) { return nil }
        var end = start + 7
        if end + 3 <= bytes.count && bytes[end] == UInt8(ascii: "-") && digitsAt(end + 1, 2) && notDigitAfter(end + 3) {
            end += 3
        }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        pos = end
        guard let date = CivilDate.parse(Substring(text)) else {
            throw Diagnostic(.syntax(.impossibleDate(text)), file: file, range: SourceRange(start, end),
                             notes: ["a date is YYYY-MM or YYYY-MM-DD with a real month and day"])
        }
        return Token(kind: .date(date), range: SourceRange(start, end), spaced: false)
    }

    mutating func text() throws(Diagnostic) -> Token {
        let start = pos
        pos += 1
        // A text without escapes (most are) is its bytes as they stand.
        var end = pos
        while end < bytes.count && bytes[end] != UInt8(ascii: "\"") && bytes[end] != UInt8(ascii: "\\") && bytes[end] != UInt8(ascii: "\n") {
            end += 1
        }
        if end < bytes.count && bytes[end] == UInt8(ascii: "\"") {
            let text = String(decoding: bytes[pos..<end], as: UTF8.self)
            pos = end + 1
            return Token(kind: .text(text), range: SourceRange(start, pos), spaced: false)
        }
        var out: [UInt8] = Array(bytes[pos..<end])
        pos = end
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                pos += 1
                return Token(kind: .text(String(decoding: out, as: UTF8.self)), range: SourceRange(start, pos), spaced: false)
            }
            if b == UInt8(ascii: "\n") { break }
            if b == UInt8(ascii: "\\") {
                guard pos + 1 < bytes.count else { break }
                let e = bytes[pos + 1]
                switch e {
                case UInt8(ascii: "\""): out.append(e)
                case UInt8(ascii: "\\"): out.append(e)
                case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
                default:
                    throw Diagnostic(.syntax(.unknownEscape(String(decoding: [e], as: UTF8.self))),
                                     file: file, range: SourceRange(pos, pos + 2),
                                     notes: ["the escapes are \\\" \\\\ \\n \\t"])
                }
                pos += 2
                continue
            }
            out.append(b)
            pos += 1
        }
        throw Diagnostic(.syntax(.unterminatedText), file: file, range: SourceRange(start, start + 1),
                         notes: ["add a closing '\"' on this line"])
    }

    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) func isNameStart(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95
    }
    @inline(__always) func isNameChar(_ b: UInt8) -> Bool { isNameStart(b) || isDigit(b) }
}
