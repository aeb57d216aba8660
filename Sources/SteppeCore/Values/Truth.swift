/// A three-valued truth: the result of comparing bounded figures.
///
/// `unknown` means the answer depends on where inside their bounds the
/// figures really lie. `and`, `or` and `negated` follow Kleene's logic, so an
/// `unknown` only spreads when the known operand cannot settle the answer.
public enum Truth: Sendable, Hashable, CustomStringConvertible {
    case yes
    case no
    case unknown

    /// The truth of a plain Boolean.
    public init(_ b: Bool) {
        self = b ? .yes : .no
    }

    /// Kleene conjunction: `no` wins over `unknown`, which wins over `yes`.
    public func and(_ other: Truth) -> Truth {
        switch (self, other) {
        case (.no, _), (_, .no): return .no
        case (.yes, .yes): return .yes
        default: return .unknown
        }
    }

    /// Kleene disjunction: `yes` wins over `unknown`, which wins over `no`.
    public func or(_ other: Truth) -> Truth {
        switch (self, other) {
        case (.yes, _), (_, .yes): return .yes
        case (.no, .no): return .no
        default: return .unknown
        }
    }

    /// Kleene negation: `unknown` stays `unknown`.
    public var negated: Truth {
        switch self {
        case .yes: return .no
        case .no: return .yes
        case .unknown: return .unknown
        }
    }

    /// The Boolean this truth settles to, or nil when it is `unknown`.
    public var bool: Bool? {
        switch self {
        case .yes: return true
        case .no: return false
        case .unknown: return nil
        }
    }

    /// The word the language uses for this truth: `true`, `false` or `unknown`.
    public var name: String {
        switch self {
        case .yes: return "true"
        case .no: return "false"
        case .unknown: return "unknown"
        }
    }

    /// Same as `name`.
    public var description: String { name }
}
