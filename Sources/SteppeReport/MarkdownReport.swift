import SteppeCore

/// The report in GitHub markdown: the same content as the HTML, marks as
/// footnotes `[^N]`, each chart written beside it as `OUT-N.svg` and linked.
struct MarkdownReport {
    let model: ReportModel
    /// The report's file name without `.md`, for the charts' names.
    let stem: String

    /// The markdown, and the charts to write beside it (name, SVG).
    var output: (text: String, charts: [(name: String, svg: String)]) {
        var charts: [(String, String)] = []
        var out = "# \(inline(model.title))\n\n"
        let statements = model.sections.filter { $0.code != nil }.count
        out += "*steppe report: \(statements) statement\(statements == 1 ? "" : "s"), \(model.citations.entries.count) source\(model.citations.entries.count == 1 ? "" : "s") cited"
        if model.failures > 0 { out += ", \(model.failures) failed" }
        out += ".*\n\n"
        for section in model.sections {
            for prose in section.prose {
                switch prose {
                case .heading(let title): out += "## \(inline(title))\n\n"
                case .paragraph(let text): out += MarkdownReport.prose(text) + "\n\n"
                }
            }
            if let code = section.code { out += MarkdownReport.fenced(code, language: "steppe") }
            out += body(section.body, charts: &charts)
            out += annotations(section)
        }
        out += "## Sources\n\n"
        if model.citations.entries.isEmpty { out += "No result drew on a stated fact.\n" }
        for e in model.citations.entries {
            out += "[^\(e.number)]: " + entry(e) + "\n"
        }
        return (out, charts)
    }

    /// Text from a fact or a script in running markdown: HTML and markdown
    /// punctuation taken literally.
    func inline(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "#": out += "\\" + String(c)
            case "\n": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// A comment's markdown kept as markdown, with its HTML made text.
    static func prose(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.drop { $0 == " " || $0 == "\t" }) }
        // Quotes need no escaping in markdown (a link's address is GitHub's to check).
        return Prose.escapeOutsideCode(lines.joined(separator: "\n"), quotes: false)
    }

    static func fenced(_ text: String, language: String = "") -> String {
        var fence = "```"
        while text.contains(fence) { fence += "`" }
        return fence + language + "\n" + text + "\n" + fence + "\n\n"
    }

    func marks(_ numbers: [Int]) -> String {
        numbers.map { "[^\($0)]" }.joined()
    }

    func cell(_ c: ReportModel.Cell) -> String { inline(c.text) }

    func body(_ body: ReportModel.Body, charts: inout [(String, String)]) -> String {
        switch body {
        case .none:
            return ""
        case .value(let c, let m):
            return "**\(cell(c))** \(marks(m))\n\n"
        case .text(let text, let m):
            return MarkdownReport.fenced(text) + (m.isEmpty ? "" : "From \(marks(m))\n\n")
        case .note(let text):
            return "*\(inline(text))*\n\n"
        case .error(let text):
            return "**Error:**\n\n" + MarkdownReport.fenced(text)
        case .table(let columns, let rows, let rowMarks):
            let cited = rowMarks.contains { !$0.isEmpty }
            var header = columns.map(inline)
            if cited { header.append("sources") }
            var out = "| " + header.joined(separator: " | ") + " |\n|"
            for (i, _) in columns.enumerated() {
                let numeric = rows.contains { i < $0.count && $0[i].isFigure }
                    && rows.allSatisfy { i < $0.count && ($0[i].isFigure || $0[i].text.isEmpty) }
                out += numeric ? " ---: |" : " --- |"
            }
            if cited { out += " --- |" }
            out += "\n"
            for (n, row) in rows.enumerated() {
                var cells = row.map(cell)
                if cited { cells.append(marks(n < rowMarks.count ? rowMarks[n] : [])) }
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
            return out + "\n"
        case .record(let rows, let lines):
            let cited = rows.contains { !$0.marks.isEmpty }
            var out = cited ? "| | | sources |\n| --- | --- | --- |\n" : "| | |\n| --- | --- |\n"
            for row in rows {
                out += "| **\(inline(row.name))** | \(cell(row.value)) |" + (cited ? " \(marks(row.marks)) |" : "") + "\n"
            }
            out += "\n"
            for line in lines { out += inline(line) + "\n\n" }
            return out
        case .why(let root):
            return whyNode(root, depth: 0) + "\n"
        case .figure(let svg, let title, let m):
            charts.append(("\(stem)-\(charts.count + 1).svg", svg))
            let name = charts.count
            let file = "\(stem.split(separator: "/").last.map(String.init) ?? stem)-\(name).svg"
            return "![\(inline(title))](\(file))\n\n" + (m.isEmpty ? "" : "Figures from \(marks(m))\n\n")
        }
    }

    func whyNode(_ node: ReportModel.WhyNode, depth: Int) -> String {
        var out = String(repeating: "  ", count: depth) + "- " + inline(node.text)
        if !node.marks.isEmpty { out += " " + marks(node.marks) }
        out += "\n"
        for child in node.children { out += whyNode(child, depth: depth + 1) }
        return out
    }

    func annotations(_ section: ReportModel.Section) -> String {
        var out = ""
        for a in section.assumptions { out += "> Assumed: \(inline(a))  \n" }
        for r in section.rates { out += "> Rate: \(inline(r.text)) \(marks([r.mark]))  \n" }
        return out.isEmpty ? "" : out + "\n"
    }

    func entry(_ e: Citations.Entry) -> String {
        let s = e.source
        var out = "*\(inline(s.title))*"
        let stop = s.title.last.map { ".?!".contains($0) } == true ? "" : "."
        let by = [s.author, s.publisher].compactMap { $0 }
        if !by.isEmpty { out += stop + " " + inline(by.joined(separator: "; ")) }
        if let year = s.year { out += by.isEmpty ? stop + " \(year)" : ", \(year)" }
        if !by.isEmpty || s.year != nil || !stop.isEmpty { out += "." }
        if let address = s.address, Prose.isSafe(address), !address.contains(where: { $0 == ">" || $0 == "<" || $0 == " " }) {
            out += " <\(address)>."
        } else if let address = s.address {
            out += " \(inline(address))."
        }
        if let place = e.place { out += " **\(inline(place))**" + (e.quotes.isEmpty && e.figures.isEmpty ? "." : ":") }
        if !e.quotes.isEmpty { out += " " + e.quotes.map { "“\(inline($0))”" }.joined(separator: "; ") + "." }
        if !e.figures.isEmpty { out += " " + inline(e.figures.joined(separator: "; ")) + "." }
        return out
    }
}
