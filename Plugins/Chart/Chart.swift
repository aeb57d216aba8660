import SteppeCore

/// The Chart plugin: `chart`, a bar chart of a column of figures, in the
/// terminal or as an SVG file.
public enum Chart: SteppePlugin {
    public static let name = "Chart"
    public static let version = "1.0.0"
    public static let summary = "bar charts in the terminal or as SVG files"

    public static func register(into registry: inout CommandRegistry) throws {
        try registry.register(chart)
    }

    /// `chart COL [by COL] [to "FILE.svg"]`, as a stage.
    static let chart = Command(
        name: "chart",
        summary: "a bar chart of a column of quantities: in the terminal, or written as an SVG file",
        usage: "chart COL [by COL] [to \"FILE.svg\"][, title: \"TEXT\"] (stage)",
        examples: [
            "[protests.killed, protests.arrested, protests.officers_killed] | chart value",
            "facts | where topic == \"casualties\" and source == article and property != \"lethal_force_claim\" | chart value by property",
            "crosscheck | where property == \"killed\" | chart reference by source to \"killed.svg\"",
        ],
        parameters: [
            Parameter("column", .column, summary: "the column of figures"),
            Parameter("label", .column, introducer: .word(.by), optional: true, summary: "the column of labels"),
            Parameter("file", .text, introducer: .word(.to), optional: true, summary: "an SVG file to write"),
            Parameter("title", .text, introducer: .named, optional: true, summary: "the SVG chart's title"),
        ],
        takesInput: true,
        run: run
    )

    static func run(_ args: Arguments, _ context: CommandContext) throws -> CommandResult {
        let data = try ChartData(args, context)
        let table = Table(columns: [data.labelColumn, data.column], rows: data.bars.map { [$0.labelValue, $0.value] })
        guard !data.bars.isEmpty else {
            return CommandResult(Value(.table(table)), display: "chart: no rows to draw")
        }
        var title = data.title
        if let t = args["title"], case .text(let s) = t.payload { title = s }
        // A report draws the chart in place, whether or not it goes to a file.
        let figure = context.wantsFigure ? SVGChart(data, title: title).text : nil
        guard let file = args["file"], case .text(let path) = file.payload else {
            return CommandResult(Value(.table(table)), display: TerminalBars(data, width: context.width ?? 80).text,
                                 figure: figure)
        }
        guard path.hasSuffix(".svg") else {
            throw CommandError("chart writes SVG files: the name must end in .svg, not '\(path)'", parameter: "file")
        }
        do {
            try context.writeFile(path, SVGChart(data, title: title).text)
        } catch let failure as FileIO.Failure {
            throw CommandError(failure.message, parameter: "file")
        } catch var refusal as CommandError {
            // `--safe`: point at the file name.
            refusal.parameter = "file"
            throw refusal
        }
        let count = data.bars.count
        return CommandResult(Value(.table(table)), display: "wrote \(path): \(count) bar\(count == 1 ? "" : "s") of \(data.column)",
                             figure: figure)
    }
}

/// One bar: its label and its figure in the chart's unit.
struct Bar {
    var label: String
    /// The label as it was in the table (an entity, a text), for the result.
    var labelValue: Value
    var value: Value
    var quantity: Quantity

    /// Drawn solid up to here: the lower end, or the figure when exact.
    var solidEnd: Double {
        let q = quantity
        if q.bound == .exact { return Swift.max(0, q.nominal) }
        return q.interval.low.value.isFinite ? Swift.max(0, q.interval.low.value) : 0
    }
    /// Drawn pale from the solid end up to here, when the upper end is finite.
    var paleEnd: Double? {
        let hi = quantity.interval.high.value
        return hi.isFinite && hi > solidEnd ? hi : nil
    }
    /// The upper end is unbounded: `> x`, `≥ x`.
    var isOpen: Bool { !quantity.interval.high.value.isFinite }
    /// How far the bar reaches, for the scale.
    var reach: Double { paleEnd ?? solidEnd }
}

/// The rows of the incoming table as bars, all in the unit of the first.
struct ChartData {
    var bars: [Bar] = []
    var column: String
    var labelColumn: String
    var unit = Unit.none
    var title: String

    init(_ args: Arguments, _ context: CommandContext) throws {
        guard let input = args.input else {
            throw CommandError("pipe a table or a list into it: chart is a stage",
                               notes: ["e.g. [protests.killed, protests.arrested] | chart value"])
        }
        guard let table = context.rows(of: input) else {
            throw CommandError("needs a table or a list to draw, found \(input.kindName)")
        }
        let column = args.columns["column"] ?? "value"
        guard let c = table.column(named: column) else {
            throw CommandError("no column '\(column)'", parameter: "column",
                               notes: ["columns: " + table.columns.joined(separator: ", ")])
        }
        let labelIndex = try ChartData.labelIndex(args, table, c)
        self.column = column
        labelColumn = labelIndex.map { table.columns[$0] } ?? "label"
        var dimension: Dimension?
        for (n, row) in table.rows.enumerated() {
            try context.checkInterrupt()
            let cell = row[c]
            if case .empty = cell.payload { continue }
            guard let q = cell.quantity else {
                throw CommandError("row \(n + 1) of \(column) is \(cell.kindName) ('\(ValueText.plain(cell))'), not a quantity",
                                   parameter: "column")
            }
            let d = context.dimension(of: q.unit)
            if let dimension, d != dimension {
                throw CommandError("cannot chart \(ChartData.name(q.unit)) beside \(ChartData.name(unit)) (row \(n + 1)): \(d.name) is not \(dimension.name)",
                                   parameter: "column")
            }
            if dimension == nil { dimension = d; unit = q.unit }
            let value = q.unit == unit ? cell : try context.convert(cell, to: unit)
            let labelValue: Value
            if let labelIndex { labelValue = row[labelIndex] } else if let path = context.path(of: cell) {
                labelValue = .text(path.property)
            } else {
                labelValue = .text(String(n + 1))
            }
            bars.append(Bar(label: ChartData.labelText(labelValue), labelValue: labelValue, value: value,
                            quantity: value.quantity ?? q))
        }
        let by = labelIndex.map { " by " + table.columns[$0] } ?? ""
        title = column + by + (unit.isNone ? "" : " (\(unit.description))")
    }

    /// The `by` column, else a `property`, `name` or `subject` column, else none.
    static func labelIndex(_ args: Arguments, _ table: Table, _ valueIndex: Int) throws -> Int? {
        if let by = args.columns["label"] {
            guard let i = table.column(named: by) else {
                throw CommandError("no column '\(by)'", parameter: "label",
                                   notes: ["columns: " + table.columns.joined(separator: ", ")])
            }
            return i
        }
        for name in ["property", "name", "subject"] {
            if let i = table.column(named: name), i != valueIndex { return i }
        }
        return nil
    }

    /// A label as short as it can be read: a source by its publisher (the
    /// article as `article`), anything else as the table shows it.
    static func labelText(_ v: Value) -> String {
        guard case .source(let s) = v.payload else { return ValueText.plain(v) }
        return s.isArticle ? s.id : (s.publisher ?? s.title)
    }

    static func name(_ u: Unit) -> String { u.isNone ? "plain numbers" : u.description }

    /// The largest reach, the figure the scale runs to.
    var top: Double {
        let m = bars.map(\.reach).max() ?? 0
        return m > 0 ? m : 1
    }
}
