/// The catalogue of evaluation errors, in the manner of swift-syntax's
/// diagnostic messages: each kind of error is a case, its text is written
/// once here, and code that reacts to an error asks which case it is, never
/// what its text says.
public enum Problem: Sendable, Equatable {
    // MARK: Names
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
    case argumentCount(String, expected: ClosedRange<Int>, given: Int)
    case unexpectedLabel(function: String, label: String)
    case unknownUnit(String)
    /// A text given to `to` or `unit` that names no unit.
    case notAUnit(String)
    case unknownFormat(String)
    case unknownSubject(String)
    // MARK: Fields, columns and properties
    case noColumn(String)
    case noField(String)
    case noSourceField(String)
    /// `.field` on a value that has none: a number, a text, …
    case noProperties(String, field: String)
    case noProperty(String, property: String)
    case ruleDependsOnItself(String)
    /// `_` or `it` with nothing before it.
    case noResultYet
    // MARK: Kinds and units
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
    case inNeedsCollection(found: String)
    case stageNeedsTable(String, found: String)
    case whereNeedsTruth(found: String)
    case notNeedsTruth(found: String)
    /// `and` or `or` with a side that is not true or false.
    case logicNeedsTruth(String, found: String)
    case takeNeedsWholeNumber(found: String)
    /// `sort` over figures of units that cannot be ordered together.
    case cannotSortTogether(String, String)
    case needsTextSecond(String, found: String)
    case takesOneText(String)
    case needsTextLike(String, found: String)
    /// A pattern given to `matches` that does not compile.
    case badPattern(String)
    // MARK: Arithmetic
    case cannotApply(String, String, String)
    case notArithmetic(String)
    case cannotNegate(String)
    /// Adding or subtracting figures of different dimensions.
    case unitMismatch(adding: Bool, String, to: String, dimension: String, expected: String)
    case numberOutOfRange
    case divisionByZero
    /// Division by an interval whose bounds hold zero.
    case divisionStraddlingZero
    case powerNeedsWholeNumber
    case negativePowerStraddlingZero
    // MARK: Depth limits and interruption
    case callsTooDeep(limit: Int, function: String)
    case runTooDeep(limit: Int)
    case valueTooDeep(limit: Int)
    case listsTooDeepToCompare
    case outOfStack
    case interrupted
    // MARK: Plugin command arguments
    case commandUnexpectedLabel(String, label: String)
    case commandTooManyArguments(String)
    case commandArgumentTwice(String, parameter: String)
    case commandExpectedColumn(String, parameter: String)
    case commandExpectedText(String, parameter: String, found: String)
    case commandExpected(String, what: String, after: String?)
    // MARK: Session commands
    case refusedWhenSafe(String)
    case takesNoArgument(String)
    case timerTakesOnOrOff
    case historyOnlyAtPrompt
    case historyNeedsCount
    /// `:run`, `:load`, `:save` or `:once` without a file.
    case needsFile(String, showUsage: Bool)
    /// The statement that ran a script that failed.
    case runFailed(String)
    /// The start-up file could not be read: the system's reason.
    case startupFile(String)
    /// A file that could not be read or written, as the system reports it.
    case file(String)
    // MARK: Fact packs
    case yearNeedsWholeNumber
    case sourceRedeclared(String, String)
    case entityRedeclared(String, as: String)
    case aliasTaken(String, entity: String)
    case clauseNeedsWordOrText(String)
    case clauseNeedsQuotedText(String)
    case onNeedsDate
    case factNeedsSource
    case unitExists(String)
    case unitNeedsExactFigure
    case moneyUnitOneCurrency
    case repeatedParameter(String)
    // MARK: Warnings
    /// `where` left out rows it could not decide.
    case rowsLeftOut(unknown: Int, incomparable: Int)
    /// `sort` over a column of mixed kinds: how many groups, and their names in order.
    case sortedInGroups(Int, [String])
    /// `def stats hides the command stats (Statistics)`.
    case hides(String, String, String)
    // MARK: Others
    /// A plugin command's own error (`CommandError`) or warning, shown as its message.
    case command(String)
    /// Any other error, by its message.
    case other(String)

