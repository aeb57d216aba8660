import SteppeCore

/// The report as one HTML5 file: inline CSS and SVG, no script, nothing
/// fetched. Everything that came from a fact or a script is escaped.
struct HTMLReport {
    let model: ReportModel

    var text: String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"\(esc(SteppeVersion.text))\">\n"
        out += "<title>\(esc(model.title)) — steppe report</title>\n"
        out += "<style>\n\(ReportStyle.css)</style>\n</head>\n<body>\n<main>\n"
        out += "<header>\n<p class=\"kicker\">steppe report</p>\n<h1>\(esc(model.title))</h1>\n"
        let statements = model.sections.filter { $0.code != nil }.count
        var meta = "\(statements) statement\(statements == 1 ? "" : "s"), \(model.citations.entries.count) source\(model.citations.entries.count == 1 ? "" : "s") cited"
        if model.failures > 0 { meta += ", \(model.failures) failed" }
        out += "<p class=\"meta\">\(esc(meta)). Each figure carries marks that lead to its source at the end.</p>\n</header>\n"
        var figureNumber = 0
        for section in model.sections {
            out += "<section>\n"
            for prose in section.prose {
                switch prose {
                case .heading(let title): out += "<h2>\(esc(title))</h2>\n"
                case .paragraph(let markdown): out += Prose.html(markdown) + "\n"
                }
            }
            if let code = section.code {
                out += "<pre class=\"statement\"><code>\(esc(code))</code></pre>\n"
            }
            out += body(section.body, figureNumber: &figureNumber)
            out += annotations(section)
            out += "</section>\n"
        }
        out += sources
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    func esc(_ s: String) -> String { Prose.escapeHTML(s) }

    func marks(_ numbers: [Int]) -> String {
        guard !numbers.isEmpty else { return "" }
        return "<span class=\"marks\">" + numbers.map {
            "<a class=\"mark\" href=\"#source-\($0)\">[\($0)]</a>"
        }.joined() + "</span>"
    }

    /// A figure with its bound sign set apart: `> 225 people`, `≈ 5,000 people`.
    func cellText(_ cell: ReportModel.Cell) -> String {
        guard cell.isFigure, let sign = HTMLReport.boundSign(cell.text) else { return esc(cell.text) }
        let rest = cell.text.dropFirst(sign.count).drop { $0 == " " }
        return "<span class=\"bound\">\(esc(sign))</span>\u{2009}" + esc(String(rest))
    }

    static let signs = ["≥", "≤", ">", "<", "≈", "~"]

    static func boundSign(_ text: String) -> String? {
        signs.first { text.hasPrefix($0 + " ") }
    }

    func td(_ cell: ReportModel.Cell) -> String {
        cell.isFigure ? "<td class=\"num\">\(cellText(cell))</td>" : "<td>\(cellText(cell))</td>"
    }

