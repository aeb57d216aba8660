/// A built-in function: its declaration, how many arguments it takes, and
/// what it does. Adding one is adding an entry to `Builtins.functions`.
struct BuiltinFunction: Sendable {
    var declaration: Declaration
    var arity: ClosedRange<Int>
    var run: @Sendable (FunctionCall) throws -> Value

    init(_ name: String, usage: String, summary: String, examples: [String] = [], arity: ClosedRange<Int>,
         run: @escaping @Sendable (FunctionCall) throws -> Value) {
        declaration = Declaration(name, .function, usage: usage, summary: summary, examples: examples)
        self.arity = arity
        self.run = run
    }
}

/// One call of a built-in function: its evaluated arguments and where they were written.
struct FunctionCall {
    let session: Session
    let name: String
    let values: [Value]
    let ranges: [SourceRange]
    let range: SourceRange

    /// The lineage of all the arguments together.
    var lineage: Lineage { values.reduce(Lineage()) { $0.merged(with: $1.lineage) } }

    func quantity(_ i: Int) throws -> Quantity {
        guard case .quantity(let q) = values[i].payload else {
            throw EvalError(.needsKind(function: name, expected: "a number or quantity", found: values[i].kindName), ranges[i])
        }
        return q
    }

    func text(_ i: Int) throws -> String {
        guard case .text(let s) = values[i].payload else {
            throw EvalError(.needsKind(function: name, expected: "a text", found: values[i].kindName), ranges[i])
        }
        return s
    }

    /// A quantity with `q`'s nominal figure and unit inside `interval`.
    func bounded(_ q: Quantity, _ interval: Interval, about: Bool = false) -> Value {
        Value(.quantity(Quantity(q.nominal, unit: q.unit, interval: interval, isAbout: about)), lineage: lineage)
    }
}

extension Builtins {
    /// Every built-in function: the bounds and dates below, the text functions (TextFunctions.swift).
    static let functions: [BuiltinFunction] = boundsAndDates + textFunctions

