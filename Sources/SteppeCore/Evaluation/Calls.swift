/// Calls: the built-in functions, `def` functions, and plugin commands.
extension Session {
    static let builtinFunctions: [String: String] = textFunctions.merging([
        "more_than": "more_than(x): a figure above x, (x, ∞)",
        "at_least": "at_least(x): x or above, [x, ∞)",
        "less_than": "less_than(x): a figure below a positive x, [0, x)",
        "at_most": "at_most(x): x or below, [0, x]",
        "about": "about(x): roughly x, [0.9x, 1.1x]",
        "between": "between(a, b): from a to b, [a, b]",
        "nominal": "nominal(x): the stated figure alone, as an exact value",
        "low": "low(x): the lower end of x's bounds",
        "high": "high(x): the upper end of x's bounds",
        "date": "date(year[, month[, day]]): a date at that precision",
        "entity": "entity(\"id or alias\"): an entity",
        "source": "source(\"id\"): a source",
    ]) { text, _ in text }

    func call(_ name: String, _ args: [Argument], nameRange: SourceRange, range: SourceRange, _ env: Env) throws -> CommandResult {
        if let def = defs[name] {
            let values = try args.map { a -> Value in
                if let label = a.label { throw EvalError("\(name) takes no '\(label)' argument", a.range) }
                return try evaluate(a.value, env)
            }
            return CommandResult(try apply(def, values, range: range))
        }
        if Session.builtinFunctions[name] != nil {
            return CommandResult(try builtin(name, args, range: range, env))
        }
        if registry.command(name) != nil {
            return try runCommand(name, args, input: nil, nameRange: nameRange, range: range, env)
        }
        if env.row?.value(name) != nil || env.locals[name] != nil || (env.useLets && lets[name] != nil) {
            throw EvalError("'\(name)' is a value, not a function", nameRange)
        }
        var names = Array(defs.keys) + Array(Session.builtinFunctions.keys) + Array(registry.commands.keys)
        names.sort()
        throw EvalError("unknown function '\(name)'", nameRange, notes: suggestions(name, among: names))
    }

    /// Calls a `def` function with its parameters bound.
    func apply(_ def: FunctionDef, _ values: [Value], range: SourceRange) throws -> Value {
        guard values.count == def.params.count else {
            throw EvalError("\(def.name) takes \(def.params.count) argument\(def.params.count == 1 ? "" : "s"), given \(values.count)", range,
                            notes: ["def \(def.name)(\(def.params.joined(separator: ", ")))"])
        }
        callDepth += 1
        defer { callDepth -= 1 }
        guard callDepth <= Session.maxCallDepth else {
            throw EvalError("calls nested too deeply (more than \(Session.maxCallDepth)): is \(def.name) recursive without end?", range)
        }
        try checkInterrupt(range)
        var env = Env(row: nil, useLets: true)
        for (p, v) in zip(def.params, values) { env.locals[p] = v }
        do {
            return try evaluate(def.body, env)
        } catch let e as EvalError {
            var d = Diagnostic(e.message, file: def.file, range: e.range, notes: e.notes)
            d.chain.append(Diagnostic.Frame(file: def.file, range: def.body.range, what: "in \(def.name)"))
            throw d
        }
    }

