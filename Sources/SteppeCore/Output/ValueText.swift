/// How values read in the table format: `> 225 people`, `< 2,500 GBP/person/yr`,
/// `≈ 30 yr`, `225–238 people`, `China, Russia`.
public enum ValueText {
    public static func plain(_ v: Value, grouping: Bool = true) -> String {
        switch v.payload {
        case .quantity(let q): return quantity(q, grouping: grouping)
        case .text(let s): return s
        case .truth(let t): return t.name
        case .date(let d): return d.description
        case .entity(let e): return e.name
        case .source(let s): return s.title
        case .list(let items): return items.map { plain($0, grouping: grouping) }.joined(separator: ", ")
        case .record(let r): return r.fields.map { "\($0.name): \(plain($0.value, grouping: grouping))" }.joined(separator: ", ")
        case .table(let t): return "(table of \(t.rows.count) row\(t.rows.count == 1 ? "" : "s"))"
        case .empty: return ""
        }
    }

    public static func quantity(_ q: Quantity, grouping: Bool = true) -> String {
        let unit = q.unit.isNone ? "" : " " + q.unit.description
        func n(_ x: Double) -> String { NumberFormat.display(x, grouping: grouping) }
        let nominal = n(q.nominal)
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
            return n(q.interval.low.value) + "–" + n(q.interval.high.value) + unit
        }
    }
}

/// The output formats of `:format` and `--format`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, json, markdown
}
