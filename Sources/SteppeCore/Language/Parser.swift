/// A recursive-descent parser for steppe. Each function carries its grammar
/// rule; precedence from loosest to tightest: `|`, `or`, `and`, `not`,
/// comparisons, `to`, `+ -`, `* /`, unary `-`, `^`, `.field` and calls.
public struct Parser {
    let file: SourceFile
    let tokens: [Token]
    var index = 0
    /// Nesting of brackets and expressions; deep input is refused, not a crash.
    var depth = 0
    static let maxDepth = 200
    /// How deeply the nodes of the expression just parsed nest. A chain such
    /// as `1 + 1 + … + 1` nests without nesting the parser; a syntax tree
    /// deeper than this is refused, since evaluating it and even freeing it
    /// recurse once per level.
    var height = 0
    static let maxHeight = 500

    /// Words that end an expression or introduce something, so they are never
    /// taken as a unit after a number.
    static let clauseWords: Set<String> = Set(IntroducerWord.allCases.map(\.rawValue)).union([
        "from", "at", "quote", "on", "topic", "and", "or", "asc", "desc",
        "kind", "aka", "publisher", "address", "note", "hedge", "in", "not",
    ])
    static let sourceClauses: Set<String> = ["by", "publisher", "year", "address", "kind", "note"]
    static let entityClauses: Set<String> = ["kind", "aka"]
    static let factClauses: Set<String> = ["from", "at", "quote", "on", "topic", "by", "hedge"]

    /// Commands that take the rest of their statement or stage as words
    /// (`search city halls`); see `Parser+Words.swift`.
    var wordCommands: Set<String> = []

    public init(file: SourceFile, tokens: [Token], wordCommands: Set<String> = []) {
        self.file = file
        self.tokens = tokens
        self.wordCommands = wordCommands
    }

    /// Parses a whole script; the first syntax error stops it. Tokens are
    /// made a statement at a time, so a long script never holds them all.
    public static func parse(_ file: SourceFile, wordCommands: Set<String> = []) throws(Diagnostic) -> Script {
        var statements: [Statement] = []
        var offset = 0
        while offset < file.bytes.count {
            let (tokens, end) = try Lexer.tokenizeStatement(file, from: offset, wordCommands: wordCommands)
            var parser = Parser(file: file, tokens: tokens, wordCommands: wordCommands)
            try parser.script(into: &statements)
            guard end > offset else { break }
            offset = end
        }
        return Script(file: file, statements: statements)
    }

    // MARK: - Helpers

    // Read in place: asking what the current token is copies nothing.
    var current: Token { _read { yield tokens[index] } }
    var previous: Token { _read { yield tokens[max(0, index - 1)] } }
    func peek(_ n: Int = 1) -> Token { tokens[min(index + n, tokens.count - 1)] }

    mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    mutating func match(_ s: Token.Symbol) -> Bool {
        if current.isSymbol(s) { index += 1; return true }
        return false
    }

    mutating func matchName(_ word: String) -> Bool {
        if current.isName(word) { index += 1; return true }
        return false
    }

    func error(_ problem: SyntaxProblem, at token: Token? = nil, notes: [String] = []) -> Diagnostic {
        let t = token ?? current
        // At the end of the text, point just after the last token, on its line.
        let range = t.kind == .end && index > 0 ? SourceRange(tokens[index - 1].range.end, tokens[index - 1].range.end) : t.range
        var d = Diagnostic(.syntax(problem), file: file, range: range, notes: notes)
        d.incomplete = d.incomplete || t.kind == .end
        return d
    }

    mutating func expect(_ s: Token.Symbol, _ what: String) throws(Diagnostic) -> Token {
        guard current.isSymbol(s) else {
            throw error(.expected("'\(s.rawValue)' \(what)", found: current.describe))
        }
        return advance()
    }

    /// `check_match` from Lua: names the bracket being closed and where it opened.
    mutating func close(_ s: Token.Symbol, opener: Token) throws(Diagnostic) {
        guard match(s) else {
            let (line, col) = file.location(of: opener.range.start)
            if current.kind == .end {
                throw Diagnostic(.syntax(.neverClosed(opener: file.text(opener.range), line: line, column: col, closer: s.rawValue)),
                                 file: file, range: opener.range)
            }
            throw error(.unclosed(closer: s.rawValue, opener: file.text(opener.range), line: line, column: col, found: current.describe))
        }
    }

