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

    /// Examples for the stages, tables and session commands, by name.
    static let examples: [String: [String]] = [
        "where": ["facts | where topic == \"casualties\" and source == article",
                  "facts | where value > 1000 people   # rows that are text are reported, not matched"],
        "select": ["facts | where subject == protests | select property, value, at",
                   "facts | where property == \"killed\" | select source, doubled: value * 2"],
        "sort": ["facts | where topic == \"casualties\" | sort value desc"],
        "take": ["facts | take 5"],
        "group": ["facts | group by topic"],
        "count": ["csto.members | count"],
        "run": [":run Scripts/casualties.steppe"],
        "load": [":load mypack.steppe"],
        "format": [":format json", ":format table"],
        "history": [":history 20"],
        "timer": [":timer on"],
        "help": [":help compare", ":help where"],
        "facts": ["facts | where subject == kazakhstan | select property, value, source"],
        "entities": ["entities | where kind == \"country\""],
        "sources": ["sources | select id, publisher, year"],
    ]

    /// Topics that are neither commands, stages nor functions.
    static let topics: [(String, String)] = [
        ("facts", "the built-in table of every fact: subject, property, value, source, at, on, topic, claimant, hedge, quote"),
        ("entities", "the built-in table of entities: id, name, kind, aliases"),
        ("sources", "the built-in table of sources: id, title, author, publisher, year, address, kind, note"),
    ]

    static func withExamples(_ key: String, _ text: String) -> String {
        guard let list = examples[key], !list.isEmpty else { return text }
        return text + "examples:\n" + list.map { "  \($0)\n" }.joined()
    }

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

    /// The help for one name (nil when there is none), or the overview.
    static func text(for name: String?, session: Session) -> String? {
        guard let name else { return overview(session) }
        var key = name
        if key.hasPrefix(":") { key.removeFirst() }
        // Spelled as written elsewhere: `group by`, `:q`, `:h`, `:r`.
        key = key.split(separator: " ").joined(separator: " ")
        if key == "group by" { key = "group" }
        key = Session.sessionCommandAliases[key] ?? key
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
        if let s = stages.first(where: { $0.0 == key }) { return withExamples(key, "\(s.1)   (stage)\n  \(s.2)\n") }
        if let f = Session.builtinFunctions[key] { return f + "\n" }
        if let s = Session.sessionCommands.first(where: { $0.name == key }) { return withExamples(key, "\(s.usage)\n  \(s.summary)\n") }
        if let t = topics.first(where: { $0.0 == key }) { return withExamples(key, "\(t.0)\n  \(t.1)\n") }
        if ["fact", "entity", "source", "unit", "rule", "packs", "pack"].contains(key) { return packHelp }
        if let s = statements.first(where: { $0.0.hasPrefix(key + " ") }) { return "\(s.0)\n  \(s.1)\n" }
        return nil
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
