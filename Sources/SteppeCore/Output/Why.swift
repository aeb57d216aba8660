/// The lineage of a value as a tree:
/// ```
/// 232,907 USD/person
/// └─ rule kazakhstan.oil_wealth_per_person = oil_reserves_share × world.oil_reserves × …
///    ├─ kazakhstan.oil_reserves_share  3 %  article ¶1 "3% of the global oil reserves"
/// ```
enum Why {
    static func render(_ v: Value) -> String {
        var out = ValueText.plain(v) + "\n"
        if v.lineage.isEmpty {
            out += "└─ stated here: no facts behind it\n"
            return out
        }
        var noted: Set<String> = []
        draw(v.lineage.items, indent: "", noted: &noted, into: &out)
        return out
    }

    /// `noted` holds the sources whose note is already shown: a source's note
    /// (what was read where, how a figure was worked out) follows the first
    /// figure from it, on a line of its own.
    static func draw(_ items: [Lineage.Item], indent: String, noted: inout Set<String>, into out: inout String) {
        guard StackGuard.hasRoom() else {
            out += indent + "└─ … (nested too deeply to show)\n"
            return
        }
        // Align the value and citation columns of leaves that sit side by side.
        let leaves = items.compactMap(leafColumns)
        let nameWidth = leaves.map { $0.0.count }.max() ?? 0
        let valueWidth = leaves.map { $0.1.count }.max() ?? 0
        for (i, item) in items.enumerated() {
            let last = i == items.count - 1
            let branch = indent + (last ? "└─ " : "├─ ")
            let childIndent = indent + (last ? "   " : "│  ")
            if case .rule(let subject, let property, let text, let inputs) = item {
                out += branch + "rule \(subject).\(property) = \(text)\n"
                draw(inputs, indent: childIndent, noted: &noted, into: &out)
            } else if let (name, value, citation) = leafColumns(item) {
                out += branch + pad(name, nameWidth) + "  " + pad(value, valueWidth) + "  " + citation + "\n"
                if let source = citedSource(item), !source.isArticle, let note = source.note,
                   noted.insert(source.id).inserted {
                    out += childIndent + "└─ note: " + note + "\n"
                }
            }
        }
    }

    static func citedSource(_ item: Lineage.Item) -> SourceInfo? {
        switch item {
        case .fact(let f), .rate(let f): return f.source
        default: return nil
        }
    }

    static func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }

    static func leafColumns(_ item: Lineage.Item) -> (String, String, String)? {
        switch item {
        case .fact(let f):
            return ("\(f.subject).\(f.property)", ValueText.plain(f.value), citation(f))
        case .rate(let f):
            return ("\(f.subject).\(f.property)", ValueText.plain(f.value), "rate: " + citation(f))
        case .assumption(let subject, let property, let value, let place):
            return ("\(subject).\(property)", value, "assumed: set at \(place)")
        case .note(let text):
            // The only note is less_than's floor, which LANGUAGE.md counts as an assumption.
            return ("assumption", "", text)
        case .rule:
            return nil
        }
    }

    /// `article ¶1 "3% of the global oil reserves"`, `BP, Statistical Review … 2021, table 1`.
    static func citation(_ f: Fact) -> String {
        var s: String
        if f.source.isArticle {
            s = f.source.id
            if let at = f.at { s += " " + at }
            if let q = f.quote { s += " \"\(q)\"" }
            if let h = f.hedge { s += " (hedged: \"\(h)\")" }
        } else {
            s = f.source.citation
            if let at = f.at { s += ", " + at }
            if let note = f.source.note, note.hasPrefix("worked out") { s += " (worked out)" }
            if let h = f.hedge { s += " (hedged: \"\(h)\")" }
        }
        if let c = f.claimant { s += " (claimed by \(c))" }
        return s
    }
}

extension Why {
    /// `why` under `--format json`: `{"value": …, "lineage": [...]}`.
    static func json(_ v: Value) -> String {
        var out = "{\"value\": " + JSON.encode(v) + ", \"lineage\": "
        items(v.lineage.items, into: &out)
        return out + "}"
    }

    static func items(_ items: [Lineage.Item], into out: inout String) {
        guard StackGuard.hasRoom() else {
            out += "[]"
            return
        }
        out += "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += ", " }
            switch item {
            case .fact(let f), .rate(let f):
                if case .rate = item { out += "{\"kind\": \"rate\"" } else { out += "{\"kind\": \"fact\"" }
                field("subject", f.subject, into: &out)
                field("property", f.property, into: &out)
                out += ", \"value\": " + JSON.encode(f.value)
                field("source", f.source.id, into: &out)
                if let at = f.at { field("at", at, into: &out) }
                if let q = f.quote { field("quote", q, into: &out) }
                if let h = f.hedge { field("hedge", h, into: &out) }
                if let c = f.claimant { field("claimant", c, into: &out) }
                if !f.source.isArticle, let n = f.source.note { field("note", n, into: &out) }
                out += "}"
            case .assumption(let subject, let property, let value, let place):
                out += "{\"kind\": \"assumption\""
                field("subject", subject, into: &out)
                field("property", property, into: &out)
                field("value", value, into: &out)
                field("place", place, into: &out)
                out += "}"
            case .rule(let subject, let property, let text, let inputs):
                out += "{\"kind\": \"rule\""
                field("subject", subject, into: &out)
                field("property", property, into: &out)
                field("rule", text, into: &out)
                out += ", \"inputs\": "
                Why.items(inputs, into: &out)
                out += "}"
            case .note(let text):
                out += "{\"kind\": \"assumption\""
                field("text", text, into: &out)
                out += "}"
            }
        }
        out += "]"
    }

    static func field(_ name: String, _ value: String, into out: inout String) {
        out += ", \"" + name + "\": "
        JSON.string(value, into: &out)
    }
}