    mutating func expectName(_ what: String) throws(Diagnostic) -> (String, SourceRange) {
        guard let n = current.name else { throw error(.expected(what, found: current.describe)) }
        let t = advance()
        return (n, t.range)
    }

    mutating func enter() throws(Diagnostic) {
        depth += 1
        if depth > Parser.maxDepth || !StackGuard.hasRoom() {
            // Every caller has just read the bracket or operator that nests.
            throw error(.nestedTooDeeply(limit: Parser.maxDepth), at: previous,
                        notes: ["brackets, calls, '-', 'not' and '^' each count one level"])
        }
    }

    /// Records the height of the expression just built (see `height`).
    mutating func grow(_ h: Int) throws(Diagnostic) {
        height = h
        if h > Parser.maxHeight {
            // At the operand just read: never "incomplete" at the end of a line.
            throw error(.tooManyOperations(limit: Parser.maxHeight),
                        at: previous, notes: ["split it into parts with let"])
        }
    }

    // MARK: - Statements

    /// script -> (statement (NEWLINE | ';'))* END
    mutating func script() throws(Diagnostic) -> [Statement] {
        var statements: [Statement] = []
        try script(into: &statements)
        return statements
    }

    /// The statements, added to `statements` (a script's, read a statement at a time).
    mutating func script(into statements: inout [Statement]) throws(Diagnostic) {
        while true {
            while current.kind == .newline || current.isSymbol(.semicolon) { index += 1 }
            if current.kind == .end { return }
            statements.append(try statement())
            if current.kind == .newline || current.isSymbol(.semicolon) || current.kind == .end { continue }
            throw error(.expectedEndOfStatement(found: current.describe),
                        notes: Parser.hintAfterStatement(current))
        }
    }

    static func hintAfterStatement(_ t: Token) -> [String] {
        if case .name = t.kind { return ["put ';' between two statements on one line"] }
        if t.isSymbol(.assign) { return ["'=' binds in let, set and def; compare with '=='"] }
        return []
    }

    /// statement -> session | let | set | def | why | source | entity | fact | unit | rule | pipeline
    mutating func statement() throws(Diagnostic) -> Statement {
        let start = current
        if case .sessionCommand(let text) = current.kind {
            index += 1
            var body = Substring(text.dropFirst())
            let name = body.prefix { $0 != " " && $0 != "\t" }
            body = body.dropFirst(name.count).drop { $0 == " " || $0 == "\t" }
            return .session(name: String(name), argument: String(body), start.range)
        }
        guard let word = current.name else {
            if current.isSymbol(.pipe) {
                // `| STAGE ...` on a line of its own goes on from the result
                // before it (at the prompt, where that line has already run).
                let bar = current.range
                height = 1
                return .expression(try stages(after: .previous(SourceRange(bar.start, bar.end))))
            }
            return .expression(try pipeline())
        }
        let next = peek()
        if word == "let" || word == "def" || word == "set" {
            switch next.kind {
            case .number, .text, .date:
                throw error(.expected("a name after '\(word)'", found: next.describe), at: next,
                            notes: ["names are letters, digits and _, and start with a letter or _"])
            default: break
            }
        }
        switch word {
        case "let" where next.name != nil:
            index += 1
            let name = try definedName("a name after 'let'", keyword: "let")
            _ = try expect(.assign, "after the name in 'let'")
            let value = try pipeline()
            return .letBinding(name, value, start.range.joined(value.range))
        case "set" where next.name != nil:
            index += 1
            let (subject, property) = try path("after 'set'")
            _ = try expect(.assign, "after '\(subject).\(property)'")
            let value = try pipeline()
            return .set(subject: subject, property: property, value, start.range.joined(value.range))
        case "def" where next.name != nil:
            index += 1
            let name = try definedName("a function name after 'def'", keyword: "def")
            let open = try expect(.lparen, "after the function name")
            var params: [String] = []
            if !current.isSymbol(.rparen) {
                repeat { params.append(try definedName("a parameter name", keyword: "parameter")) } while match(.comma)
            }
            try close(.rparen, opener: open)
            _ = try expect(.assign, "after the parameters")
            let body = try pipeline()
            return .def(name, params, body, start.range.joined(body.range))
        case "why" where startsArgument(next):
            index += 1
            let e = try pipeline()
            return .why(e, start.range.joined(e.range))
        case "source" where next.name != nil:
            index += 1
            let (id, _) = try expectName("a source id")
            let title = try textLiteral("the source's title")
            let clauses = try clauseList(Parser.sourceClauses, for: "source")
            return .source(id: id, title: title, clauses: clauses, start.range.joined(previous.range))
        case "entity" where next.name != nil:
            index += 1
            let (id, _) = try expectName("an entity id")
            let name = try textLiteral("the entity's name")
            let clauses = try clauseList(Parser.entityClauses, for: "entity")
            return .entity(id: id, name: name, clauses: clauses, start.range.joined(previous.range))
        case "fact" where next.name != nil:
            index += 1
            let (subject, property) = try path("after 'fact'")
            _ = try expect(.assign, "after '\(subject).\(property)'")
            let value = try expression()
            let clauses = try clauseList(Parser.factClauses, for: "fact")
            return .fact(subject: subject, property: property, value, clauses: clauses, start.range.joined(previous.range))
        case "unit" where next.name != nil || next.isSymbol(.percent):
            index += 1
            let (name, _) = try expectName("a unit name")
            _ = try expect(.assign, "after the unit name")
            let value = try expression()
            return .unit(name, value, start.range.joined(value.range))
        case "rule" where next.name != nil:
            index += 1
            let (subject, property) = try path("after 'rule'")
            _ = try expect(.assign, "after '\(subject).\(property)'")
            let value = try pipeline()
            return .rule(subject: subject, property: property, value, start.range.joined(value.range))
        default:
            return .expression(try pipeline())
        }
    }

