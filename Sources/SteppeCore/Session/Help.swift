/// `:help` text, built from the declarations of statements, stages,
/// functions, plugin commands and session commands.
enum Help {
    static let statements: [(String, String)] = [
        ("EXPR", "evaluate and show the result"),
        ("let NAME = EXPR", "bind a name for the rest of the session"),
        ("set SUBJECT.PROPERTY = EXPR", "a session assumption that overrides the preferred value"),
        ("def NAME(PARAM, ...) = EXPR", "define a function; also usable as a pipeline stage"),
        ("why EXPR", "show the facts, assumptions and rates a value came from"),
        ("fact, entity, source, unit, rule", "fact-pack statements (see :help fact)"),
    ]

    static let stages: [(String, String, String)] = [
        ("where", "where COND", "keep rows whose COND is true; columns are bare names"),
        ("select", "select COL, NAME: EXPR, ...", "keep and order columns; NAME: EXPR adds a computed one"),
        ("sort", "sort EXPR [asc|desc]", "order rows; quantities by their nominal figures"),
        ("take", "take N", "the first N rows"),
        ("group", "group by COL", "one row per distinct COL with a rows count"),
        ("count", "count", "the number of rows"),
    ]

    static let packHelp = """
    fact-pack statements (in a pack file, or typed here):
      source ID "TITLE" [by "AUTHOR"] [publisher "NAME"] [year N] [address "URL"] [kind KIND] [note "TEXT"]
      entity ID "NAME" [kind KIND] [aka "ALIAS", ...]
      fact SUBJECT.PROPERTY = EXPR [from SOURCE] [at "PLACE"] [quote "TEXT"] [on DATE] [topic NAME] [by CLAIMANT]
      unit NAME = EXPR
      rule SUBJECT.PROPERTY = EXPR
    example:
      fact protests.killed = more_than(225 people) from article at "¶5" on 2022-01 topic casualties

    """

    static func text(for name: String?, session: Session, range: SourceRange) -> String {
        guard let name else { return overview(session) }
        var key = name
        if key.hasPrefix(":") { key.removeFirst() }
        if let c = session.registry.command(key) {
            var out = "\(c.usage)\n  \(c.summary)   (plugin \(c.plugin))\n"
            if !c.parameters.isEmpty {
                out += "parameters:\n"
                let width = c.parameters.map { $0.name.count }.max() ?? 0
                for p in c.parameters {
                    var how = ""
                    if case .word(let w) = p.introducer { how = " (after \(w))" }
                    if p.introducer == .named { how = " (as \(p.name): VALUE)" }
                    out += "  \(p.name.padded(width))  \(p.summary)\(how)\(p.optional ? ", optional" : "")\n"
                }
            }
            if !c.examples.isEmpty {
                out += "examples:\n" + c.examples.map { "  \($0)\n" }.joined()
            }
            return out
        }
        if let s = stages.first(where: { $0.0 == key }) { return "\(s.1)   (stage)\n  \(s.2)\n" }
        if let f = Session.builtinFunctions[key] { return f + "\n" }
        if let s = Session.sessionCommands.first(where: { $0.name == key }) { return "\(s.usage)\n  \(s.summary)\n" }
        if ["fact", "entity", "source", "unit", "rule", "packs", "pack"].contains(key) { return packHelp }
        if let s = statements.first(where: { $0.0.hasPrefix(key + " ") }) { return "\(s.0)\n  \(s.1)\n" }
        var names = Array(session.registry.commands.keys) + stages.map(\.0) + Array(Session.builtinFunctions.keys)
        names += Session.sessionCommands.map(\.name)
        let close = Suggest.closest(to: key, among: names)
        return "no help for '\(name)'" + (close.isEmpty ? "" : "; did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?") + "\nenter :help for the list\n"
    }

    static func overview(_ session: Session) -> String {
        var out = "steppe: the facts of \"What really happened in Kazakhstan?\", with their sources and bounds.\n\n"
        func section(_ title: String, _ rows: [(String, String)]) {
            out += title + "\n"
            let width = min(34, rows.map { $0.0.count }.max() ?? 0)
            for (a, b) in rows { out += "  " + a.padded(width) + "  " + b + "\n" }
            out += "\n"
        }
        section("Statements", statements)
        section("Stages (after |)", stages.map { ($0.1, $0.2) })
        section("Functions", Session.builtinFunctions.keys.sorted().compactMap { name in
            Session.builtinFunctions[name].map { text -> (String, String) in
                let parts = text.split(separator: ":", maxSplits: 1)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]).trimmed : "")
            }
        })
        let commands = session.registry.commands.values.sorted { $0.name < $1.name }
        if !commands.isEmpty {
            section("Commands (from plugins)", commands.map { ($0.usage, $0.summary) })
        }
        section("Session commands", Session.sessionCommands.map { ($0.usage, $0.summary) })
        out += "Tables: facts, entities, sources.  Enter :help NAME for more on one of them.\n"
        return out
    }
}
