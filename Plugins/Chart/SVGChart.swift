import SteppeCore

/// A bar chart as an SVG document: a title, labels on the left, bars on a
/// scale with ticks, the figures after the bars. What is known is solid; the
/// range a figure may lie in is pale; an open-ended bar fades out into an
/// arrow, since it has no end.
struct SVGChart {
    var data: ChartData
    var title: String

    static let ink = "#1f2933"
    static let barColor = "#2f6db5"
    static let rowHeight = 30.0
    static let barHeight = 18.0
    /// Rough width of a character of 12px sans-serif text.
    static let charWidth = 7.0

    init(_ data: ChartData, title: String) {
        self.data = data
        self.title = title
    }

    var text: String {
        let labelChars = data.bars.map { SVGChart.short($0.label).count }.max() ?? 0
        let valueChars = data.bars.map { ValueText.plain($0.value).count }.max() ?? 0
        let left = 20 + Double(labelChars) * SVGChart.charWidth
        let plotWidth = 480.0
        let hasOpen = data.bars.contains { $0.isOpen }
        let hasPale = data.bars.contains { $0.paleEnd != nil }
        // Room for a figure after the longest bar, and for a fade and arrow past the axis.
        let right = 24 + Double(valueChars) * SVGChart.charWidth + (hasOpen ? 60 : 0)
        let width = left + plotWidth + right
        let top = 56.0
        let plotHeight = Double(data.bars.count) * SVGChart.rowHeight
        var notes: [String] = []
        if hasOpen { notes.append("A bar that fades into an arrow has no upper bound: the figure is more than shown.") }
        if hasPale { notes.append("A pale, dashed part is the range the figure lies in.") }
        let height = top + plotHeight + 50 + Double(notes.count) * 17
        let (step, axisTop) = SVGChart.ticks(data.top)
        func x(_ v: Double) -> Double { left + v / axisTop * plotWidth }

        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
        s += "<defs><linearGradient id=\"open\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">"
        s += "<stop offset=\"0\" stop-color=\"\(SVGChart.barColor)\" stop-opacity=\"1\"/><stop offset=\"1\" stop-color=\"\(SVGChart.barColor)\" stop-opacity=\"0.1\"/>"
        s += "</linearGradient></defs>\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        s += "<text x=\"\(n(left))\" y=\"30\" font-size=\"17\" font-weight=\"bold\" fill=\"\(SVGChart.ink)\">\(SVGChart.escape(title))</text>\n"

        // Grid lines and tick labels.
        let axisY = top + plotHeight
        var tick = 0.0
        while tick <= axisTop * 1.000001 {
            let tx = x(tick)
            s += "<line x1=\"\(n(tx))\" y1=\"\(n(top - 6))\" x2=\"\(n(tx))\" y2=\"\(n(axisY))\" stroke=\"#d9dee4\" stroke-width=\"1\"/>\n"
            s += "<line x1=\"\(n(tx))\" y1=\"\(n(axisY))\" x2=\"\(n(tx))\" y2=\"\(n(axisY + 5))\" stroke=\"\(SVGChart.ink)\"/>\n"
            s += "<text x=\"\(n(tx))\" y=\"\(n(axisY + 19))\" font-size=\"11\" text-anchor=\"middle\" fill=\"\(SVGChart.ink)\">\(SVGChart.escape(NumberFormat.display(tick)))</text>\n"
            tick += step
        }
        s += "<line x1=\"\(n(left))\" y1=\"\(n(axisY))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(axisY))\" stroke=\"\(SVGChart.ink)\"/>\n"
        if !data.unit.isNone {
            s += "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(axisY + 36))\" font-size=\"12\" text-anchor=\"middle\" fill=\"\(SVGChart.ink)\">\(SVGChart.escape(data.unit.description))</text>\n"
        }

        for (i, bar) in data.bars.enumerated() {
            let y = top + Double(i) * SVGChart.rowHeight + (SVGChart.rowHeight - SVGChart.barHeight) / 2
            let mid = y + SVGChart.barHeight / 2 + 4
            s += "<text x=\"\(n(left - 10))\" y=\"\(n(mid))\" font-size=\"12\" text-anchor=\"end\" fill=\"\(SVGChart.ink)\">\(SVGChart.escape(SVGChart.short(bar.label)))</text>\n"
            let solid = x(bar.solidEnd) - left
            var end = left + solid
            if solid > 0 {
                s += "<rect x=\"\(n(left))\" y=\"\(n(y))\" width=\"\(n(Swift.max(1, solid)))\" height=\"\(n(SVGChart.barHeight))\" fill=\"\(SVGChart.barColor)\"/>\n"
            }
            if let pale = bar.paleEnd {
                let w = x(pale) - end
                s += "<rect x=\"\(n(end))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(SVGChart.barHeight))\" fill=\"\(SVGChart.barColor)\" fill-opacity=\"0.28\" stroke=\"\(SVGChart.barColor)\" stroke-dasharray=\"3 2\" stroke-width=\"1\"/>\n"
                end += w
            }
            if bar.isOpen {
                // No upper end: the bar fades out and ends in an arrow.
                let fade = 44.0
                s += "<rect x=\"\(n(end))\" y=\"\(n(y))\" width=\"\(n(fade))\" height=\"\(n(SVGChart.barHeight))\" fill=\"url(#open)\"/>\n"
                let ax = end + fade + 2
                s += "<path d=\"M\(n(ax)) \(n(y - 2)) L\(n(ax + 11)) \(n(y + SVGChart.barHeight / 2)) L\(n(ax)) \(n(y + SVGChart.barHeight + 2)) Z\" fill=\"\(SVGChart.barColor)\" fill-opacity=\"0.55\"/>\n"
                end = ax + 11
            }
            s += "<text x=\"\(n(end + 8))\" y=\"\(n(mid))\" font-size=\"12\" fill=\"\(SVGChart.ink)\">\(SVGChart.escape(ValueText.plain(bar.value)))</text>\n"
        }

        for (i, note) in notes.enumerated() {
            let y = axisY + 62 + Double(i) * 17
            s += "<text x=\"20\" y=\"\(n(y))\" font-size=\"11\" font-style=\"italic\" fill=\"#52606d\">\(SVGChart.escape(note))</text>\n"
        }
        s += "</svg>\n"
        return s
    }

    /// A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about
    /// five ticks, and the axis end: the first tick at or past `top`.
    static func ticks(_ top: Double) -> (step: Double, end: Double) {
        let raw = top / 5
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        var step = power * 10
        for m in [1.0, 2, 2.5, 5, 10] where power * m >= raw {
            step = power * m
            break
        }
        var end = step
        while end < top * 0.999999 { end += step }
        return (step, end)
    }

    /// A coordinate with at most one decimal.
    func n(_ x: Double) -> String { NumberFormat.plain((x * 10).rounded() / 10) }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// At most 40 characters, so a long title cannot push the bars away.
    static func short(_ s: String) -> String {
        s.count > 40 ? String(s.prefix(39)) + "…" : s
    }
}
