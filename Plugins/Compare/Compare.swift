import SteppeCore

/// The Compare plugin: `compare A vs B`, the ratio and the difference of two
/// quantities, in common units, with their bounds and lineage.
public enum Compare: SteppePlugin {
    public static let name = "Compare"
    public static let version = "1.0.0"
    public static let summary = "ratio and difference of two quantities, converted to common units"

    public static func register(into registry: inout CommandRegistry) throws {
        try registry.register(compare)
    }

    /// `compare A vs B`, or `compare(a, b)` inside an expression.
    static let compare = Command(
        name: "compare",
        summary: "ratio and difference of two quantities, converted to common units, with bounds and lineage",
        usage: "compare A vs B",
        examples: [
            "compare kazakhstan.oil_wealth_per_person vs kazakhstan.average_income",
            "compare protests.killed vs protests.officers_killed",
            "compare(kazakhstan.average_income, kazakhstan.average_wage).ratio",
        ],
        parameters: [
            Parameter("a", summary: "a quantity"),
            Parameter("b", introducer: .word(.vs), summary: "a quantity"),
        ],
        run: run
    )

    static func run(_ args: Arguments, _ context: CommandContext) throws -> CommandResult {
        let a = try quantity(args, "a", after: nil)
        let b = try quantity(args, "b", after: "vs")
        let comparison = try Comparison(a, b, context)
        return CommandResult(comparison.value, display: comparison.display(context))
    }

    /// The argument as a quantity, or an error that points at it.
    static func quantity(_ args: Arguments, _ name: String, after word: String?) throws -> Value {
        guard let v = args[name] else {
            throw CommandError("expected a quantity" + (word.map { " after \($0)" } ?? ""))
        }
        guard case .quantity = v.payload else {
            throw CommandError("expected a quantity" + (word.map { " after \($0)" } ?? "") + ", found \(v.kindName)",
                               parameter: name)
        }
        return v
    }
}
