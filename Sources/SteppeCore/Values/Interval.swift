#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One end of an interval: its value and whether the value itself is excluded.
///
/// An infinite end is always open: no figure is ever infinite, so an
/// unbounded side can never be attained.
public struct Endpoint: Sendable, Hashable {
    /// The bound; may be `-.infinity` or `.infinity`.
    public var value: Double
    /// Whether `value` itself lies outside the interval.
    public var open: Bool

    /// An end at `value`; an infinite value is made open whatever `open` says.
    public init(value: Double, open: Bool) {
        // -0.0 would print as "-0" and is never a meaningful distinction here.
        self.value = value == 0 ? 0 : value
        self.open = open || value.isInfinite
    }

    /// A closed end at `value` (open anyway if `value` is infinite).
    public static func closed(_ value: Double) -> Endpoint {
        Endpoint(value: value, open: false)
    }

    /// An open end at `value`.
    public static func open(_ value: Double) -> Endpoint {
        Endpoint(value: value, open: true)
    }

    /// Whether the end is attained: closed and finite.
    public var isClosed: Bool { !open }
}

/// A relation between two values, as written in the language.
public enum ComparisonOp: Sendable, Hashable, CaseIterable {
    case eq, ne, lt, le, gt, ge

    /// The operator as written: `==`, `!=`, `<`, `<=`, `>`, `>=`.
    public var symbol: String {
        switch self {
        case .eq: return "=="
        case .ne: return "!="
        case .lt: return "<"
        case .le: return "<="
        case .gt: return ">"
        case .ge: return ">="
        }
    }

    /// The relation with its operands swapped: `a < b` is `b > a`.
    public var flipped: ComparisonOp {
        switch self {
        case .eq: return .eq
        case .ne: return .ne
        case .lt: return .gt
        case .le: return .ge
        case .gt: return .lt
        case .ge: return .le
        }
    }
}

/// Why an interval division has no interval result.
public enum IntervalError: Error, Sendable, Equatable {
    /// The divisor is exactly zero.
    case divisionByZero
    /// The divisor has zero strictly inside, so the quotients run off to both infinities.
    case divisorStraddlesZero
}

/// A set of real numbers between two ends, each open or closed, possibly unbounded.
///
/// Arithmetic is interval arithmetic with the ends kept open or closed as
/// they fall: a result end is closed only when some closed operand ends
/// attain it. The type does not round outward; figures are shown, not proven.
public struct Interval: Sendable, Hashable, CustomStringConvertible {
    /// The lower end.
    public var low: Endpoint
    /// The upper end.
    public var high: Endpoint

    /// The interval between two ends, taken as given.
    public init(low: Endpoint, high: Endpoint) {
        self.low = low
        self.high = high
    }

    /// The single figure `x`, as the closed interval [x, x].
    public static func exact(_ x: Double) -> Interval {
        Interval(low: .closed(x), high: .closed(x))
    }

    /// Every real number: (-∞, ∞).
    public static let unbounded = Interval(low: .open(-.infinity), high: .open(.infinity))

    /// The closed interval between `a` and `b`, whichever order they come in.
    public static func between(_ a: Double, _ b: Double) -> Interval {
        Interval(low: .closed(Swift.min(a, b)), high: .closed(Swift.max(a, b)))
    }

    /// (x, ∞): the language's `more_than(x)`.
    public static func moreThan(_ x: Double) -> Interval {
        Interval(low: .open(x), high: .open(.infinity))
    }

    /// [x, ∞): the language's `at_least(x)`.
    public static func atLeast(_ x: Double) -> Interval {
        Interval(low: .closed(x), high: .open(.infinity))
    }

    /// [0, x): the language's `less_than(x)`, floored at 0 because its facts are never negative.
    public static func lessThan(_ x: Double) -> Interval {
        Interval(low: .closed(0), high: .open(x))
    }

    /// [0, x]: the language's `at_most(x)`, floored at 0 because its facts are never negative.
    public static func atMost(_ x: Double) -> Interval {
        Interval(low: .closed(0), high: .closed(x))
    }

    /// [0.9x, 1.1x], closed: the language's `about(x)`, and the only copy of it.
    public static func about(_ x: Double) -> Interval {
        // x * 9 / 10 rounds once, so `about(225)` is exactly [202.5, 247.5];
        // x * 0.9 would inherit 0.9's binary error. Near the largest double
        // x * 11 would overflow: there x / 10 first loses nothing that counts.
        let small = x.magnitude <= .greatestFiniteMagnitude / 11
        return between(small ? x * 9 / 10 : x / 10 * 9, small ? x * 11 / 10 : x / 10 * 11)
    }

    /// The figure halfway between a and b: a itself when they are equal, and
    /// never infinite for finite ends (`(a + b) / 2` overflows near the largest double).
    public static func midpoint(_ a: Double, _ b: Double) -> Double {
        a == b ? a : a / 2 + b / 2
    }

    /// Whether the interval is a single attained figure: [x, x].
    public var isExact: Bool {
        low.value == high.value && !low.open && !high.open
    }

