/// Turns a result into text in one of the output formats.
public struct Renderer {
    public var format: OutputFormat
    /// Columns available, when writing to a terminal; tables shrink to fit.
    public var width: Int?
    public var color: Bool

    public init(format: OutputFormat, width: Int? = nil, color: Bool = false) {
        self.format = format
        self.width = width
        self.color = color
    }

    /// The text of one result, ending with a newline.
    public func render(_ v: Value) -> String {
        switch format {
        case .json:
            var out = JSON.encode(v)
            out += "\n"
            return out
        case .table: return tableText(v)
        case .csv: return delimited(v)
        case .markdown: return markdown(v)
        }
    }

    /// A value as rows and columns, for the tabular formats.
    static func asTable(_ v: Value) -> Table? {
        switch v.payload {
        case .table(let t): return t
        case .list(let items): return Table(columns: ["value"], rows: items.map { [$0] })
        case .record(let r): return Table(columns: r.fields.map(\.name), rows: [r.fields.map(\.value)])
        default: return nil
        }
    }

    func tableText(_ v: Value) -> String {
        guard case .table(let t) = v.payload else { return String.concatenated(tint(v, ValueText.plain(v)), "\n") }
        let header = t.columns
        let cells = t.rows.map { $0.map { ValueText.plain($0).replacingNewlines } }
        var widths = header.map { $0.count }
        for row in cells {
            for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) }
        }
        if let width { widths = Renderer.fit(widths, header: header, into: width) }
        var out = ""
        func line(_ row: [String], bold: Bool) {
            var text = ""
            for (i, cell) in row.enumerated() where i < widths.count {
                let fitted = Renderer.truncate(cell, to: widths[i])
                let last = i == widths.count - 1
                let padded = last ? fitted : fitted + String(repeating: " ", count: max(0, widths[i] - fitted.count)) + "  "
                text += padded
            }
            while text.hasSuffix(" ") { text.removeLast() }
            out += (bold && color ? "\u{1B}[1m" + text + "\u{1B}[0m" : text) + "\n"
        }
        line(header, bold: true)
        for row in cells { line(row, bold: false) }
        return out
    }

    /// At a terminal, a lone result reads at a glance: figures bold, truth
    /// green, red or yellow for unknown.
    func tint(_ v: Value, _ text: String) -> String {
        guard color else { return text }
        switch v.payload {
        case .quantity: return "\u{1B}[1m" + text + "\u{1B}[0m"
        case .truth(let t):
            let code = t == .yes ? "32" : (t == .no ? "31" : "33")
            return "\u{1B}[" + code + "m" + text + "\u{1B}[0m"
        default: return text
        }
    }

    /// Shrinks the widest columns until the table fits in `total` columns.
    static func fit(_ widths: [Int], header: [String], into total: Int) -> [Int] {
        var w = widths
        let gaps = 2 * max(0, w.count - 1)
        var sum = w.reduce(0, +)
        while sum + gaps > total {
            guard let i = w.indices.max(by: { w[$0] < w[$1] }) else { break }
            let floor = max(6, i < header.count ? header[i].count : 0)
            guard w[i] > floor else { break }
            // Shrink the widest column down to the next widest in one step
            // (a cell of megabytes would take a step per character).
            let next = w.indices.filter { $0 != i }.map { w[$0] }.max() ?? 0
            let step = max(1, min(w[i] - max(floor, next), sum + gaps - total))
            w[i] -= step
            sum -= step
        }
        return w
    }

    static func truncate(_ s: String, to n: Int) -> String {
        guard s.count > n, n >= 1 else { return s }
        return String(s.prefix(n - 1)) + "…"
    }

    func delimited(_ v: Value) -> String {
        // A lone value (the commonest result) is a one-column table, written straight out.
        guard let t = Renderer.asTable(v) else {
            return String.concatenated("value\n", Renderer.csvField(ValueText.plain(v, grouping: false)), "\n")
        }
        var out = t.columns.map(Renderer.csvField).joined(separator: ",") + "\n"
        for row in t.rows {
            out += row.map { Renderer.csvField(ValueText.plain($0, grouping: false)) }.joined(separator: ",") + "\n"
        }
        return out
    }

    static func csvField(_ s: String) -> String {
        // No byte to quote means no character to quote: most fields are plain.
        guard s.containsByte(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }),
              s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    func markdown(_ v: Value) -> String {
        guard let t = Renderer.asTable(v) else {
            // A lone `> 225 people` would read as a blockquote.
            let text = Renderer.markdownCell(ValueText.plain(v))
            let first = text.utf8.first
            let escaped = first == UInt8(ascii: ">") || first == UInt8(ascii: "#") || text.utf8.starts(with: "- ".utf8)
            return String.concatenated(escaped ? "\\" : "", text, "\n")
        }
        var out = "| " + t.columns.map(Renderer.markdownCell).joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: " --- |", count: t.columns.count) + "\n"
        for row in t.rows {
            out += "| " + row.map { Renderer.markdownCell(ValueText.plain($0)) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    static func markdownCell(_ s: String) -> String {
        guard s.containsByte(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\n") }) else { return s }
        var r = ""
        for c in s {
            switch c {
            case "|": r += "\\|"
            case "\n": r += "<br>"
            default: r.append(c)
            }
        }
        return r
    }
}

extension String {
    var replacingNewlines: String {
        contains("\n") ? String(map { $0 == "\n" ? " " : $0 }) : self
    }
}
