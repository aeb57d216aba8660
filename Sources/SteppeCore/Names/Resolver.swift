/// Where a name is written, which decides what it may mean.
public enum NamePosition: Sendable, Equatable {
    /// A bare name inside an expression: `kazakhstan`, `facts`, `crosscheck`.
    case value
    /// `NAME(...)`.
    case call
    /// `NAME ARG, ...` at the start of a statement.
    case statementStart
    /// `| NAME ...`.
    case stage
}

/// What a name stands for, as `Session.resolve` decides it.
enum Meaning {
    case column(Value)
    /// A parameter of the `def` being evaluated.
    case parameter(Value)
    case variable(Value)
    case function(Session.FunctionDef)
    case table(String)
    case builtin(BuiltinFunction)
    case command(Command)
    case entity(Entity)
    case source(SourceInfo)
    case unknown
}

extension Session {
    /// LANGUAGE.md, "Names and paths", written once. A bare name: a column of
    /// the current row, a `def` parameter, a `let` or `def`, a built-in table,
    /// a built-in function, a command that takes no arguments, an entity id or
    /// alias, a source id. A call, a statement-start command or a stage: a
    /// `let` (an error: a value), a `def`, a built-in function, a command. In
    /// packs and rules (`env.useLets` false) the session's names are not seen.
    func resolve(_ name: String, _ position: NamePosition, _ env: Env) -> Meaning {
        if position == .value, let row = env.row, let v = row.value(name) { return .column(v) }
        if !env.locals.isEmpty, let v = env.locals[name] { return .parameter(v) }
        if env.useLets {
            // Most sessions define nothing: an empty table is not asked.
            if !lets.isEmpty, let v = lets[name] { return .variable(v) }
            if !defs.isEmpty, let d = defs[name] { return .function(d) }
        }
        if position == .value, Builtins.tables.contains(where: { $0.name == name }) { return .table(name) }
        if let f = Builtins.functionsByName[name] { return .builtin(f) }
        let command = registry.command(name)
        if let command, position != .value || command.runsBare { return .command(command) }
        if position == .value {
            if let e = store.entity(name) { return .entity(e) }
            if let s = store.sources[name] { return .source(s) }
        }
        if let command { return .command(command) }
        if let row = env.row, let v = row.value(name) { return .column(v) }
        return .unknown
    }

    /// The names that, at the start of a statement, mean a command that takes
    /// the rest of it as words (`search city halls`): the parser reads those so.
    var wordCommandNames: Set<String> {
        registry.wordCommands.filter {
            if case .command = resolve($0, .statementStart, Env.session) { return true }
            return false
        }
    }

    /// Whether the name is the session's or the row's own (a column, a
    /// parameter, a `let` or a `def`), hiding any entity or table of that name.
    func isBound(_ n: String, _ env: Env) -> Bool {
        switch resolve(n, .value, env) {
        case .column, .parameter, .variable, .function: return true
        default: return false
        }
    }

    /// The declaration a `let` or `def` of this name hides: a command, a
    /// built-in function or a built-in table.
    func declarationHidden(by name: String) -> Declaration? {
        if let c = registry.command(name) { return c.declaration }
        if let f = Builtins.functionsByName[name] { return f.declaration }
        return Builtins.tables.first { $0.name == name }
    }

    /// `warning: def stats hides the command stats (Statistics)`.
    func warnIfHiding(_ keyword: String, _ name: String, range: SourceRange) {
        guard let hidden = declarationHidden(by: name) else { return }
        warn(.hides(keyword, name, hidden.described), range: range)
    }

    /// Every declaration in the session: the language's, the session
    /// commands, and the loaded plugins' commands.
    public var declarations: [Declaration] {
        Builtins.all + sessionCommands.map(\.declaration)
            + registry.commands.values.sorted { $0.name < $1.name }.map(\.declaration)
    }

    /// The declarations of a name (or of one of its aliases), in table order.
    public func declarations(named name: String) -> [Declaration] {
        declarations.filter { $0.name == name || $0.aliases.contains(name) }
    }

    /// The names of the session's own things and of what is declared, for
    /// did-you-mean.
    func knownNames(_ env: Env, kinds: Set<Declaration.Kind> = [.table, .function, .command]) -> [String] {
        var names = declarations.filter { kinds.contains($0.kind) }.map(\.name)
        names += env.row?.columns ?? []
        names += env.locals.keys
        if env.useLets { names += letOrder + defs.keys }
        if kinds.contains(.table) {
            names += store.entityOrder
            for e in store.entities.values { names += e.aliases }
            names += store.sourceOrder
        }
        return names
    }

    /// `did you mean 'x'?` for the closest names, if any is close.
    func suggestions(_ n: String, among names: [String]) -> [String] {
        let close = Suggest.closest(to: n, among: names)
        guard !close.isEmpty else { return [] }
        return ["did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?"]
    }
}