    /// Whether no number lies between the ends.
    public var isEmpty: Bool {
        low.value > high.value || (low.value == high.value && (low.open || high.open))
            || low.value.isNaN || high.value.isNaN
    }

    /// Whether the lower end is finite.
    public var isBoundedBelow: Bool { low.value.isFinite }

    /// Whether the upper end is finite.
    public var isBoundedAbove: Bool { high.value.isFinite }

    /// Whether `x` lies in the interval, respecting open ends.
    public func contains(_ x: Double) -> Bool {
        let aboveLow = low.open ? x > low.value : x >= low.value
        let belowHigh = high.open ? x < high.value : x <= high.value
        return aboveLow && belowHigh
    }

    /// Written with brackets for closed ends and parentheses for open ones, e.g. `(225, ∞)`.
    public var description: String {
        (low.open ? "(" : "[") + NumberFormat.plain(low.value) + ", "
            + NumberFormat.plain(high.value) + (high.open ? ")" : "]")
    }

    // MARK: Arithmetic

    /// The sums of every pair: an end is closed only when both summed ends are.
    public static func + (a: Interval, b: Interval) -> Interval {
        Interval(
            low: Endpoint(value: a.low.value + b.low.value, open: a.low.open || b.low.open),
            high: Endpoint(value: a.high.value + b.high.value, open: a.high.open || b.high.open)
        )
    }

    /// The differences of every pair.
    public static func - (a: Interval, b: Interval) -> Interval {
        a + (-b)
    }

    /// The interval mirrored through 0, its ends swapped along with their openness.
    public static prefix func - (a: Interval) -> Interval {
        Interval(
            low: Endpoint(value: -a.high.value, open: a.high.open),
            high: Endpoint(value: -a.low.value, open: a.low.open)
        )
    }

    /// The products of every pair.
    ///
    /// 0 × ±∞ counts as 0, which still gives the true hull because another
    /// pair of ends always reaches the infinite side when there is one.
    public static func * (a: Interval, b: Interval) -> Interval {
        var hull = Hull()
        hull.add(product(a.low, b.low))
        hull.add(product(a.low, b.high))
        hull.add(product(a.high, b.low))
        hull.add(product(a.high, b.high))
        return hull.interval
    }

    /// The quotients of every pair, leaving out a divisor of 0.
    ///
    /// A divisor that only touches 0 at an end is fine: dividing by figures
    /// shrinking towards 0 sends the quotient off to infinity, an open end.
    public func dividing(by b: Interval) throws(IntervalError) -> Interval {
        if b.low.value == 0 && b.high.value == 0 {
            throw .divisionByZero
        }
        if b.low.value < 0 && b.high.value > 0 {
            throw .divisorStraddlesZero
        }
        // Which side of 0 the divisor lies on, for its end (if any) at 0.
        let side: Double = b.high.value > 0 ? 1 : -1
        var hull = Hull()
        func pair(_ x: Endpoint, _ y: Endpoint) {
            if y.value == 0 {
                hull.add(Self.quotientNearZero(x, side: side))
            } else if let c = Self.quotient(x, y) {
                hull.add(c)
            }
        }
        pair(low, b.low)
        pair(low, b.high)
        pair(high, b.low)
        pair(high, b.high)
        return hull.interval
    }

    /// Every figure multiplied by `k`: a negative `k` swaps the ends, zero gives exactly 0.
    public func scaled(by k: Double) -> Interval {
        self * .exact(k)
    }

    /// Every figure raised to the integer power `n`.
    ///
    /// Even powers of an interval around 0 start at a closed 0. Negative
    /// powers divide 1 by the positive power; where that division is an
    /// error (a power of exactly 0, or an odd power of an interval around 0)
    /// the result is the unbounded hull, which is why `checkedPower` exists.
    public func power(_ n: Int) -> Interval {
        (try? checkedPower(n)) ?? .unbounded
    }

    /// Every figure raised to the integer power `n`, failing as division does for negative `n`.
    public func checkedPower(_ n: Int) throws(IntervalError) -> Interval {
        let positive = positivePower(n.magnitude)
        if n >= 0 {
            return positive
        }
        return try Interval.exact(1).dividing(by: positive)
    }

    // MARK: Relations

    /// Whether some number lies in both intervals, respecting open ends.
    ///
    /// This is what decides whether two figures for one fact agree.
    public func meets(_ other: Interval) -> Bool {
        let lower = Self.tighterLow(low, other.low)
        let upper = Self.tighterHigh(high, other.high)
        if lower.value < upper.value { return true }
        return lower.value == upper.value && !lower.open && !upper.open
    }

    /// The relation between the two intervals, three-valued.
    ///
    /// `yes` when it holds for every pair x in self and y in `other`, `no`
    /// when it holds for none, `unknown` otherwise.
    public func compare(_ op: ComparisonOp, _ other: Interval) -> Truth {
        switch op {
        case .lt: return Self.less(self, other, orEqual: false)
        case .le: return Self.less(self, other, orEqual: true)
        case .gt: return Self.less(other, self, orEqual: false)
        case .ge: return Self.less(other, self, orEqual: true)
        case .eq: return equal(other)
        case .ne: return equal(other).negated
        }
    }

