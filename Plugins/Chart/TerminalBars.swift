import SteppeCore

/// Horizontal bars in Unicode blocks, scaled to the terminal's width:
/// solid up to what is known (in eighths of a cell), pale (░) over the range
/// a figure may lie in, and ▶ where a bound is open-ended.
///
/// ```
/// killed           █▏▶ > 225 people
/// arrested         ███████████████████████████████████▶ > 5,000 people
/// officers_killed  ▏ 13 people
/// ```
struct TerminalBars {
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    static let maxLabel = 24

    var data: ChartData
    var width: Int

    init(_ data: ChartData, width: Int) {
        self.data = data
        self.width = width
    }

    var text: String {
        let labels = data.bars.map { TerminalBars.truncate($0.label, TerminalBars.maxLabel) }
        let values = data.bars.map { ValueText.plain($0.value) }
        let labelWidth = labels.map(\.count).max() ?? 0
        let valueWidth = values.map(\.count).max() ?? 0
        // label, two spaces, the bar and its ▶, a space, the figure.
        let cells = Swift.max(10, width - labelWidth - valueWidth - 4)
        let top = data.top
        var lines: [String] = []
        for (i, bar) in data.bars.enumerated() {
            let padded = labels[i] + String(repeating: " ", count: labelWidth - labels[i].count)
            lines.append(padded + "  " + TerminalBars.draw(bar, cells: cells, top: top) + " " + values[i])
        }
        return lines.joined(separator: "\n")
    }

    static func draw(_ bar: Bar, cells: Int, top: Double) -> String {
        var units = Int((bar.solidEnd / top * Double(cells) * 8).rounded())
        // A figure above zero always shows, if only as a sliver.
        if bar.solidEnd > 0 && units == 0 { units = 1 }
        var out = String(repeating: "█", count: units / 8) + eighths[units % 8]
        let used = units / 8 + (units % 8 > 0 ? 1 : 0)
        if let pale = bar.paleEnd {
            let paleCells = Int((pale / top * Double(cells)).rounded()) - used
            if paleCells > 0 { out += String(repeating: "░", count: paleCells) }
        }
        if bar.isOpen { out += "▶" }
        return out
    }

    static func truncate(_ s: String, _ n: Int) -> String {
        s.count > n ? String(s.prefix(n - 1)) + "…" : s
    }
}
