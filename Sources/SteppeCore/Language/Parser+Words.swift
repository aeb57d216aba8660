/// Commands that take the rest of their statement as words: `search city
/// halls` is `search "city halls"` (LANGUAGE.md, "Commands").
extension Parser {
    /// The label of the argument that holds bare words as written.
    public static let wordsLabel = "words"

    /// words -> NAME token* (up to '|', ';', the end of the line, or an unmatched ')')
    ///
    /// For a command the registry declares with a `.words` parameter: one
    /// argument, a text literal as it is, or the bare words' source text
    /// labelled `words`. `search(…)` with brackets is an ordinary call.
    mutating func wordCommand() throws(Diagnostic) -> Expr? {
        guard let name = current.name, wordCommands.contains(name), !peek().isSymbol(.lparen) else { return nil }
        let nameToken = advance()
        let firstIndex = index
        height = 1
        var last: Token? = nil
        var open = 0
        while true {
            let t = current
            if case .newline = t.kind { break }
            if case .end = t.kind { break }
            if t.isSymbol(.pipe) || t.isSymbol(.semicolon) { if open == 0 { break } }
            if t.isSymbol(.lparen) || t.isSymbol(.lbracket) || t.isSymbol(.lbrace) { open += 1 }
            if t.isSymbol(.rparen) || t.isSymbol(.rbracket) || t.isSymbol(.rbrace) {
                if open == 0 { break }
                open -= 1
            }
            last = advance()
        }
        guard let last else {
            return .command(name, [], nameRange: nameToken.range, nameToken.range)
        }
        let first = tokens[firstIndex]
        let range = first.range.joined(last.range)
        let argument: Argument
        if case .text(let s) = first.kind, first.range == last.range {
            argument = Argument(label: nil, value: .text(s, range), range: range)
        } else {
            argument = Argument(label: Parser.wordsLabel, value: .text(file.text(range), range), range: range)
        }
        return .command(name, [argument], nameRange: nameToken.range, nameToken.range.joined(range))
    }
}

extension Session {
    /// The value of a `.words` argument: bare words as a text, or the entity
    /// they name when they are one entity id or alias; anything else evaluated
    /// (`search("oil")`, `search(kazakhstan)`).
    func wordsValue(_ a: Argument, _ env: Env) throws -> Value {
        if a.label == Parser.wordsLabel, case .text(let words, _) = a.value {
            if let e = store.entity(words) { return Value(.entity(e)) }
            return .text(words)
        }
        return try evaluate(a.value, env)
    }
}