    /// The name a `let` or `def` defines: never a reserved word.
    mutating func definedName(_ what: String, keyword: String) throws(Diagnostic) -> String {
        let token = current
        let (name, _) = try expectName(what)
        if Builtins.reserved.contains(name) {
            throw error(.reservedName(name, keyword: keyword), at: token,
                        notes: ["reserved: " + Builtins.reserved.sorted().joined(separator: ", ")])
        }
        return name
    }

    /// path -> NAME '.' NAME
    mutating func path(_ context: String) throws(Diagnostic) -> (String, String) {
        let (subject, _) = try expectName("SUBJECT.PROPERTY \(context)")
        _ = try expect(.dot, "between subject and property")
        let (property, _) = try expectName("a property name")
        return (subject, property)
    }

    mutating func textLiteral(_ what: String) throws(Diagnostic) -> String {
        guard case .text(let s) = current.kind else { throw error(.expected("\(what) in double quotes", found: current.describe)) }
        index += 1
        return s
    }

    /// clauses -> (KEYWORD value (',' value)*)*
    mutating func clauseList(_ allowed: Set<String>, for statement: String) throws(Diagnostic) -> [Clause] {
        var clauses: [Clause] = []
        while let word = current.name {
            guard allowed.contains(word) else {
                throw error(.notAClause(word, of: statement),
                            notes: ["its clauses are: " + allowed.sorted().joined(separator: ", ")])
            }
            let keyword = advance()
            if clauses.contains(where: { $0.keyword == word }) && word != "aka" {
                throw error(.clauseTwice(word), at: keyword)
            }
            repeat {
                let value = try postfix()
                clauses.append(Clause(keyword: word, value: value, range: keyword.range.joined(value.range)))
            } while word == "aka" && match(.comma)
        }
        return clauses
    }

    // MARK: - Pipelines

    /// pipeline -> head ('|' stage)*
    mutating func pipeline() throws(Diagnostic) -> Expr {
        try stages(after: try commandOrExpression())
    }

    /// ('|' stage)* after `head`.
    mutating func stages(after head: Expr) throws(Diagnostic) -> Expr {
        guard current.isSymbol(.pipe) else { return head }
        var h = height
        var stages: [Stage] = []
        while match(.pipe) {
            stages.append(try stage())
            h = max(h, height)
        }
        try grow(h + 1)
        return .pipeline(head, stages, head.range.joined(previous.range))
    }

    /// head -> NAME args  (a name followed directly by an argument) | expression
    mutating func commandOrExpression() throws(Diagnostic) -> Expr {
        if let words = try wordCommand() { return words }
        if let name = current.name, !Builtins.reserved.contains(name), startsArgument(peek()), !peek().isSymbol(.lparen),
           !(peek().isName("not") && peek(2).isName("in")) {
            let nameToken = advance()
            let args = try arguments(allowPipeline: false)
            try grow(height + 1)
            return .command(name, args, nameRange: nameToken.range, nameToken.range.joined(previous.range))
        }
        return try expression()
    }

    /// Can this token begin an argument of a command written without brackets?
    func startsArgument(_ t: Token) -> Bool {
        switch t.kind {
        case .number, .date, .text: return true
        case .name(let n): return !Parser.clauseWords.contains(n) || n == "not"
        case .symbol(let s): return s == .lbracket || s == .lbrace || s == .lparen
        default: return false
        }
    }

