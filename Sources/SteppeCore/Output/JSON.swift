/// JSON as LANGUAGE.md specifies it: one document per result.
public enum JSON {
    public static func encode(_ v: Value) -> String {
        var out = ""
        write(v, into: &out)
        return out
    }

    static func write(_ v: Value, into out: inout String) {
        // A value nested thousands deep (`let a = [a]`, again and again)
        // is cut short rather than overflowing the stack.
        guard StackGuard.hasRoom() else {
            out += "\"… (nested too deeply to show)\""
            return
        }
        switch v.payload {
        case .quantity(let q): quantity(q, into: &out)
        case .text(let s): string(s, into: &out)
        case .truth(let t): out += t == .yes ? "true" : (t == .no ? "false" : "null")
        case .date(let d): string(d.description, into: &out)
        case .entity(let e):
            out += "{\"entity\": "; string(e.id, into: &out)
            out += ", \"name\": "; string(e.name, into: &out); out += "}"
        case .source(let s):
            out += "{\"source\": "; string(s.id, into: &out)
            out += ", \"title\": "; string(s.title, into: &out); out += "}"
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                // A list that holds itself twice, 40 times over, has 2^40 items.
                if out.utf8.count > maxBytes { out += "\"… (cut at \(maxBytes >> 20) MiB)\""; break }
                write(item, into: &out)
            }
            out += "]"
        case .record(let r):
            object(r.fields.map { ($0.name, $0.value) }, into: &out)
        case .table(let t):
            out += "["
            for (i, row) in t.rows.enumerated() {
                if i > 0 { out += ",\n " }
                object(Array(zip(t.columns, row)), into: &out)
            }
            out += "]"
        case .empty: out += "null"
        }
    }

    static func object(_ fields: [(String, Value)], into out: inout String) {
        out += "{"
        for (i, (k, v)) in fields.enumerated() {
            if i > 0 { out += ", " }
            string(k, into: &out)
            out += ": "
            if out.utf8.count > maxBytes { out += "\"… (cut at \(maxBytes >> 20) MiB)\""; continue }
            write(v, into: &out)
        }
        out += "}"
    }

    /// One result writes at most about this much; the rest is cut (see `.list`).
    static let maxBytes = 1 << 29

    static func quantity(_ q: Quantity, into out: inout String) {
        let value = NumberFormat.json(q.nominal)
        if q.isPlainNumber {
            out += value
            return
        }
        // An exact figure's ends are its nominal: written once, used thrice.
        func end(_ x: Double) -> String { x == q.nominal ? value : (x.isFinite ? NumberFormat.json(x) : "null") }
        let low = end(q.interval.low.value), high = end(q.interval.high.value)
        var unit = ""
        if q.unit.isNone { unit = "null" } else { string(q.unit.description, into: &unit) }
        out += String.concatenated("{\"value\": ", value, ", \"unit\": ", unit, ", \"bound\": \"", q.bound.rawValue,
                                 "\", \"low\": ", low, ", \"high\": ", high, "}")
    }

    public static func string(_ s: String, into out: inout String) {
        out += "\""
        // Most texts need no escape: copy them whole.
        if !s.containsByte(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
