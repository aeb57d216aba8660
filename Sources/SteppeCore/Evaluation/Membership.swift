/// `X in Y` and `X not in Y` (LANGUAGE.md, Bounds, "Membership"): three-valued,
/// like the comparisons they sit with.
extension Session {
    /// Whether `a` is in `b`: an item of a list, a period within a date, an
    /// interval within a quantity's, or a text within a text. Kinds that
    /// cannot meet are an error worded as a comparison's, so that `where`
    /// reports such rows and drops them.
    func membership(_ a: Value, _ b: Value, range: SourceRange) throws -> (Truth, Lineage) {
        let lineage = a.lineage.merged(with: b.lineage)
        if case .empty = a.payload { return (.no, lineage) }
        switch b.payload {
        case .list(let items):
            var result = Truth.no
            for item in items {
                let t: Truth
                do {
                    t = try compare(.eq, a, item, range: range).0
                } catch let e as EvalError where e.problem.isIncomparable {
                    // An item of a kind that cannot meet X is simply not X.
                    continue
                }
                if t == .yes { return (.yes, lineage) }
                if t == .unknown { result = .unknown }
            }
            return (result, lineage)
        case .table(let t) where t.columns.count == 1:
            return try membership(a, Value(.list(t.rows.compactMap(\.first)), lineage: b.lineage), range: range)
        case .date(let y):
            guard case .date(let x) = a.payload else { throw notMeeting(a, b, range) }
            return (x.within(y), lineage)
        case .quantity(let y):
            guard case .quantity(let x) = a.payload else { throw notMeeting(a, b, range) }
            let (other, used) = try interval(of: y, in: x, range: range)
            return (x.interval.within(other), lineage.merged(with: used))
        case .text(let y):
            guard let x = identity(a) else { throw notMeeting(a, b, range) }
            return (Truth(x.isEmpty || y.firstRange(of: x) != nil), lineage)
        case .empty:
            return (.no, lineage)
        default:
            throw EvalError(.inNeedsCollection(found: b.kindName), range)
        }
    }

    private func notMeeting(_ a: Value, _ b: Value, _ range: SourceRange) -> EvalError {
        EvalError(.cannotCompare("\(a.kindName) with \(b.kindName): only \(Session.memberKind(b)) can be in \(b.kindName)"), range,
                  notes: Session.yearHint(a, b).map { ["a year is a date written date(\($0)) (\($0) alone is a number)"] } ?? [])
    }

    /// The year meant when a date meets a plain whole number that could be
    /// one (`on in 2019`), for a note.
    private static func yearHint(_ a: Value, _ b: Value) -> Int? {
        let number: Quantity
        switch (a.payload, b.payload) {
        case (.date, .quantity(let q)), (.quantity(let q), .date): number = q
        default: return nil
        }
        guard number.unit.factors.isEmpty, number.interval.isExact, !number.isAbout,
              number.nominal == number.nominal.rounded(), number.nominal >= 1, number.nominal <= 9999 else { return nil }
        return Int(number.nominal)
    }

    private static func memberKind(_ b: Value) -> String {
        switch b.payload {
        case .date: return "a date"
        case .quantity: return "a quantity"
        default: return "a text"
        }
    }
}

extension Interval {
    /// Whether every number in this interval lies in `other` (`yes`), none
    /// does (`no`), or some do (`unknown`); open ends are respected.
    public func within(_ other: Interval) -> Truth {
        let lowInside = other.low.value < low.value || (other.low.value == low.value && (!other.low.open || low.open))
        let highInside = high.value < other.high.value || (high.value == other.high.value && (!other.high.open || high.open))
        if lowInside && highInside { return .yes }
        return meets(other) ? .unknown : .no
    }
}