    /// stage -> where | select | sort | take | group by | count | NAME args?
    mutating func stage() throws(Diagnostic) -> Stage {
        if let words = try wordCommand(), case .command(let name, let args, let nameRange, let range) = words {
            height = 1
            return .call(name, args, nameRange: nameRange, range)
        }
        let start = current
        let (word, _) = try expectName("a stage after '|' (where, select, sort, take, group by, count, or a command)")
        switch word {
        case "where":
            let cond = try expression()
            // `height` is the condition's.
            return .whereStage(cond, start.range.joined(cond.range))
        case "select":
            var items: [SelectItem] = []
            var h = 1
            repeat {
                let (name, range) = try expectName("a column name")
                if match(.colon) {
                    let e = try expression()
                    h = max(h, height)
                    items.append(SelectItem(name: name, expr: e, range: range.joined(e.range)))
                } else {
                    items.append(SelectItem(name: name, expr: .name(name, range), range: range))
                }
            } while match(.comma)
            height = h
            return .select(items, start.range.joined(previous.range))
        case "sort":
            let key = try expression()
            var descending = false
            if matchName("desc") { descending = true } else { _ = matchName("asc") }
            return .sort(key, descending: descending, start.range.joined(previous.range))
        case "take":
            let n = try expression()
            return .take(n, start.range.joined(n.range))
        case "group":
            guard matchName("by") else { throw error(.expected("'by' after 'group'", found: nil)) }
            let (column, range) = try expectName("a column name after 'group by'")
            height = 1
            return .groupBy(column, start.range.joined(range))
        case "count" where !startsArgument(current):
            height = 1
            return .count(start.range)
        default:
            height = 0
            var args: [Argument] = []
            if current.isSymbol(.lparen) {
                let open = advance()
                try enter()
                defer { depth -= 1 }
                if !current.isSymbol(.rparen) { args = try arguments(allowPipeline: true) }
                try close(.rparen, opener: open)
            } else if startsArgument(current) {
                args = try arguments(allowPipeline: false)
            }
            try grow(height + 1)
            return .call(word, args, nameRange: start.range, start.range.joined(previous.range))
        }
    }

    /// args -> arg ((',' | 'vs' | 'by' | 'to' TEXT) arg)*  (the words of `IntroducerWord`);  arg -> NAME ':' expr | expr
    mutating func arguments(allowPipeline: Bool) throws(Diagnostic) -> [Argument] {
        var args: [Argument] = []
        var label: String? = nil
        var h = 0
        defer { height = h }
        while true {
            let start = current
            var name = label
            if current.name != nil, peek().isSymbol(.colon) {
                name = current.name
                index += 2
            }
            let value = allowPipeline ? try pipeline() : try expression()
            h = max(h, height)
            args.append(Argument(label: name, value: value, range: start.range.joined(value.range)))
            if match(.comma) { label = nil; continue }
            // `to` followed by a unit is a conversion, read by the expression.
            if let word = current.name.flatMap(IntroducerWord.init(rawValue:)), word != .to || peek().isText {
                index += 1
                label = word.rawValue
                continue
            }
            return args
        }
    }

    // MARK: - Expressions

    /// expression -> or
    /// (Only brackets, calls and prefix operators nest the parser, and each
    /// counts one level in `depth`: a chain such as `a + b + c` is a loop.)
    mutating func expression() throws(Diagnostic) -> Expr {
        try orExpr()
    }

    /// or -> and ('or' and)*
    mutating func orExpr() throws(Diagnostic) -> Expr {
        var left = try andExpr()
        while current.isName("or") {
            let op = advance()
            let h = height
            let right = try andExpr()
            try grow(max(h, height) + 1)
            left = .binary(.or, left, right, opRange: op.range, left.range.joined(right.range))
        }
        return left
    }

    /// and -> not ('and' not)*
    mutating func andExpr() throws(Diagnostic) -> Expr {
        var left = try notExpr()
        while current.isName("and") {
            let op = advance()
            let h = height
            let right = try notExpr()
            try grow(max(h, height) + 1)
            left = .binary(.and, left, right, opRange: op.range, left.range.joined(right.range))
        }
        return left
    }

