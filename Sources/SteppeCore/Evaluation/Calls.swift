/// Calls: the built-in functions, `def` functions, and plugin commands.
extension Session {
    /// `NAME(ARGS)`: a `def`, a built-in function or a command, as `resolve` says.
    func call(_ name: String, _ args: [Argument], nameRange: SourceRange, range: SourceRange, _ env: Env) throws -> CommandResult {
        try invoke(name, .call, args, input: nil, nameRange: nameRange, range: range, env)
    }

    /// Runs what a name at a call, a statement start or a stage stands for.
    func invoke(_ name: String, _ position: NamePosition, _ args: [Argument], input: Value?, nameRange: SourceRange,
                range: SourceRange, _ env: Env) throws -> CommandResult {
        switch resolve(name, position, env) {
        case .function(let def):
            var values = input.map { [$0] } ?? []
            for a in args {
                if let label = a.label { throw EvalError(.unexpectedLabel(function: name, label: label), a.range) }
                values.append(try evaluate(a.value, env))
            }
            return CommandResult(try apply(def, values, range: range))
        case .builtin(let f):
            if input != nil { throw EvalError(.functionNotStage(name, usage: f.declaration.usage), nameRange) }
            return CommandResult(try builtin(f, args, range: range, env))
        case .command(let command):
            if input != nil && !command.takesInput {
                throw EvalError(.commandNotStage(name), nameRange, notes: ["usage: \(command.usage)"])
            }
            var bound = try bind(command, args, nameRange: nameRange, env, asStage: input != nil)
            bound.input = input
            return try invoke(command, bound, nameRange: nameRange, range: range)
        case .column, .parameter, .variable:
            throw EvalError(.valueNotCallable(name, as: position), nameRange)
        case .table, .entity, .source, .unknown:
            var notes = suggestions(name, among: knownNames(Env(row: nil, locals: env.locals, useLets: env.useLets),
                                                            kinds: position == .call ? [.function, .command] : [.command]))
            if position == .call { throw EvalError(.unknownFunction(name), nameRange, notes: notes) }
            if registry.commands.isEmpty { notes.append("no plugin commands are loaded") }
            else { notes.append("commands: " + registry.commands.keys.sorted().joined(separator: ", ")) }
            throw EvalError(.unknownCommand(name), nameRange, notes: notes)
        }
    }

    /// Calls a `def` function with its parameters bound.
    func apply(_ def: FunctionDef, _ values: [Value], range: SourceRange) throws -> Value {
        guard values.count == def.params.count else {
            throw EvalError(.argumentCount(def.name, expected: def.params.count...def.params.count, given: values.count), range,
                            notes: ["def \(def.name)(\(def.params.joined(separator: ", ")))"])
        }
        callDepth += 1
        defer { callDepth -= 1 }
        guard callDepth <= Session.maxCallDepth else {
            throw EvalError(.callsTooDeep(limit: Session.maxCallDepth, function: def.name), range)
        }
        try checkInterrupt(range)
        var env = Env(row: nil, useLets: true)
        for (p, v) in zip(def.params, values) { env.locals[p] = v }
        do {
            return try evaluate(def.body, env)
        } catch let e as EvalError {
            var d = Diagnostic(e, file: def.file)
            d.chain.append(Diagnostic.Frame(file: def.file, range: def.body.range, what: "in \(def.name)"))
            throw d
        }
    }

    func builtin(_ f: BuiltinFunction, _ args: [Argument], range: SourceRange, _ env: Env) throws -> Value {
        let name = f.declaration.name
        let values = try args.map { a -> Value in
            if let label = a.label { throw EvalError(.unexpectedLabel(function: name, label: label), a.range) }
            return try evaluate(a.value, env)
        }
        guard f.arity.contains(values.count) else {
            throw EvalError(.argumentCount(name, expected: f.arity, given: values.count), range,
                            notes: ["\(f.declaration.usage): \(f.declaration.summary)"])
        }
        return try f.run(FunctionCall(session: self, name: name, values: values, ranges: args.map(\.range), range: range))
    }

    // MARK: - Commands

    func invoke(_ command: Command, _ args: Arguments, nameRange: SourceRange, range: SourceRange) throws -> CommandResult {
        do {
            return try command.run(args, CommandContext(session: self, range: range))
        } catch let e as CommandError {
            var error = EvalError(.command(e.message), e.parameter.flatMap { args.ranges[$0] } ?? nameRange, notes: e.notes)
            error.command = command.name
            throw error
        } catch var e as EvalError {
            if e.command == nil { e.command = command.name }
            if e.range == .none { e.range = nameRange }
            throw e
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
                if let p = command.parameters.first(where: { $0.introducer.introduces(label) || $0.name == label }) {
                    param = p
                } else {
                    throw EvalError(.commandUnexpectedLabel(command.name, label: label), a.range, notes: ["usage: \(command.usage)"])
                }
            } else if next < fillOrder.count {
                param = fillOrder[next]
                if !param.variadic { next += 1 }
            } else {
                throw EvalError(.commandTooManyArguments(command.name), a.range, notes: ["usage: \(command.usage)"])
            }
            if result.ranges[param.name] != nil && !param.variadic {
                throw EvalError(.commandArgumentTwice(command.name, parameter: param.name), a.range)
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
                    throw EvalError(.commandExpectedColumn(command.name, parameter: param.name), a.range)
                }
                result.columns[param.name] = column
            case .words:
                result.values[param.name] = try wordsValue(a, env)
            case .text:
                let v = try evaluate(a.value, env)
                guard case .text = v.payload else {
                    throw EvalError(.commandExpectedText(command.name, parameter: param.name, found: v.kindName), a.range)
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
            case .word(let w): throw EvalError(.commandExpected(command.name, what: what, after: w.rawValue), nameRange, notes: ["usage: \(command.usage)"])
            default: throw EvalError(.commandExpected(command.name, what: what, after: nil), nameRange, notes: ["usage: \(command.usage)"])
            }
        }
        return result
    }
}