    static let boundsAndDates: [BuiltinFunction] = [
        BuiltinFunction("more_than", usage: "more_than(x)", summary: "a figure above x, (x, ∞)",
                        examples: ["more_than(225 people)"], arity: 1...1) { call in
            let q = try call.quantity(0)
            return call.bounded(q, .moreThan(q.nominal))
        },
        BuiltinFunction("at_least", usage: "at_least(x)", summary: "x or above, [x, ∞)",
                        examples: ["at_least(10 %)"], arity: 1...1) { call in
            let q = try call.quantity(0)
            return call.bounded(q, .atLeast(q.nominal))
        },
        BuiltinFunction("less_than", usage: "less_than(x)", summary: "a figure below a positive x, [0, x)",
                        examples: ["less_than(1000 people)"], arity: 1...1) { call in
            try call.floored(call.quantity(0), Interval.lessThan)
        },
        BuiltinFunction("at_most", usage: "at_most(x)", summary: "x or below, [0, x]",
                        examples: ["at_most(5 %)"], arity: 1...1) { call in
            try call.floored(call.quantity(0), Interval.atMost)
        },
        BuiltinFunction("about", usage: "about(x)", summary: "roughly x, [0.9x, 1.1x]",
                        examples: ["about(225 people)"], arity: 1...1) { call in
            let q = try call.quantity(0)
            return call.bounded(q, .about(q.nominal), about: true)
        },
        BuiltinFunction("between", usage: "between(a, b)", summary: "from a to b, [a, b]",
                        examples: ["between(200 people, 300 people)"], arity: 2...2) { call in
            let a = try call.quantity(0)
            var b = try call.quantity(1)
            if b.unit != a.unit {
                b = try call.session.convert(call.values[1], to: a.unit, range: call.ranges[1]).quantity ?? b
            }
            let lo = a.interval.low.value <= b.interval.low.value ? a.interval.low : b.interval.low
            let hi = a.interval.high.value >= b.interval.high.value ? a.interval.high : b.interval.high
            var q = Quantity(Interval.midpoint(a.nominal, b.nominal), unit: a.unit)
            q.interval = Interval(low: lo, high: hi)
            return Value(.quantity(q), lineage: call.lineage)
        },
        BuiltinFunction("nominal", usage: "nominal(x)", summary: "the stated figure alone, as an exact value",
                        examples: ["nominal(more_than(225 people))"], arity: 1...1) { call in
            let q = try call.quantity(0)
            return Value(.quantity(Quantity(q.nominal, unit: q.unit)), lineage: call.lineage)
        },
        BuiltinFunction("low", usage: "low(x)", summary: "the lower end of x's bounds",
                        examples: ["low(about(225 people))"], arity: 1...1) { call in
            try call.end(low: true)
        },
        BuiltinFunction("high", usage: "high(x)", summary: "the upper end of x's bounds",
                        examples: ["high(about(225 people))"], arity: 1...1) { call in
            try call.end(low: false)
        },
        BuiltinFunction("date", usage: "date(year[, month[, day]])", summary: "a date at that precision",
                        examples: ["date(2019)", "date(2022, 1, 5)", "date(\"2022-01\")"], arity: 1...3) { call in
            try call.date()
        },
        BuiltinFunction("entity", usage: "entity(\"id or alias\")", summary: "an entity",
                        examples: ["entity(\"KZ\")"], arity: 1...1) { call in
            let s = try call.text(0)
            let store = call.session.store
            guard let e = store.entity(s) else {
                throw EvalError(.unknownEntity(s), call.ranges[0],
                                notes: call.session.suggestions(s, among: store.entityOrder + store.entities.values.flatMap(\.aliases)))
            }
            return Value(.entity(e))
        },
        BuiltinFunction("source", usage: "source(\"id\")", summary: "a source",
                        examples: ["source(\"bp2021\")"], arity: 1...1) { call in
            let s = try call.text(0)
            guard let src = call.session.store.sources[s] else {
                throw EvalError(.unknownSource(s), call.ranges[0], notes: call.session.suggestions(s, among: call.session.store.sourceOrder))
            }
            return Value(.source(src))
        },
    ]
}

extension FunctionCall {
    /// `less_than` and `at_most`: a positive figure, floored at 0, with a note saying so.
    func floored(_ q: Quantity, _ interval: (Double) -> Interval) throws -> Value {
        guard q.nominal > 0 else {
            throw EvalError(.needsPositive(function: name), ranges[0],
                            notes: ["it assumes the figure is not negative; for anything else write between(a, b)"])
        }
        var v = bounded(q, interval(q.nominal))
        v.lineage.append(.note("\(name)(\(ValueText.quantity(q))) assumes the figure is not negative"))
        return v
    }

    func end(low: Bool) throws -> Value {
        let q = try quantity(0)
        let end = low ? q.interval.low.value : q.interval.high.value
        guard end.isFinite else { throw EvalError(.noEnd(ValueText.quantity(q), lower: low), ranges[0]) }
        return Value(.quantity(Quantity(end, unit: q.unit)), lineage: lineage)
    }

    func date() throws -> Value {
        if values.count == 1, case .text(let s) = values[0].payload {
            guard let d = CivilDate.parse(Substring(s)) else { throw EvalError(.notADate(s), ranges[0]) }
            return Value(.date(d))
        }
        var parts: [Int] = []
        for i in values.indices {
            let q = try quantity(i)
            guard q.isPlainNumber, q.nominal == q.nominal.rounded(), abs(q.nominal) < 100_000 else {
                throw EvalError(.dateNeedsWholeNumbers, ranges[i])
            }
            parts.append(Int(q.nominal))
        }
        guard let d = CivilDate(year: parts[0], month: parts.count > 1 ? parts[1] : nil, day: parts.count > 2 ? parts[2] : nil) else {
            throw EvalError(.impossibleDate, range)
        }
        return Value(.date(d))
    }
}