    /// not -> 'not' not | comparison
    mutating func notExpr() throws(Diagnostic) -> Expr {
        if current.isName("not") {
            let op = advance()
            try enter()
            defer { depth -= 1 }
            let operand = try notExpr()
            try grow(height + 1)
            return .not(operand, op.range.joined(operand.range))
        }
        return try comparison()
    }

    /// comparison -> conversion (('==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in') conversion)?
    mutating func comparison() throws(Diagnostic) -> Expr {
        let left = try conversion()
        guard let op = comparisonOperator(current) else {
            if current.isSymbol(.assign) {
                throw error(.assignIsNotComparison, notes: ["write '==' to compare"])
            }
            return left
        }
        var opToken = advance()
        if op == .notMember { opToken.range = opToken.range.joined(advance().range) }
        let h = height
        let right = try conversion()
        try grow(max(h, height) + 1)
        if comparisonOperator(current) != nil {
            throw error(.comparisonsDoNotChain, notes: ["join two comparisons with 'and'"])
        }
        return .binary(op, left, right, opRange: opToken.range, left.range.joined(right.range))
    }

    /// The comparison a token stands for, if any.
    func comparisonOperator(_ t: Token) -> BinaryOp? {
        if t.isName("in") { return .member }
        if t.isName("not"), t.range.start == current.range.start, peek().isName("in") { return .notMember }
        guard case .symbol(let s) = t.kind else { return nil }
        switch s {
        case .eq: return .eq
        case .ne: return .ne
        case .lt: return .lt
        case .le: return .le
        case .gt: return .gt
        case .ge: return .ge
        default: return nil
        }
    }

    /// conversion -> additive ('to' unit)*
    mutating func conversion() throws(Diagnostic) -> Expr {
        var value = try additive()
        while current.isName("to") {
            if case .text = peek().kind { break }
            index += 1
            guard let unit = try unitExpr(required: true) else { throw error(.expected("a unit after 'to'", found: nil)) }
            try grow(height + 1)
            value = .convert(value, unit, value.range.joined(unit.range))
        }
        return value
    }

    /// additive -> multiplicative (('+' | '-') multiplicative)*
    mutating func additive() throws(Diagnostic) -> Expr {
        var left = try multiplicative()
        while current.isSymbol(.plus) || current.isSymbol(.minus) {
            let opToken = advance()
            let h = height
            let right = try multiplicative()
            try grow(max(h, height) + 1)
            left = .binary(opToken.isSymbol(.plus) ? .add : .sub, left, right, opRange: opToken.range, left.range.joined(right.range))
        }
        return left
    }

    /// multiplicative -> unary (('*' | '/') unary)*
    mutating func multiplicative() throws(Diagnostic) -> Expr {
        var left = try unary()
        while current.isSymbol(.star) || current.isSymbol(.slash) {
            let opToken = advance()
            let h = height
            let right = try unary()
            try grow(max(h, height) + 1)
            left = .binary(opToken.isSymbol(.star) ? .mul : .div, left, right, opRange: opToken.range, left.range.joined(right.range))
        }
        return left
    }

    /// unary -> '-' unary | power
    mutating func unary() throws(Diagnostic) -> Expr {
        if current.isSymbol(.minus) {
            let op = advance()
            try enter()
            defer { depth -= 1 }
            let operand = try unary()
            try grow(height + 1)
            return .negate(operand, op.range.joined(operand.range))
        }
        return try power()
    }

    /// power -> postfix ('^' unary)?
    mutating func power() throws(Diagnostic) -> Expr {
        let base = try postfix()
        guard current.isSymbol(.caret) else { return base }
        let op = advance()
        let h = height
        // `2^2^2…` nests to the right: the parser recurses for each '^'.
        try enter()
        defer { depth -= 1 }
        let exponent = try unary()
        try grow(max(h, height) + 1)
        return .binary(.pow, base, exponent, opRange: op.range, base.range.joined(exponent.range))
    }

    /// postfix -> primary ('.' NAME | '(' args ')')*
    mutating func postfix() throws(Diagnostic) -> Expr {
        var value = try primary()
        while true {
            if current.isSymbol(.dot) {
                index += 1
                let (field, range) = try expectName("a property or field name after '.'")
                try grow(height + 1)
                value = .member(value, field, range)
            } else {
                return value
            }
        }
    }

