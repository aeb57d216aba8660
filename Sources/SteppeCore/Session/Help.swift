/// `:help` text, built from the session's declarations (`Session.declarations`)
/// and its own `let` and `def` names.
enum Help {
    /// The help for one name (nil when there is none), or the overview.
    static func text(for name: String?, session: Session) -> String? {
        guard let name else { return overview(session) }
        var key = name
        if key.hasPrefix(":") { key.removeFirst() }
        // Spelled as written elsewhere: `group by`, `:q`, `:plugin load`.
        let words = key.split(separator: " ").map(String.init)
        key = words.first ?? ""
        if words.count > 1 {
            let sub: String?
            if case .word(let w, _)? = session.sessionCommand(named: key)?.declaration.completion { sub = w } else { sub = nil }
            guard words.count == 2, words == ["group", "by"] || words[1] == sub else { return nil }
        }
        if let command = session.sessionCommand(named: key), name.hasPrefix(":") || session.declarations(named: key).isEmpty {
            key = command.declaration.name
        }
        var parts: [String] = []
        if let d = session.defs[key] {
            parts.append("def \(d.name)(\(d.params.joined(separator: ", "))) = \(d.file.text(d.body.range).firstLineClipped)\n  a function defined in this session\n")
        } else if let v = session.lets[key] {
            parts.append("let \(key) = \(ValueText.plain(v).firstLineClipped)\n  a value bound in this session\n")
        }
        var declarations = session.declarations(named: key)
        if name.hasPrefix(":") { declarations = declarations.filter { $0.kind == .sessionCommand } }
        if !parts.isEmpty, let hidden = declarations.first(where: { [.command, .function, .table].contains($0.kind) }) {
            parts[0] += "  it hides \(hidden.described), described below\n"
        }
        parts += declarations.map(describe)
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    static func describe(_ d: Declaration) -> String {
        var out: String
        switch d.kind {
        case .command: out = "\(d.usage)\n  \(d.summary)   (plugin \(d.origin))\n"
        case .sessionCommand: out = "\(d.usage)\n  \(d.summary)\n"
        case .stage, .statement, .table, .function, .introducer, .word: out = "\(d.usage)   (\(d.kind.rawValue))\n  \(d.summary)\n"
        }
        if !d.parameters.isEmpty {
            out += "parameters:\n"
            let width = d.parameters.map { $0.name.count }.max() ?? 0
            for p in d.parameters {
                var how = ""
                if case .word(let w) = p.introducer { how = " (after \(w.rawValue))" }
                if p.introducer == .named { how = " (as \(p.name): VALUE)" }
                out += "  \(p.name.padded(width))  \(p.summary)\(how)\(p.optional ? ", optional" : "")\n"
            }
        }
        if !d.aliases.isEmpty { out += "also: " + d.aliases.map { ":" + $0 }.joined(separator: ", ") + "\n" }
        if !d.examples.isEmpty { out += "examples:\n" + d.examples.map { "  \($0)\n" }.joined() }
        return out
    }

    static func overview(_ session: Session) -> String {
        var out = "steppe: the facts of \"What really happened in Kazakhstan?\", with their sources and bounds.\n\n"
        func section(_ title: String, _ rows: [(String, String)]) {
            guard !rows.isEmpty else { return }
            out += title + "\n"
            let width = min(34, rows.map { $0.0.count }.max() ?? 0)
            for (a, b) in rows { out += "  " + a.padded(width) + "  " + b + "\n" }
            out += "\n"
        }
        let all = session.declarations
        func rows(_ kind: Declaration.Kind) -> [(String, String)] {
            all.filter { $0.kind == kind }.map { ($0.usage, $0.summary) }
        }
        section("Statements", [("EXPR", "evaluate and show the result")] + rows(.statement))
        section("Stages (after |)", rows(.stage))
        section("Functions", rows(.function))
        section("Commands (from plugins)", rows(.command))
        section("Session commands", rows(.sessionCommand))
        section("Tables", rows(.table).map { ($0.0, $0.1.replacingAll("the built-in table of ", with: "")) })
        out += "Enter :help NAME for more on one of them.\n"
        return out
    }
}
