/// The catalogue of evaluation errors, in the manner of swift-syntax's
/// diagnostic messages: each kind of error is a case, its text is written
/// once here, and code that reacts to an error asks which case it is, never
/// what its text says.
public enum Problem: Sendable, Equatable {
    // Names
    case unknownName(String)
    case unknownFunction(String)
    case unknownCommand(String)
    case unknownSessionCommand(String)
    case unknownEntity(String)
    case unknownSource(String)
    case noHelp(String)
    /// A `let` name (or a column, or a parameter) where a function, stage or command was asked for.
    case valueNotCallable(String, as: NamePosition)
    /// A `def` written bare: `'f' is a function: call it as f(x)`.
    case functionNeedsCall(String, usage: String)
    /// A built-in function used as a stage.
    case functionNotStage(String, usage: String)
    case commandNeedsArguments(String, usage: String)
    case commandNotStage(String)
    case reservedName(String, keyword: String)
    case argumentCount(String, expected: ClosedRange<Int>, given: Int)
    case unexpectedLabel(function: String, label: String)
    // Kinds and units
    case needsKind(function: String, expected: String, found: String)
    case needsPositive(function: String)
    case noEnd(String, lower: Bool)
    case notADate(String)
    case dateNeedsWholeNumbers
    case impossibleDate
    /// Two values that cannot meet in a comparison: inside `where`, such a
    /// row is counted and does not match.
    case cannotCompare(String)
    case cannotConvert(String)
    case noExchangeRate(from: String, to: String)
    // Session commands
    case refusedWhenSafe(String)
    case takesNoArgument(String)
    /// A plugin command's own error (`CommandError`), shown as its message.
    case command(String)
    /// Any other error, by its message.
    case other(String)

    public var message: String {
        switch self {
        case .unknownName(let n): return "unknown name '\(n)'"
        case .unknownFunction(let n): return "unknown function '\(n)'"
        case .unknownCommand(let n): return "unknown command '\(n)'"
        case .unknownSessionCommand(let n): return "unknown session command ':\(n)'"
        case .unknownEntity(let n): return "unknown entity '\(n)'"
        case .unknownSource(let n): return "unknown source '\(n)'"
        case .noHelp(let n): return "no help for '\(n)'"
        case .valueNotCallable(let n, let position):
            switch position {
            case .stage: return "\(n) is a value, not a stage"
            case .statementStart: return "\(n) is a value, not a command"
            case .call, .value: return "\(n) is a value, not a function"
            }
        case .functionNeedsCall(let n, let usage): return "'\(n)' is a function: call it as \(usage)"
        case .functionNotStage(let n, let usage): return "\(n) is a function, not a stage: call it as \(usage)"
        case .commandNeedsArguments(let n, let usage): return "'\(n)' needs arguments: \(usage)"
        case .commandNotStage(let n): return "\(n) cannot be a pipeline stage"
        case .reservedName(let n, let keyword): return "'\(n)' is a reserved word and cannot be a \(keyword) name"
        case .argumentCount(let n, let expected, let given):
            let count = expected.lowerBound == expected.upperBound ? "\(expected.lowerBound)" : "\(expected.lowerBound) to \(expected.upperBound)"
            return "\(n) takes \(count) argument\(expected.upperBound == 1 ? "" : "s"), given \(given)"
        case .unexpectedLabel(let f, let label): return "\(f) takes no '\(label)' argument"
        case .needsKind(let f, let expected, let found): return "\(f) needs \(expected), found \(found)"
        case .needsPositive(let f): return "\(f) needs a positive figure"
        case .noEnd(let q, let lower): return "\(q) has no \(lower ? "lower" : "upper") end"
        case .notADate(let s): return "'\(s)' is not a date (YYYY-MM or YYYY-MM-DD)"
        case .dateNeedsWholeNumbers: return "date takes whole numbers: date(2019), date(2019, 3), date(2019, 3, 19)"
        case .impossibleDate: return "impossible date"
        case .cannotCompare(let what): return "cannot compare \(what)"
        case .cannotConvert(let what): return "cannot convert \(what)"
        case .noExchangeRate(let from, let to): return "no exchange rate from \(from) to \(to)"
        case .refusedWhenSafe(let n): return "\(n) is refused under --safe"
        case .takesNoArgument(let n): return ":\(n) takes no argument"
        case .command(let m), .other(let m): return m
        }
    }

    /// Whether `where` counts the row as one that could not be compared.
    var isIncomparable: Bool {
        switch self {
        case .cannotCompare, .cannotConvert, .noExchangeRate: return true
        default: return false
        }
    }
}
