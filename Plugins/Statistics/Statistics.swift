import SteppeCore

/// The Statistics plugin: `stats`, the count, minimum, maximum, sum, mean and
/// median of quantities, computed on their bounds as well as their figures.
public enum Statistics: SteppePlugin {
    public static let name = "Statistics"
    public static let version = "1.0.0"
    public static let summary = "count, min, max, sum, mean and median of quantities, bound-aware"

    public static func register(into registry: inout CommandRegistry) throws {
        try registry.register(stats)
    }

    /// `stats COL` as a stage, or `stats EXPR, ...`.
    static let stats = Command(
        name: "stats",
        summary: "count, min, max, sum, mean and median of quantities of one dimension, bound-aware",
        usage: "stats COL (stage) | stats EXPR, ...",
        examples: [
            "facts | where topic == \"casualties\" and source == article and property != \"lethal_force_claim\" | stats value",
            "[protests.killed, protests.arrested, protests.officers_killed] | stats value",
            "stats protests.killed, protests.arrested, protests.officers_killed",
        ],
        parameters: [
            // Optional: `TABLE | stats` takes the table's only column, or `value`.
            // In a stage the arguments name columns; at the start of a
            // statement (`stats a, b, c`) they are values.
            Parameter("values", .columnOrValue, optional: true, variadic: true, summary: "a column of the incoming table, or quantities"),
        ],
        takesInput: true,
        run: run
    )

    static func run(_ args: Arguments, _ context: CommandContext) throws -> CommandResult {
        let values = try inputValues(args, context)
        let summary = try Summary(values, context)
        let record = summary.record
        return CommandResult(Value(.record(record), lineage: summary.lineage), display: display(record))
    }

    /// The values to summarise: a column of the input, the arguments, or the
    /// input's only column. Empty cells are left out, as SQL's aggregates do.
    static func inputValues(_ args: Arguments, _ context: CommandContext) throws -> [(label: String, value: Value)] {
        var cells: [(String, Value)] = []
        if let column = args.columns["values"] {
            guard let input = args.input, let table = context.rows(of: input) else {
                throw CommandError("a column needs an incoming table: write 'TABLE | stats \(column)', or give values: 'stats a, b'",
                                   parameter: "values")
            }
            guard let i = table.column(named: column) else {
                throw CommandError("no column '\(column)'", parameter: "values",
                                   notes: ["columns: " + table.columns.joined(separator: ", ")])
            }
            cells = table.rows.enumerated().map { ("row \($0.offset + 1) of \(column)", $0.element[i]) }
        } else if let given = args["values"] {
            var items: [Value] = []
            if case .list(let list) = given.payload { items = list } else { items = [given] }
            for (n, item) in items.enumerated() {
                // A property stated several times (a list) counts each statement.
                if case .list(let inner) = item.payload {
                    cells += inner.map { ("value \(n + 1)", $0) }
                } else {
                    cells.append(("value \(n + 1)", item))
                }
            }
        } else if let input = args.input, let table = context.rows(of: input) {
            guard let i = table.columns.count == 1 ? 0 : table.column(named: "value") else {
                throw CommandError("which column? stats COL", notes: ["columns: " + table.columns.joined(separator: ", ")])
            }
            cells = table.rows.enumerated().map { ("row \($0.offset + 1) of \(table.columns[i])", $0.element[i]) }
        } else {
            throw CommandError("expected values: stats a, b, c, or a column as a stage: TABLE | stats COL")
        }
        return cells.filter { if case .empty = $0.1.payload { return false } else { return true } }
    }

    /// The record as aligned lines, one field a line; `none` where there are no values.
    static func display(_ record: Record) -> String {
        let width = record.fields.map { $0.name.count }.max() ?? 0
        return record.fields.map { field in
            let text = ValueText.plain(field.value)
            return field.name + String(repeating: " ", count: width - field.name.count + 2) + (text.isEmpty ? "none" : text)
        }.joined(separator: "\n")
    }
}