    func builtin(_ name: String, _ args: [Argument], range: SourceRange, _ env: Env) throws -> Value {
        let values = try args.map { try evaluate($0.value, env) }
        if Session.textFunctions[name] != nil { return try textFunction(name, values, args, range: range) }
        func arity(_ n: ClosedRange<Int>) throws {
            guard n.contains(values.count) else {
                throw EvalError("\(name) takes \(n.lowerBound == n.upperBound ? "\(n.lowerBound)" : "\(n.lowerBound) to \(n.upperBound)") argument\(n.upperBound == 1 ? "" : "s"), given \(values.count)", range,
                                notes: [Session.builtinFunctions[name] ?? ""])
            }
        }
        func quantity(_ i: Int) throws -> Quantity {
            guard case .quantity(let q) = values[i].payload else {
                throw EvalError("\(name) needs a number or quantity, found \(values[i].kindName)", args[i].range)
            }
            return q
        }
        func text(_ i: Int) throws -> String {
            guard case .text(let s) = values[i].payload else {
                throw EvalError("\(name) needs a text, found \(values[i].kindName)", args[i].range)
            }
            return s
        }
        let lineage = values.reduce(Lineage()) { $0.merged(with: $1.lineage) }
        func bounded(_ q: Quantity, _ low: Endpoint, _ high: Endpoint, about: Bool = false) -> Value {
            Value(.quantity(Quantity(q.nominal, unit: q.unit, interval: Interval(low: low, high: high), isAbout: about)), lineage: lineage)
        }
        switch name {
        case "more_than", "at_least":
            try arity(1...1)
            let q = try quantity(0)
            return bounded(q, Endpoint(value: q.nominal, open: name == "more_than"), Endpoint(value: .infinity, open: true))
        case "less_than", "at_most":
            try arity(1...1)
            let q = try quantity(0)
            guard q.nominal > 0 else {
                throw EvalError("\(name) needs a positive figure", args[0].range,
                                notes: ["it assumes the figure is not negative; for anything else write between(a, b)"])
            }
            var v = bounded(q, Endpoint(value: 0, open: false), Endpoint(value: q.nominal, open: name == "less_than"))
            v.lineage.append(.note("\(name)(\(ValueText.quantity(q))) assumes the figure is not negative"))
            return v
        case "about":
            try arity(1...1)
            let q = try quantity(0)
            let a = q.nominal * 0.9, b = q.nominal * 1.1
            return bounded(q, Endpoint(value: min(a, b), open: false), Endpoint(value: max(a, b), open: false), about: true)
        case "between":
            try arity(2...2)
            let a = try quantity(0)
            var b = try quantity(1)
            if b.unit != a.unit {
                let converted = try convert(values[1], to: a.unit, range: args[1].range)
                b = converted.quantity ?? b
            }
            let lo = a.interval.low.value <= b.interval.low.value ? a.interval.low : b.interval.low
            let hi = a.interval.high.value >= b.interval.high.value ? a.interval.high : b.interval.high
            var q = Quantity((a.nominal + b.nominal) / 2, unit: a.unit)
            q.interval = Interval(low: lo, high: hi)
            return Value(.quantity(q), lineage: lineage)
        case "nominal":
            try arity(1...1)
            let q = try quantity(0)
            return Value(.quantity(Quantity(q.nominal, unit: q.unit)), lineage: lineage)
        case "low", "high":
            try arity(1...1)
            let q = try quantity(0)
            let end = name == "low" ? q.interval.low.value : q.interval.high.value
            guard end.isFinite else { throw EvalError("\(ValueText.quantity(q)) has no \(name == "low" ? "lower" : "upper") end", args[0].range) }
            return Value(.quantity(Quantity(end, unit: q.unit)), lineage: lineage)
        case "date":
            try arity(1...3)
            if values.count == 1, case .text(let s) = values[0].payload {
                guard let d = CivilDate.parse(Substring(s)) else { throw EvalError("'\(s)' is not a date (YYYY-MM or YYYY-MM-DD)", args[0].range) }
                return Value(.date(d))
            }
            var parts: [Int] = []
            for i in values.indices {
                let q = try quantity(i)
                guard q.isPlainNumber, q.nominal == q.nominal.rounded(), abs(q.nominal) < 100_000 else {
                    throw EvalError("date takes whole numbers: date(2019), date(2019, 3), date(2019, 3, 19)", args[i].range)
                }
                parts.append(Int(q.nominal))
            }
            guard let d = CivilDate(year: parts[0], month: parts.count > 1 ? parts[1] : nil, day: parts.count > 2 ? parts[2] : nil) else {
                throw EvalError("impossible date", range)
            }
            return Value(.date(d))
        case "entity":
            try arity(1...1)
            let s = try text(0)
            guard let e = store.entity(s) else {
                throw EvalError("unknown entity '\(s)'", args[0].range,
                                notes: suggestions(s, among: store.entityOrder + store.entities.values.flatMap(\.aliases)))
            }
            return Value(.entity(e))
        case "source":
            try arity(1...1)
            let s = try text(0)
            guard let src = store.sources[s] else {
                throw EvalError("unknown source '\(s)'", args[0].range, notes: suggestions(s, among: store.sourceOrder))
            }
            return Value(.source(src))
        default:
            throw EvalError("unknown function '\(name)'", range)
        }
    }

    // MARK: - Commands