    /// primary -> NUMBER unit? | TEXT | DATE | true | false | unknown | NAME | NAME '(' args ')'
    ///          | '(' pipeline ')' | '[' list ']' | '{' fields '}'
    mutating func primary() throws(Diagnostic) -> Expr {
        let token = current
        height = 1
        switch token.kind {
        case .number(let x):
            index += 1
            let unit = try unitExpr(required: false)
            return .number(x, unit: unit, unit.map { token.range.joined($0.range) } ?? token.range)
        case .text(let s):
            index += 1
            return .text(s, token.range)
        case .date(let d):
            index += 1
            return .date(d, token.range)
        case .name(let n):
            index += 1
            switch n {
            case "true": return .truth(.yes, token.range)
            case "false": return .truth(.no, token.range)
            case "unknown": return .truth(.unknown, token.range)
            default: break
            }
            if current.isSymbol(.lparen) {
                let open = advance()
                try enter()
                defer { depth -= 1 }
                var args: [Argument] = []
                height = 0
                if !current.isSymbol(.rparen) { args = try arguments(allowPipeline: true) }
                try close(.rparen, opener: open)
                try grow(height + 1)
                return .call(n, args, nameRange: token.range, token.range.joined(previous.range))
            }
            return .name(n, token.range)
        case .symbol(.lparen):
            index += 1
            try enter()
            defer { depth -= 1 }
            let inner = try pipeline()
            try close(.rparen, opener: token)
            return inner
        case .symbol(.lbracket):
            index += 1
            try enter()
            defer { depth -= 1 }
            var items: [Expr] = []
            var h = 0
            if !current.isSymbol(.rbracket) {
                repeat {
                    if current.isSymbol(.rbracket) { break }
                    items.append(try pipeline())
                    h = max(h, height)
                } while match(.comma)
            }
            try close(.rbracket, opener: token)
            try grow(h + 1)
            return .list(items, token.range.joined(previous.range))
        case .symbol(.lbrace):
            index += 1
            try enter()
            defer { depth -= 1 }
            var fields: [(String, Expr)] = []
            var h = 0
            if !current.isSymbol(.rbrace) {
                repeat {
                    if current.isSymbol(.rbrace) { break }
                    let key: String
                    if case .text(let s) = current.kind { key = s; index += 1 } else { key = try expectName("a field name").0 }
                    _ = try expect(.colon, "after the field name")
                    fields.append((key, try pipeline()))
                    h = max(h, height)
                } while match(.comma)
            }
            try close(.rbrace, opener: token)
            try grow(h + 1)
            return .record(fields, token.range.joined(previous.range))
        case .end:
            throw error(.expected("a value", found: token.describe))
        case .newline:
            throw error(.expected("a value before the end of the line", found: nil))
        case .symbol(let s):
            var notes: [String] = []
            if s == .percent { notes.append("'%' is a unit: write it after a number, as in 3 %") }
            if s == .pipe { notes.append("a pipeline starts with a value, as in facts | count") }
            throw error(.expected("a value", found: token.describe), notes: notes)
        case .sessionCommand:
            throw error(.sessionCommandInside)
        case .unexpected(let problem, let notes):
            // Only among a word command's words does the lexer let one through.
            throw error(problem, at: token, notes: notes)
        }
    }

    /// unit -> ('%' | NAME) (('/' | '*') NAME | '^' '-'? NUMBER)*, written without spaces inside
    mutating func unitExpr(required: Bool) throws(Diagnostic) -> UnitExpr? {
        let start = current
        var factors: [(name: String, exponent: Int, range: SourceRange)] = []
        if current.isSymbol(.percent) {
            index += 1
            factors.append(("%", 1, start.range))
        } else if let n = current.name, !Parser.clauseWords.contains(n) || required {
            index += 1
            factors.append((n, 1, start.range))
        } else {
            if required { throw error(.expected("a unit after 'to'", found: current.describe)) }
            return nil
        }
        var sign = 1
        while !current.spaced {
            if (current.isSymbol(.slash) || current.isSymbol(.star)), let n = peek().name, !peek().spaced {
                sign = current.isSymbol(.slash) ? -1 : 1
                index += 1
                let t = advance()
                factors.append((n, sign, t.range))
            } else if current.isSymbol(.caret), !peek().spaced {
                index += 1
                var negative = false
                if current.isSymbol(.minus) { negative = true; index += 1 }
                guard case .number(let x) = current.kind, x == x.rounded(), abs(x) < 100 else {
                    throw error(.expected("a whole-number power after '^' in a unit", found: nil))
                }
                index += 1
                factors[factors.count - 1].exponent *= (negative ? -1 : 1) * Int(x)
            } else {
                break
            }
        }
        let range = start.range.joined(previous.range)
        return UnitExpr(factors: factors, range: range, text: file.text(range))
    }
}
