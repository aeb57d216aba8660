import SteppeCore

/// The summary of quantities of one dimension, in the unit of the first.
///
/// Sums and means go through the session's interval arithmetic, so the sum
/// of lower bounds is a lower bound. Minimum, maximum and median are order
/// statistics: the k-th smallest value of a box of intervals lies between the
/// k-th smallest lower end and the k-th smallest upper end, so the minimum of
/// `13` and `> 225` is exactly `13`.
struct Summary {
    var count: Int
    var min: Value = .empty
    var max: Value = .empty
    var sum: Value = .empty
    var mean: Value = .empty
    var median: Value = .empty
    /// Every fact, assumption and rate behind the figures.
    var lineage = Lineage()

    init(_ cells: [(label: String, value: Value)], _ context: CommandContext) throws {
        count = cells.count
        guard let first = cells.first else { return }
        guard let unit = first.value.quantity?.unit else { throw Summary.notAQuantity(first) }
        let dimension = context.dimension(of: unit)
        var values: [Value] = []
        for cell in cells {
            guard let q = cell.value.quantity else { throw Summary.notAQuantity(cell) }
            let d = context.dimension(of: q.unit)
            guard d == dimension else {
                throw CommandError("cannot mix \(Summary.unitName(unit)) and \(Summary.unitName(q.unit)) (\(cell.label)): \(d.name) is not \(dimension.name)")
            }
            values.append(q.unit == unit ? cell.value : try context.convert(cell.value, to: unit))
            try context.checkInterrupt()
        }
        for v in values { lineage = lineage.merged(with: v.lineage) }
        let quantities = values.compactMap(\.quantity)

        var total = values[0]
        for v in values.dropFirst() { total = try context.add(total, v) }
        sum = total
        mean = try context.divide(total, .number(Double(count)))
        min = Value(.quantity(Summary.orderStatistic(1, quantities, unit)), lineage: lineage)
        max = Value(.quantity(Summary.orderStatistic(count, quantities, unit)), lineage: lineage)
        if count % 2 == 1 {
            median = Value(.quantity(Summary.orderStatistic(count / 2 + 1, quantities, unit)), lineage: lineage)
        } else {
            let lower = Value(.quantity(Summary.orderStatistic(count / 2, quantities, unit)), lineage: lineage)
            let upper = Value(.quantity(Summary.orderStatistic(count / 2 + 1, quantities, unit)), lineage: lineage)
            median = try context.divide(try context.add(lower, upper), .number(2))
        }
    }

    /// `{count, min, max, sum, mean, median}`.
    var record: Record {
        Record([("count", .number(Double(count))), ("min", min), ("max", max), ("sum", sum), ("mean", mean), ("median", median)])
    }

    /// The k-th smallest (from 1) of quantities in one unit.
    ///
    /// An open lower end sorts just above a closed one at the same figure,
    /// and an open upper end just below a closed one, so openness is kept.
    static func orderStatistic(_ k: Int, _ qs: [Quantity], _ unit: Unit) -> Quantity {
        let lows = qs.map(\.interval.low).sorted { a, b in
            a.value < b.value || (a.value == b.value && !a.open && b.open)
        }
        let highs = qs.map(\.interval.high).sorted { a, b in
            a.value < b.value || (a.value == b.value && a.open && !b.open)
        }
        let nominals = qs.map(\.nominal).sorted()
        let interval = Interval(low: lows[k - 1], high: highs[k - 1])
        var q = Quantity(nominals[k - 1], unit: unit, interval: interval)
        // Still "about" when it is exactly one of the approximate figures.
        q.isAbout = qs.contains { $0.isAbout && $0.interval == interval && $0.nominal == q.nominal }
        return q
    }

    static func notAQuantity(_ cell: (label: String, value: Value)) -> CommandError {
        CommandError("\(cell.label) is \(cell.value.kindName) ('\(ValueText.plain(cell.value))'), not a quantity",
                     notes: ["stats works on quantities of one dimension"])
    }

    static func unitName(_ u: Unit) -> String { u.isNone ? "plain numbers" : u.description }
}