    /// Checks the arguments against the command's declaration and runs it.
    func runCommand(_ name: String, _ args: [Argument], input: Value?, nameRange: SourceRange,
                    range: SourceRange, _ env: Env) throws -> CommandResult {
        guard let command = registry.command(name) else {
            if let def = defs[name] {
                var values = input.map { [$0] } ?? []
                for a in args { values.append(try evaluate(a.value, env)) }
                return CommandResult(try apply(def, values, range: range))
            }
            if Session.builtinFunctions[name] != nil, input == nil {
                return CommandResult(try builtin(name, args, range: range, env))
            }
            var notes = suggestions(name, among: Array(registry.commands.keys) + Array(defs.keys))
            if registry.commands.isEmpty { notes.append("no plugin commands are loaded") }
            else { notes.append("commands: " + registry.commands.keys.sorted().joined(separator: ", ")) }
            throw EvalError("unknown command '\(name)'", nameRange, notes: notes)
        }
        if input != nil && !command.takesInput {
            throw EvalError("\(name) cannot be a pipeline stage", nameRange, notes: ["usage: \(command.usage)"])
        }
        var bound = try bind(command, args, nameRange: nameRange, env, asStage: input != nil)
        bound.input = input
        return try invoke(command, bound, nameRange: nameRange, range: range)
    }

    func invoke(_ command: Command, _ args: Arguments, nameRange: SourceRange, range: SourceRange) throws -> CommandResult {
        do {
            return try command.run(args, CommandContext(session: self, range: range))
        } catch let e as CommandError {
            let at = e.parameter.flatMap { args.ranges[$0] } ?? nameRange
            throw EvalError("\(command.name): \(e.message)", at, notes: e.notes)
        } catch let e as EvalError {
            throw EvalError(e.message.hasPrefix(command.name + ":") ? e.message : "\(command.name): \(e.message)",
                            e.range == .none ? nameRange : e.range, notes: e.notes)
        }
    }

    func bind(_ command: Command, _ args: [Argument], nameRange: SourceRange, _ env: Env, asStage: Bool = false) throws -> Arguments {
        var result = Arguments()
        let positional = command.parameters.filter { $0.introducer == .positional }
        // Inside brackets, `compare(a, b)` fills the word parameters in order too.
        let fillOrder = positional + command.parameters.filter { if case .word = $0.introducer { return true } else { return false } }
        var next = 0
        var variadic: [Value] = []
        for a in args {
            let param: Parameter
            if let label = a.label {
                if let p = command.parameters.first(where: { $0.introducer == .word(label) || ($0.name == label && $0.introducer != .positional) || ($0.name == label) }) {
                    param = p
                } else {
                    throw EvalError("\(command.name): unexpected '\(label)'", a.range, notes: ["usage: \(command.usage)"])
                }
            } else if next < fillOrder.count {
                param = fillOrder[next]
                if !param.variadic { next += 1 }
            } else {
                throw EvalError("\(command.name): too many arguments", a.range, notes: ["usage: \(command.usage)"])
            }
            if result.ranges[param.name] != nil && !param.variadic {
                throw EvalError("\(command.name): '\(param.name)' given twice", a.range)
            }
            result.ranges[param.name] = result.ranges[param.name].map { $0.joined(a.range) } ?? a.range
            // A column-or-value parameter names a column in a stage, and is a value elsewhere.
            let kind = param.kind == .columnOrValue ? (asStage ? Parameter.Kind.column : .expression) : param.kind
            switch kind {
            case .expression:
                let v = try evaluate(a.value, env)
                if param.variadic { variadic.append(v) } else { result.values[param.name] = v }
            case .column, .columnOrValue:
                guard case .name(let column, _) = a.value else {
                    throw EvalError("\(command.name): expected a column name for \(param.name)", a.range)
                }
                result.columns[param.name] = column
            case .words:
                result.values[param.name] = try wordsValue(a, env)
            case .text:
                let v = try evaluate(a.value, env)
                guard case .text = v.payload else {
                    throw EvalError("\(command.name): expected a text for \(param.name), found \(v.kindName)", a.range)
                }
                result.values[param.name] = v
            }
        }
        if let p = command.parameters.first(where: { $0.variadic }), !variadic.isEmpty {
            result.values[p.name] = Value(.list(variadic))
        }
        for p in command.parameters where !p.optional && result.values[p.name] == nil && result.columns[p.name] == nil {
            let what = p.summary.isEmpty ? p.name : p.summary
            switch p.introducer {
            case .word(let w): throw EvalError("\(command.name): expected \(what) after \(w)", nameRange, notes: ["usage: \(command.usage)"])
            default: throw EvalError("\(command.name): expected \(what)", nameRange, notes: ["usage: \(command.usage)"])
            }
        }
        return result
    }
}
