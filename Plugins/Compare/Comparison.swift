import SteppeCore

/// Two quantities side by side: their ratio, their difference when the
/// dimensions match, and B restated in A's units with the rates that took.
struct Comparison {
    var a: Value
    var b: Value
    var ratio: Value
    /// `a - b` in a's unit, or nil when the dimensions differ.
    var difference: Value?
    /// Why there is no difference.
    var noDifference: String?
    /// B in A's units (`< 3,389 USD/person/yr`), when they differ.
    var bInUnitsOfA: Value?
    /// The rates the conversions used, first use first.
    var rates: [Fact] = []

    init(_ a: Value, _ b: Value, _ context: CommandContext) throws {
        self.a = a
        self.b = b
        ratio = try context.divide(a, b)
        guard let qa = a.quantity, let qb = b.quantity else { throw CommandError("expected two quantities") }
        let da = context.dimension(of: qa.unit), db = context.dimension(of: qb.unit)
        if da == db {
            do {
                difference = try context.subtract(a, b)
            } catch let e as EvalError {
                noDifference = e.message
            }
        } else {
            noDifference = "the dimensions differ: \(da.name) and \(db.name)"
        }
        let target = Comparison.unitsOf(qa.unit, appliedTo: qb.unit, context)
        if target != qb.unit, let converted = try? context.convert(b, to: target) {
            bInUnitsOfA = converted
        }
        for v in [bInUnitsOfA, ratio, difference].compactMap({ $0 }) {
            for case .rate(let f) in v.lineage.items where !rates.contains(f) {
                rates.append(f)
            }
        }
    }

    /// `{a, b, ratio, difference}`; difference is null when the dimensions differ.
    var value: Value {
        let record = Record([("a", a), ("b", b), ("ratio", ratio), ("difference", difference ?? .empty)])
        return Value(.record(record), lineage: ratio.lineage.merged(with: (difference ?? .empty).lineage))
    }

    /// B's unit with each atom replaced by A's atom of the same dimension:
    /// GBP/person/yr against USD/person gives USD/person/yr.
    static func unitsOf(_ a: Unit, appliedTo b: Unit, _ context: CommandContext) -> Unit {
        var factors: [Unit.Factor] = []
        for f in b.factors {
            let d = context.dimension(of: Unit([Unit.Factor(f.atom, 1)]))
            let match = a.factors.first { context.dimension(of: Unit([Unit.Factor($0.atom, 1)])) == d && !d.isNone }
            factors.append(Unit.Factor(match?.atom ?? f.atom, f.exponent))
        }
        return Unit([]).combined(with: Unit(factors))
    }

    // MARK: - Presentation

    /// The TOUR's layout: a, b, ratio and difference lines, then one sentence.
    func display(_ context: CommandContext) -> String {
        var lines: [(String, String)] = [("a", ValueText.plain(a))]
        var bLine = ValueText.plain(b)
        if let converted = bInUnitsOfA { bLine += "  (\(ValueText.plain(converted)))" }
        lines.append(("b", bLine))
        if !rates.isEmpty { lines.append(("rates", rates.map(Comparison.rateText).joined(separator: "; "))) }
        lines.append(("ratio", ValueText.plain(ratio)))
        lines.append(("difference", difference.map { ValueText.plain($0) } ?? "none: " + (noDifference ?? "")))
        var out = lines.map { $0.0 + String(repeating: " ", count: 12 - $0.0.count) + $0.1 }.joined(separator: "\n")
        out += "\n" + Sentence(a: a, b: b, ratio: ratio, context: context).text
        return out
    }

    /// `1.3557 USD/GBP (International Monetary Fund, 2022-01)`.
    static func rateText(_ f: Fact) -> String {
        var source = f.source.publisher ?? f.source.title
        if let on = f.on { source += ", \(on)" }
        return ValueText.plain(f.value) + " (\(source))"
    }
}
