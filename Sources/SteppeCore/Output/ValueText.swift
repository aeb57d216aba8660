/// How values read in the table format: `> 225 people`, `< 2,500 GBP/person/yr`,
/// `≈ 30 yr`, `225–238 people`, `China, Russia`.
public enum ValueText {
    public static func plain(_ v: Value, grouping: Bool = true) -> String {
        var budget = maxShown
        return plain(v, grouping: grouping, budget: &budget)
    }

    /// A list or record shows at most about this many bytes, then `…`: a
    /// list that holds itself twice, 40 times over (`let a = [a, a]`), has
    /// 2^40 items, which would take days and all memory to write out.
    public static let maxShown = 1 << 24

    static func plain(_ v: Value, grouping: Bool, budget: inout Int) -> String {
        // A value nested thousands deep is cut short, not a stack overflow.
        guard StackGuard.hasRoom() else { return "… (nested too deeply to show)" }
        let leaf: String
        switch v.payload {
        case .quantity(let q): leaf = quantity(q, grouping: grouping)
        case .text(let s): leaf = s
        case .truth(let t): leaf = t.name
        case .date(let d): leaf = d.description
        case .entity(let e): leaf = e.name
        case .source(let s): leaf = s.title
        case .list(let items):
            var out = ""
            for (i, item) in items.enumerated() {
                if budget <= 0 { out += i > 0 ? ", …" : "…"; break }
                if i > 0 { out += ", " }
                out += plain(item, grouping: grouping, budget: &budget)
                budget -= 2
            }
            return out
        case .record(let r):
            var out = ""
            for (i, field) in r.fields.enumerated() {
                if budget <= 0 { out += i > 0 ? ", …" : "…"; break }
                if i > 0 { out += ", " }
                out += field.name + ": " + plain(field.value, grouping: grouping, budget: &budget)
                budget -= field.name.utf8.count + 4
            }
            return out
        case .table(let t): leaf = "(table of \(t.rows.count) row\(t.rows.count == 1 ? "" : "s"))"
        case .empty: leaf = ""
        }
        budget -= leaf.utf8.count
        return leaf
    }

    public static func quantity(_ q: Quantity, grouping: Bool = true) -> String {
        func n(_ x: Double) -> String { NumberFormat.display(x, grouping: grouping) }
        let nominal = n(q.nominal)
        // One of a count reads in the singular: `1 person`, not `1 people`.
        let single = (q.bound == .exact || q.bound == .about) && (nominal == "1" || nominal == "-1")
        let unit = q.unit.isNone ? "" : " " + (single ? q.unit.singularDescription : q.unit.description)
        func bounded(_ sign: String, _ end: Double) -> String {
            let shown = n(end)
            let suffix = shown == nominal ? "" : " (nominal \(nominal))"
            return sign + " " + shown + unit + suffix
        }
        switch q.bound {
        case .exact: return nominal + unit
        case .about: return "≈ " + nominal + unit
        case .moreThan: return bounded(">", q.interval.low.value)
        case .atLeast: return bounded("≥", q.interval.low.value)
        case .lessThan: return bounded("<", q.interval.high.value)
        case .atMost: return bounded("≤", q.interval.high.value)
        case .range:
            // Unbounded below (a negated lower bound) reads as a ceiling.
            if q.interval.low.value == -.infinity && q.interval.high.value.isFinite {
                return bounded(q.interval.high.open ? "<" : "≤", q.interval.high.value)
            }
            if q.interval.high.value == .infinity && q.interval.low.value.isFinite {
                return bounded(q.interval.low.open ? ">" : "≥", q.interval.low.value)
            }
            if !q.interval.low.value.isFinite && !q.interval.high.value.isFinite {
                return "any figure" + unit + " (nominal \(nominal))"
            }
            // `225–238 people`; with a negative end the dash is spaced,
            // `-5 – -2 people`, so it cannot be read as a minus sign.
            let low = n(q.interval.low.value), high = n(q.interval.high.value)
            let dash = low.hasPrefix("-") || high.hasPrefix("-") ? " – " : "–"
            return low + dash + high + unit
        }
    }
}

/// The output formats of `:format` and `--format`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, json, markdown
}
