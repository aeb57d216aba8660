import SteppeCore

/// A report as the writers see it: sections in order, each with its prose,
/// its statement and what it showed, and the Sources they cite.
struct ReportModel {
    /// A cell of a result table: its text and whether it is a figure
    /// (figures are right-aligned, their bound sign set apart).
    struct Cell {
        var text: String
        var isFigure: Bool
    }

    struct WhyNode {
        var text: String
        var marks: [Int]
        var children: [WhyNode]
        /// A leaf: what it is, its value and where it was stated.
        var leaf: (name: String, value: String, citation: String)? = nil
    }

    enum Body {
        case none
        /// A lone value and its marks.
        case value(Cell, marks: [Int])
        /// A table; each row's marks in a last column when any row has some.
        case table(columns: [String], rows: [[Cell]], rowMarks: [[Int]])
        /// A record as name/value rows, and lines of text under it (compare's sentence).
        case record(rows: [(name: String, value: Cell, marks: [Int])], lines: [String])
        case why(WhyNode)
        /// An SVG chart drawn in place, with the marks of its bars.
        case figure(svg: String, title: String, marks: [Int])
        /// Lines shown as the terminal shows them (a command's own layout).
        case text(String, marks: [Int])
        /// `:run FILE`: a one-line note.
        case note(String)
        case error(String)
    }

    enum Prose {
        case heading(String)
        /// A paragraph of markdown, as written in the comments.
        case paragraph(String)
    }

    struct Section {
        var prose: [Prose]
        /// The statement as written; nil for prose alone.
        var code: String?
        var file: String
        var line: Int
        var body: Body
        /// What the result rests on: `set` assumptions and notes; the rates used.
        var assumptions: [String]
        var rates: [(text: String, mark: Int)]
    }

    var title = ""
    var files: [String] = []
    var sections: [Section] = []
    var citations = Citations()
    var failures = 0

    /// The session commands that change only how results are shown: left out.
    static let presentationCommands: Set<String> = ["format", "timer", "output", "once"]

    init(records: [StatementRecord]) {
        var files: [String] = []
        // Per file: the byte offset after the last statement seen.
        var resume: [ObjectIdentifier: Int] = [:]
        var pending: [Prose] = []
        for record in records {
            let file = record.file
            if !files.contains(file.name) { files.append(file.name) }
            let range = record.statement.range
            let start = file.location(of: range.start).line
            let lineStart = file.lineStart(containing: range.start)
            let from = min(resume[ObjectIdentifier(file)] ?? 0, lineStart)
            let lastByte = max(range.start, range.end - 1)
            let afterEnd = file.bytes[min(lastByte, file.bytes.count)...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }
            resume[ObjectIdentifier(file)] = afterEnd ?? file.bytes.count
            pending += ReportModel.prose(file, from: from, to: lineStart)
            if let command = record.sessionCommand, ReportModel.presentationCommands.contains(command.name) {
                if case .failed = record.outcome {} else { continue }
            }
            var section = Section(prose: pending, code: record.text, file: file.name, line: start,
                                  body: .none, assumptions: [], rates: [])
            pending = []
            build(&section, record)
            sections.append(section)
        }
        if !pending.isEmpty {
            sections.append(Section(prose: pending, code: nil, file: "", line: 0, body: .none, assumptions: [], rates: []))
        }
        self.files = files
        let names = files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        title = names.isEmpty ? "steppe report" : names.joined(separator: ", ")
    }

    // MARK: - Prose