    func body(_ body: ReportModel.Body, figureNumber: inout Int) -> String {
        switch body {
        case .none:
            return ""
        case .value(let cell, let m):
            let cls = cell.isFigure ? "value num" : "value"
            return "<p class=\"\(cls)\"><output>\(cellText(cell))</output>\(marks(m))</p>\n"
        case .text(let text, let m):
            return "<pre class=\"output\">\(esc(text))</pre>\n" + (m.isEmpty ? "" : "<p class=\"cited\">From \(marks(m))</p>\n")
        case .note(let text):
            return "<p class=\"note\">\(esc(text))</p>\n"
        case .error(let text):
            return "<pre class=\"error\" role=\"alert\">\(esc(text))</pre>\n"
        case .table(let columns, let rows, let rowMarks):
            let cited = rowMarks.contains { !$0.isEmpty }
            var out = "<div class=\"table\"><table>\n<thead><tr>"
            for (i, c) in columns.enumerated() {
                let numeric = !rows.isEmpty && rows.allSatisfy { i < $0.count && ($0[i].isFigure || $0[i].text.isEmpty) }
                    && rows.contains { i < $0.count && $0[i].isFigure }
                out += numeric ? "<th class=\"num\" scope=\"col\">\(esc(c))</th>" : "<th scope=\"col\">\(esc(c))</th>"
            }
            if cited { out += "<th class=\"sources\" scope=\"col\">sources</th>" }
            out += "</tr></thead>\n<tbody>\n"
            for (n, row) in rows.enumerated() {
                out += "<tr>" + row.map(td).joined()
                if cited { out += "<td class=\"sources\">\(marks(n < rowMarks.count ? rowMarks[n] : []))</td>" }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table></div>\n"
            return out
        case .record(let rows, let lines):
            let cited = rows.contains { !$0.marks.isEmpty }
            var out = "<div class=\"table\"><table class=\"record\">\n<tbody>\n"
            for row in rows {
                out += "<tr><th scope=\"row\">\(esc(row.name))</th>" + td(row.value)
                if cited { out += "<td class=\"sources\">\(marks(row.marks))</td>" }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table></div>\n"
            for line in lines { out += "<p class=\"sentence\">\(esc(line))</p>\n" }
            return out
        case .why(let root):
            return "<div class=\"why\"><ul>\n" + whyNode(root) + "</ul></div>\n"
        case .figure(let svg, let title, let m):
            figureNumber += 1
            var out = "<figure class=\"chart\" id=\"figure-\(figureNumber)\">\n" + HTMLReport.inlineSVG(svg, number: figureNumber, title: title) + "\n"
            out += "<figcaption>\(esc(title))\(m.isEmpty ? "" : " — figures from ")\(marks(m))</figcaption>\n</figure>\n"
            return out
        }
    }

    func whyNode(_ node: ReportModel.WhyNode) -> String {
        var out: String
        if let leaf = node.leaf {
            out = "<li><code>\(esc(leaf.name))</code> <span class=\"why-value\">\(cellText(ReportModel.Cell(text: leaf.value, isFigure: true)))</span> "
                + "<span class=\"why-cite\">\(esc(leaf.citation))</span>\(marks(node.marks))"
        } else {
            out = "<li><span class=\"why-item\">\(esc(node.text))</span>\(marks(node.marks))"
        }
        if !node.children.isEmpty {
            out += "\n<ul>\n" + node.children.map(whyNode).joined() + "</ul>\n"
        }
        return out + "</li>\n"
    }

    func annotations(_ section: ReportModel.Section) -> String {
        guard !section.assumptions.isEmpty || !section.rates.isEmpty else { return "" }
        var out = "<dl class=\"assumptions\">\n"
        if !section.assumptions.isEmpty {
            out += "<dt>Assumed</dt>\n" + section.assumptions.map { "<dd>\(esc($0))</dd>\n" }.joined()
        }
        if !section.rates.isEmpty {
            out += "<dt>Rates</dt>\n" + section.rates.map { "<dd>\(esc($0.text))\(marks([$0.mark]))</dd>\n" }.joined()
        }
        return out + "</dl>\n"
    }

    var sources: String {
        var out = "<section class=\"sources\" aria-labelledby=\"sources\">\n<h2 id=\"sources\">Sources</h2>\n"
        guard !model.citations.entries.isEmpty else {
            return out + "<p>No result drew on a stated fact.</p>\n</section>\n"
        }
        out += "<ol>\n"
        for entry in model.citations.entries {
            out += "<li id=\"source-\(entry.number)\">" + HTMLReport.entryHTML(entry, esc) + "</li>\n"
        }
        return out + "</ol>\n</section>\n"
    }

    /// `Title. Author; Publisher, 2022. <address>. ¶3: “quote”.`
    static func entryHTML(_ e: Citations.Entry, _ esc: (String) -> String) -> String {
        let s = e.source
        var out = "<cite>\(esc(s.title))</cite>"
        let stop = s.title.last.map { ".?!".contains($0) } == true ? "" : "."
        let by = [s.author, s.publisher].compactMap { $0 }
        if !by.isEmpty { out += stop + " " + esc(by.joined(separator: "; ")) }
        if let year = s.year { out += by.isEmpty ? stop + " \(year)" : ", \(year)" }
        if !by.isEmpty || s.year != nil || !stop.isEmpty { out += "." }
        if let address = s.address {
            let shown = esc(address)
            out += Prose.isSafe(address)
                ? " <a class=\"address\" href=\"\(shown)\">\(shown)</a>."
                : " \(shown)."
        }
        if let place = e.place { out += " <span class=\"place\">\(esc(place))</span>" + (e.quotes.isEmpty && e.figures.isEmpty ? "." : ":") }
        if !e.quotes.isEmpty {
            out += " " + e.quotes.map { "<q>\(esc($0))</q>" }.joined(separator: "; ") + "."
        }
        if !e.figures.isEmpty {
            out += " <span class=\"figures\">" + esc(e.figures.joined(separator: "; ")) + "</span>."
        }
        return out
    }

    /// The chart's SVG to sit inside the page: no XML prolog, and its ids
    /// made unique to it.
    static func inlineSVG(_ svg: String, number: Int, title: String) -> String {
        var s = svg
        if s.hasPrefix("<?xml"), let end = s.range(of: "?>") { s = String(s[end.upperBound...]) }
        s = s.trimmingSpacesAndNewlines
        // Ids: `id="open"` and `url(#open)` become `chart1-open`.
        var out = ""
        var rest = Substring(s)
        for marker in ["id=\"", "url(#", "href=\"#"] where rest.contains(marker) {
            out = ""
            while let r = rest.range(of: marker) {
                out += rest[..<r.upperBound] + "chart\(number)-"
                rest = rest[r.upperBound...]
            }
            rest = Substring(out + rest)
        }
        s = String(rest)
        // A label for readers who cannot see it; the root's presentation
        // attributes that HTML does not know on <svg> become its style.
        if let open = s.range(of: "<svg"), let close = s[open.upperBound...].firstIndex(of: ">") {
            var tag = String(s[open.upperBound..<close])
            var style: [String] = []
            for name in ["font-family", "font-size", "fill"] {
                guard let a = tag.range(of: " \(name)=\""), let q = tag[a.upperBound...].firstIndex(of: "\"") else { continue }
                style.append("\(name): \(tag[a.upperBound..<q])")
                tag.removeSubrange(a.lowerBound...q)
            }
            let styled = style.isEmpty ? "" : " style=\"\(style.joined(separator: "; "))\""
            s.replaceSubrange(open.lowerBound..<close, with: "<svg role=\"img\" aria-label=\"\(Prose.escapeHTML(title))\"" + styled + tag)
        }
        return s
    }
}

extension String {
    var trimmingSpacesAndNewlines: String {
        String(drop { $0 == " " || $0 == "\n" }).trimmingTrailing { $0 == " " || $0 == "\n" }
    }
}
