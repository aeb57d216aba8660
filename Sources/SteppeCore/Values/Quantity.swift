/// A figure with a unit and stated bounds: the nominal figure (the one the
/// source stated) and the interval it is known to lie in.
public struct Quantity: Sendable, Hashable {
    public var nominal: Double
    public var interval: Interval
    public var unit: Unit
    /// Set by `about(x)`; kept through exact positive scaling and conversion,
    /// so `about(30 yr) * 2` still reads as `≈ 60 yr`.
    public var isAbout: Bool

    public init(_ nominal: Double, unit: Unit = .none, interval: Interval? = nil, isAbout: Bool = false) {
        self.nominal = nominal
        self.interval = interval ?? .exact(nominal)
        self.unit = unit
        self.isAbout = isAbout
    }

    public var isExact: Bool { interval.low.value == interval.high.value && !isAbout }
    public var isPlainNumber: Bool { unit.isNone && isExact }

    /// The bound label of LANGUAGE.md (the JSON `bound`).
    public var bound: Bound {
        let lo = interval.low
        let hi = interval.high
        if lo.value == hi.value { return isAbout ? .about : .exact }
        if isAbout { return .about }
        if hi.value == .infinity && lo.value.isFinite { return lo.open ? .moreThan : .atLeast }
        if lo.value == 0 && hi.value.isFinite { return hi.open ? .lessThan : .atMost }
        return .range
    }

    public enum Bound: String, Sendable {
        case exact, moreThan = "more_than", atLeast = "at_least", lessThan = "less_than",
             atMost = "at_most", about, range
    }

    /// Scales nominal and interval by a positive or negative factor; `about` survives
    /// a positive exact factor.
    public func scaled(by k: Double) -> Quantity {
        if k == 1 { return self }
        var q = self
        q.nominal *= k
        q.interval = interval.scaled(by: k)
        q.isAbout = isAbout && k > 0
        return q
    }
}