    /// The comment lines between byte offsets `from` and `to` as headings and paragraphs:
    /// `#` and one space removed; a paragraph ends at an empty comment line
    /// or a blank line; `#!` and `# expect` lines left out; a `# ---- Title`
    /// line is a heading.
    static func prose(_ file: SourceFile, from: Int, to: Int) -> [Prose] {
        var out: [Prose] = []
        var paragraph: [String] = []
        func endParagraph() {
            if !paragraph.isEmpty { out.append(.paragraph(paragraph.joined(separator: "\n"))) }
            paragraph = []
        }
        let bytes = file.bytes
        var at = from
        while at < to, at < bytes.count {
            let end = bytes[at...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var text = String(decoding: bytes[at..<end], as: UTF8.self)
            if text.hasSuffix("\r") { text.removeLast() }
            at = end + 1
            let trimmed = text.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("#") else {
                endParagraph()
                continue
            }
            if trimmed.hasPrefix("#!") { continue }
            var body = trimmed.dropFirst()
            if body.hasPrefix(" ") { body = body.dropFirst() }
            if body.hasPrefix("expect") { continue }
            let line = String(body)
            if line.trimmingSpaces.isEmpty {
                endParagraph()
                continue
            }
            if line.hasPrefix("---") {
                endParagraph()
                let title = String(line.drop { $0 == "-" || $0 == " " }).trimmingTrailing { $0 == "-" || $0 == " " }
                if !title.isEmpty { out.append(.heading(title)) }
                continue
            }
            paragraph.append(line)
        }
        endParagraph()
        return out
    }

    // MARK: - Results

    mutating func build(_ section: inout Section, _ record: StatementRecord) {
        if let command = record.sessionCommand, command.name == "run" || command.name == "load" {
            let verb = command.name == "run" ? "Ran the script" : "Loaded the fact pack"
            section.body = .note("\(verb) \(command.argument.trimmingSpaces).")
            if case .failed(let text) = record.outcome {
                section.body = .error(text)
                failures += 1
            }
            return
        }
        switch record.outcome {
        case .nothing:
            return
        case .failed(let text):
            section.body = .error(text)
            failures += 1
        case .why(let v):
            section.body = .why(whyTree(v))
            annotate(&section, LineageSummary(v.lineage))
        case .result(let result):
            section.body = body(of: result)
            annotate(&section, LineageSummary(ReportModel.lineages(of: result.value)))
        }
    }

    /// The assumptions and rates under a result.
    mutating func annotate(_ section: inout Section, _ summary: LineageSummary) {
        section.assumptions = summary.assumptions
        section.rates = summary.rates.map { ($0.rateText, citations.mark($0)) }
    }

    /// Every lineage in a value: its own, and its cells' and fields'.
    static func lineages(of v: Value) -> [Lineage] {
        var out = [v.lineage]
        switch v.payload {
        case .table(let t): for row in t.rows { for cell in row { out += lineages(of: cell) } }
        case .list(let items): for item in items { out += lineages(of: item) }
        case .record(let r): for field in r.fields { out += lineages(of: field.value) }
        default: break
        }
        return out
    }

    mutating func marks(_ v: Value) -> [Int] {
        LineageSummary(ReportModel.lineages(of: v)).marks(&citations)
    }

    static func cell(_ v: Value) -> Cell {
        let text = ValueText.plain(v).replacingOccurrencesOfNewline
        switch v.payload {
        case .quantity: return Cell(text: text, isFigure: true)
        // A source by its publisher, as crosscheck's table shows it: the
        // title is in the Sources list.
        case .source(let s) where !s.isArticle: return Cell(text: s.publisher ?? s.title, isFigure: false)
        default: return Cell(text: text, isFigure: false)
        }
    }

    mutating func body(of result: CommandResult) -> Body {
        let v = result.value
        if let svg = result.figure {
            let title = ReportModel.svgTitle(svg)
            return .figure(svg: svg, title: title, marks: marks(v))
        }
        switch v.payload {
        case .table(let t):
            return table(t.columns, t.rows, own: v.lineage)
        case .list(let items):
            return table(["value"], items.map { [$0] }, own: v.lineage)
        case .record(let r):
            return record(r, v, display: result.display)
        default:
            if let display = result.display, display != ValueText.plain(v) {
                return .text(display, marks: marks(v))
            }
            return .value(ReportModel.cell(v), marks: marks(v))
        }
    }

    mutating func table(_ columns: [String], _ rows: [[Value]], own: Lineage) -> Body {
        var cells: [[Cell]] = []
        var rowMarks: [[Int]] = []
        for row in rows {
            cells.append(row.map(ReportModel.cell))
            var m = LineageSummary(row.flatMap(ReportModel.lineages)).marks(&citations)
            if rowMarks.isEmpty && !own.isEmpty {
                // The table's own lineage (a stage's inputs) goes with its first row.
                for n in LineageSummary(own).marks(&citations) where !m.contains(n) { m.append(n) }
            }
            rowMarks.append(m)
        }
        return .table(columns: columns, rows: cells, rowMarks: rowMarks)
    }

    /// A record as two columns; with a command's layout (`compare`), its
    /// lines `NAME  VALUE` as the rows and the rest as text under them.
    mutating func record(_ r: Record, _ v: Value, display: String?) -> Body {
        var rows: [(name: String, value: Cell, marks: [Int])] = []
        var lines: [String] = []
        if let display {
            for line in display.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                if let split = ReportModel.splitColumns(line) {
                    let field = r[split.name]
                    let isFigure = field.map { if case .quantity = $0.payload { return true } else { return false } } ?? false
                    var m = field.map { marks($0) } ?? []
                    if field == nil, split.name == "rates" {
                        // compare's rates line: the rates the conversion used.
                        for f in LineageSummary(ReportModel.lineages(of: v)).rates {
                            let n = citations.mark(f)
                            if !m.contains(n) { m.append(n) }
                        }
                    }
                    rows.append((split.name, Cell(text: split.value, isFigure: isFigure), m))
                } else if !line.trimmingSpaces.isEmpty {
                    lines.append(line)
                }
            }
        } else {
            for field in r.fields {
                rows.append((field.name, ReportModel.cell(field.value), marks(field.value)))
            }
        }
        // Marks of the record's own lineage that no row carries go on the first row.
        let all = marks(v)
        let shown = Set(rows.flatMap(\.marks))
        let rest = all.filter { !shown.contains($0) }
        if !rest.isEmpty, !rows.isEmpty { rows[0].marks += rest }
        return .record(rows: rows, lines: lines)
    }