    private func equal(_ other: Interval) -> Truth {
        if isExact && other.isExact && low.value == other.low.value {
            return .yes
        }
        return meets(other) ? .unknown : .no
    }

    /// `a < b` (or `a <= b`) over all pairs.
    private static func less(_ a: Interval, _ b: Interval, orEqual: Bool) -> Truth {
        // Every x in a is below every y in b when a's top sits under b's
        // bottom; touching is enough if either touching end is open.
        let touchingOK = orEqual || a.high.open || b.low.open
        if a.high.value < b.low.value || (a.high.value == b.low.value && touchingOK) {
            return .yes
        }
        // No pair satisfies it when a's bottom is at or above b's top.
        let touchingFails = !orEqual || a.low.open || b.high.open
        if a.low.value > b.high.value || (a.low.value == b.high.value && touchingFails) {
            return .no
        }
        return .unknown
    }

    // MARK: Helpers

    /// A value some pair of ends gives, and whether that pair attains it.
    private struct Candidate {
        var value: Double
        var closed: Bool
    }

    private static func product(_ x: Endpoint, _ y: Endpoint) -> Candidate {
        if x.value == 0 || y.value == 0 {
            // A closed 0 end times anything in the other (non-empty) interval is 0, so 0 is attained.
            let closedZero = (x.value == 0 && !x.open) || (y.value == 0 && !y.open)
            return Candidate(value: 0, closed: closedZero)
        }
        let v = x.value * y.value
        return Candidate(value: v, closed: !x.open && !y.open && v.isFinite)
    }

    /// x / y for an end y that is not 0; nil for ∞ / ∞, which the other pairs already cover.
    private static func quotient(_ x: Endpoint, _ y: Endpoint) -> Candidate? {
        if x.value == 0 {
            return Candidate(value: 0, closed: !x.open)
        }
        if x.value.isInfinite && y.value.isInfinite {
            return nil
        }
        if y.value.isInfinite {
            // Finite over an ever larger divisor tends to 0 without reaching it.
            return Candidate(value: 0, closed: false)
        }
        let v = x.value / y.value
        return Candidate(value: v, closed: !x.open && !y.open && v.isFinite)
    }

    /// x divided by figures tending to 0 from the given side.
    private static func quotientNearZero(_ x: Endpoint, side: Double) -> Candidate {
        if x.value == 0 {
            return Candidate(value: 0, closed: !x.open)
        }
        let sign: Double = (x.value > 0) == (side > 0) ? 1 : -1
        return Candidate(value: sign * .infinity, closed: false)
    }

    /// The smallest interval holding every candidate added; an extreme is
    /// closed if any pair attaining it is. Folded as the candidates come, so
    /// the arithmetic on every figure allocates nothing.
    private struct Hull {
        private var lowest: Candidate?
        private var highest: Candidate?

        mutating func add(_ c: Candidate) {
            if let l = lowest {
                if c.value < l.value { lowest = c } else if c.value == l.value { lowest?.closed = l.closed || c.closed }
            } else {
                lowest = c
            }
            if let h = highest {
                if c.value > h.value { highest = c } else if c.value == h.value { highest?.closed = h.closed || c.closed }
            } else {
                highest = c
            }
        }

        var interval: Interval {
            guard let lowest, let highest else { return .unbounded }
            return Interval(
                low: Endpoint(value: lowest.value, open: !lowest.closed),
                high: Endpoint(value: highest.value, open: !highest.closed)
            )
        }
    }

    private static func tighterLow(_ a: Endpoint, _ b: Endpoint) -> Endpoint {
        if a.value != b.value { return a.value > b.value ? a : b }
        return Endpoint(value: a.value, open: a.open || b.open)
    }

    private static func tighterHigh(_ a: Endpoint, _ b: Endpoint) -> Endpoint {
        if a.value != b.value { return a.value < b.value ? a : b }
        return Endpoint(value: a.value, open: a.open || b.open)
    }

    private func positivePower(_ n: UInt) -> Interval {
        if n == 0 {
            // x^0 is 1 for every x, 0 included, by the usual convention.
            return .exact(1)
        }
        if n == 1 {
            return self
        }
        let exponent = Double(n)
        func raise(_ e: Endpoint) -> Endpoint {
            Endpoint(value: pow(e.value, exponent), open: e.open)
        }
        if n % 2 == 1 || low.value >= 0 {
            // Monotone increasing here, so each end maps to its own power.
            return Interval(low: raise(low), high: raise(high))
        }
        if high.value <= 0 {
            // Even power of non-positive figures: decreasing, so the ends swap.
            return Interval(low: raise(high), high: raise(low))
        }
        // Even power across 0: the bottom is 0 itself, attained at x = 0 inside.
        let top: Endpoint
        let lowMagnitude = -low.value
        if lowMagnitude > high.value {
            top = raise(Endpoint(value: lowMagnitude, open: low.open))
        } else if lowMagnitude < high.value {
            top = raise(high)
        } else {
            top = raise(Endpoint(value: high.value, open: low.open && high.open))
        }
        return Interval(low: .closed(0), high: top)
    }
}