    /// An error of a type steppe does not know (a plugin's own): its
    /// description if it has one, never a dump of its fields.
    public static func foreign(_ error: any Error) -> Problem {
        if let e = error as? any CustomStringConvertible { return .other(e.description) }
        return .other("an error with no message (\(type(of: error)))")
    }

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
        case .argumentCount(let n, let expected, let given):
            let count = expected.lowerBound == expected.upperBound ? "\(expected.lowerBound)" : "\(expected.lowerBound) to \(expected.upperBound)"
            return "\(n) takes \(count) argument\(expected.upperBound == 1 ? "" : "s"), given \(given)"
        case .unexpectedLabel(let f, let label): return "\(f) takes no '\(label)' argument"
        case .unknownUnit(let n): return "unknown unit '\(n)'"
        case .notAUnit(let t): return "'\(t)' is not a unit"
        case .unknownFormat(let n): return "unknown format '\(n)'"
        case .unknownSubject(let n): return "unknown subject '\(n)'"
        case .noColumn(let n): return "no column '\(n)'"
        case .noField(let f): return "the record has no field '\(f)'"
        case .noSourceField(let f): return "a source has no field '\(f)'"
        case .noProperties(let kind, let f): return "\(kind) has no properties ('.\(f)')"
        case .noProperty(let n, let p): return "\(n) has no property '\(p)'"
        case .ruleDependsOnItself(let key): return "rule \(key) depends on itself"
        case .noResultYet: return "there is no result yet to go on from"
        case .needsKind(let f, let expected, let found): return "\(f) needs \(expected), found \(found)"
        case .needsPositive(let f): return "\(f) needs a positive figure"
        case .noEnd(let q, let lower): return "\(q) has no \(lower ? "lower" : "upper") end"
        case .notADate(let s): return "'\(s)' is not a date (YYYY-MM or YYYY-MM-DD)"
        case .dateNeedsWholeNumbers: return "date takes whole numbers: date(2019), date(2019, 3), date(2019, 3, 19)"
        case .impossibleDate: return "impossible date"
        case .cannotCompare(let what): return "cannot compare \(what)"
        case .cannotConvert(let what): return "cannot convert \(what)"
        case .noExchangeRate(let from, let to): return "no exchange rate from \(from) to \(to)"
        case .inNeedsCollection(let k): return "'in' needs a list, a date, a quantity or a text on its right, found \(k)"
        case .stageNeedsTable(let stage, let k): return "'\(stage)' needs a table or a list, found \(k)"
        case .whereNeedsTruth(let k): return "'where' needs a condition that is true or false, found \(k)"
        case .notNeedsTruth(let k): return "'not' needs a truth value, found \(k)"
        case .logicNeedsTruth(let op, let k): return "'\(op)' needs truth values, found \(k)"
        case .takeNeedsWholeNumber(let v): return "'take' needs a whole number of rows, found \(v)"
        case .cannotSortTogether(let a, let b): return "cannot sort \(a) with \(b) together"
        case .needsTextSecond(let n, let k): return "\(n) needs a text as its second argument, found \(k)"
        case .takesOneText(let n): return "\(n) takes one text, found a list"
        case .needsTextLike(let n, let k): return "\(n) takes a text, an entity or a source, found \(k)"
        case .badPattern(let m): return "matches: \(m)"
        case .cannotApply(let op, let a, let b): return "cannot apply '\(op)' to \(a) and \(b)"
        case .notArithmetic(let op): return "'\(op)' is not arithmetic"
        case .cannotNegate(let k): return "cannot negate \(k)"
        case .unitMismatch(let adding, let unit, let other, let dimension, let expected):
            return "cannot \(adding ? "add" : "subtract") \(unit) \(adding ? "to" : "from") \(other): \(dimension) is not \(expected)"
        case .numberOutOfRange: return "number out of range: the result is beyond about 1.8e308"
        case .divisionByZero: return "division by zero"
        case .divisionStraddlingZero: return "division by a figure whose bounds hold zero"
        case .powerNeedsWholeNumber: return "'^' needs a whole number from -64 to 64 as its power"
        case .negativePowerStraddlingZero: return "negative power of a figure whose bounds hold zero"
        case .callsTooDeep(let limit, let f): return "calls nested too deeply (more than \(limit)): is \(f) recursive without end?"
        case .runTooDeep(let limit): return ":run nested too deeply (more than \(limit) files): does a script run itself?"
        case .valueTooDeep(let limit): return "lists and records nested too deeply (more than \(limit) levels)"
        case .listsTooDeepToCompare: return "lists nested too deeply to compare"
        case .outOfStack: return "evaluation nested too deeply (out of stack)"
        case .interrupted: return "interrupted"
        case .commandUnexpectedLabel(let c, let label): return "\(c): unexpected '\(label)'"
        case .commandTooManyArguments(let c): return "\(c): too many arguments"
        case .commandArgumentTwice(let c, let p): return "\(c): '\(p)' given twice"
        case .commandExpectedColumn(let c, let p): return "\(c): expected a column name for \(p)"
        case .commandExpectedText(let c, let p, let k): return "\(c): expected a text for \(p), found \(k)"
        case .commandExpected(let c, let what, let after): return "\(c): expected \(what)" + (after.map { " after \($0)" } ?? "")
        case .refusedWhenSafe(let n): return "\(n) is refused under --safe"
        case .takesNoArgument(let n): return ":\(n) takes no argument"
        case .timerTakesOnOrOff: return ":timer takes on or off"
        case .historyOnlyAtPrompt: return ":history is kept only at the prompt"
        case .historyNeedsCount: return ":history takes a positive number of lines"
        case .needsFile(let n, let usage): return ":\(n) needs a file" + (usage ? ": :\(n) FILE" : "")
        case .runFailed(let path): return ":run \(path) failed"
        case .startupFile(let m): return "start-up file: \(m)"
        case .yearNeedsWholeNumber: return "'year' takes a whole number"
        case .sourceRedeclared(let id, let what): return "source '\(id)' is already declared, \(what)"
        case .entityRedeclared(let id, let name): return "entity '\(id)' is already declared, as \"\(name)\""
        case .aliasTaken(let alias, let entity): return "'\(alias)' already names the entity '\(entity)'"
        case .clauseNeedsWordOrText(let k): return "'\(k)' takes a word or a text"
        case .clauseNeedsQuotedText(let k): return "'\(k)' takes a text in double quotes"
        case .onNeedsDate: return "'on' takes a date, such as 2022-01"
        case .factNeedsSource: return "a fact needs a source: add 'from SOURCE', or declare a source earlier in this pack"
        case .unitExists(let n): return "unit '\(n)' already exists"
        case .unitNeedsExactFigure: return "a unit is defined by a positive exact figure, such as unit Mt = 1e6 t"
        case .moneyUnitOneCurrency: return "a money unit is defined in one currency alone, such as unit kUSD = 1000 USD"
        case .repeatedParameter(let n): return "a parameter name is repeated in \(n)"
        case .rowsLeftOut(let unknown, let incomparable):
            var parts: [String] = []
            if unknown > 0 { parts.append("\(unknown) row\(unknown == 1 ? "" : "s") dropped as unknown") }
            if incomparable > 0 { parts.append("\(incomparable) row\(incomparable == 1 ? "" : "s") could not be compared") }
            return "where: " + parts.joined(separator: ", ")
        case .sortedInGroups(let count, let names):
            return "sort: the column mixes kinds, so it is sorted in \(count) groups: " + names.joined(separator: ", ")
        case .hides(let keyword, let name, let hidden): return "\(keyword) \(name) hides \(hidden)"
        case .command(let m), .file(let m), .other(let m): return m
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