    /// `NAME   VALUE` when the line has a name, then two or more spaces.
    static func splitColumns(_ line: String) -> (name: String, value: String)? {
        guard let first = line.first, first != " " else { return nil }
        let chars = Array(line)
        var i = 0
        while i < chars.count, chars[i] != " " { i += 1 }
        var j = i
        while j < chars.count, chars[j] == " " { j += 1 }
        guard j - i >= 2, j < chars.count else { return nil }
        return (String(chars[0..<i]), String(chars[j...]))
    }

    /// The text of an SVG's first `<text>`: the chart's title.
    static func svgTitle(_ svg: String) -> String {
        guard let open = svg.range(of: "font-weight=\"bold\""),
              let gt = svg[open.upperBound...].firstIndex(of: ">"),
              let end = svg[gt...].range(of: "</text>") else { return "chart" }
        return String(svg[svg.index(after: gt)..<end.lowerBound])
    }

    mutating func whyTree(_ v: Value) -> WhyNode {
        var root = WhyNode(text: ValueText.plain(v), marks: marks(v), children: [])
        if v.lineage.isEmpty {
            root.children = [WhyNode(text: "stated here: no facts behind it", marks: [], children: [])]
        } else {
            root.children = whyItems(v.lineage.items, depth: 0)
        }
        return root
    }

    mutating func whyItems(_ items: [Lineage.Item], depth: Int) -> [WhyNode] {
        guard depth < 100 else { return [WhyNode(text: "… (nested too deeply to show)", marks: [], children: [])] }
        return items.map { item in
            switch item {
            case .rule(let subject, let property, let text, let inputs):
                return WhyNode(text: "rule \(subject).\(property) = \(text)", marks: [],
                               children: whyItems(inputs, depth: depth + 1))
            case .fact(let f):
                return leaf("\(f.subject).\(f.property)", ValueText.plain(f.value), ReportModel.citationText(f), [citations.mark(f)])
            case .rate(let f):
                return leaf("\(f.subject).\(f.property)", ValueText.plain(f.value), "rate: " + ReportModel.citationText(f), [citations.mark(f)])
            case .assumption(let subject, let property, let value, let place):
                return leaf("\(subject).\(property)", value, "assumed: set at \(place)", [])
            case .note(let text):
                return WhyNode(text: "assumption: \(text)", marks: [], children: [])
            }
        }
    }

    func leaf(_ name: String, _ value: String, _ citation: String, _ marks: [Int]) -> WhyNode {
        WhyNode(text: "\(name)  \(value)  \(citation)", marks: marks, children: [], leaf: (name, value, citation))
    }

    /// As `why` cites a fact: `article ¶1 "3% of …"`, `BP, Statistical Review …, table 1`.
    static func citationText(_ f: Fact) -> String {
        var s: String
        if f.source.isArticle {
            s = f.source.id
            if let at = f.at { s += " " + at }
            if let q = f.quote { s += " \u{201C}\(q)\u{201D}" }
        } else {
            s = f.source.citation
            if let at = f.at { s += ", " + at }
        }
        if let c = f.claimant { s += " (claimed by \(c))" }
        return s
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }).trimmingTrailing { $0 == " " || $0 == "\t" || $0 == "\r" }
    }

    func trimmingTrailing(_ p: (Character) -> Bool) -> String {
        var s = Substring(self)
        while let last = s.last, p(last) { s.removeLast() }
        return String(s)
    }

    var replacingOccurrencesOfNewline: String {
        contains("\n") ? String(map { $0 == "\n" ? " " : $0 }) : self
    }
}
