/// The one routine that runs every kind of input (prompt line, `-c`, a script
/// file, piped stdin, `:run`), as SQLite's `process_input` does.
extension Session {
    public struct Outcome: Sendable {
        /// Statements that failed.
        public var failures = 0
        /// The script did not parse: nothing ran.
        public var syntaxError = false
        /// The statement was cut short: the prompt should ask for more.
        public var incomplete = false
        public init() {}
    }

    /// Parses `file` whole, then runs its statements in order.
    @discardableResult
    public func run(_ file: SourceFile, interactive: Bool = false) -> Outcome {
        var outcome = Outcome()
        let script: Script
        do {
            script = try Parser.parse(file, wordCommands: wordCommandNames)
        } catch {
            if interactive && error.incomplete {
                outcome.incomplete = true
                return outcome
            }
            report(error)
            outcome.syntaxError = true
            return outcome
        }
        if keepsScripts { keptScripts.append(script) }
        for statement in script.statements {
            if quitRequested { break }
            let timing = options.timer
            let started = timing ? FileIO.now() : 0
            var failure: Diagnostic?
            do {
                try execute(statement, in: file)
            } catch {
                report(error)
                outcome.failures += 1
                failure = error
            }
            recordStatement(statement, in: file, failure: failure)
            if timing && options.timer {
                output.writeError("time: \(NumberFormat.display((FileIO.now() - started) * 1000)) ms\n")
            }
            if outcome.failures > 0 && !options.keepGoing && !interactive { break }
            if abandoningRuns && !frames.isEmpty { break }
        }
        return outcome
    }

    /// Prints a diagnostic with the chain of files that led to it.
    func report(_ d: Diagnostic) {
        if d.alreadyReported { return }
        var d = d
        for frame in frames.reversed() where !d.chain.contains(where: { $0.file === frame.file && $0.range == frame.range }) {
            d.chain.append(frame)
        }
        output.writeError(DiagnosticRenderer(color: options.color).render(d))
    }

    func warn(_ problem: Problem, range: SourceRange, notes: [String] = []) {
        report(Diagnostic(.evaluation(problem), file: currentFile, range: range, notes: notes, severity: .warning))
    }

    var currentFile: SourceFile? { currentFileStack.last }

    /// Runs one statement and shows its result.
    public func execute(_ statement: Statement, in file: SourceFile) throws(Diagnostic) {
        currentFileStack.append(file)
        defer { currentFileStack.removeLast() }
        defer { output.endStatement() }
        try located(file) {
            try self.perform(statement, in: file)
            self.record(statement, in: file)
        }
    }

    func perform(_ statement: Statement, in file: SourceFile) throws {
        switch statement {
        case .expression(let e):
            let result = try evaluateResult(e, Env.session)
            previousResult = result.value
            show(result)
            recordShown(.result(result))
        case .letBinding(let name, let e, let range):
            let v = try evaluate(e, Env.session)
            warnIfHiding("let", name, range: range)
            if lets[name] == nil { letOrder.append(name) }
            lets[name] = v
            defs[name] = nil
        case .set(let subject, let property, let e, let range):
            let id = try subjectID(subject, range: range)
            var v = try evaluate(e, Env.session)
            v.lineage = Lineage()
            let (line, _) = file.location(of: range.start)
            let key = "\(id).\(property)"
            if assumptions[key] == nil { assumptionOrder.append(key) }
            assumptions[key] = Assumption(subject: id, property: property, value: v, place: "\(file.name):\(line)")
            invalidate()
        case .def(let name, let params, let body, let range):
            if Set(params).count != params.count {
                throw EvalError(.repeatedParameter(name), range)
            }
            warnIfHiding("def", name, range: range)
            defs[name] = FunctionDef(name: name, params: params, body: body, file: file)
            if lets.removeValue(forKey: name) != nil { letOrder.removeAll { $0 == name } }
        case .why(let e, _):
            let v = try evaluate(e, Env.session)
            recordShown(.why(v))
            output.write(options.format == .json ? Why.json(v) + "\n" : Why.render(v))
        case .source, .entity, .fact, .unit, .rule:
            let pack = sessionPack ?? store.beginPack(file.name)
            sessionPack = pack
            try declare(statement, pack: pack, file: file)
        case .session(let name, let argument, let range):
            try sessionCommand(name, argument, range: range, file: file)
        }
    }

    /// Evaluates a statement's expression, keeping a command's presentation.
    func evaluateResult(_ e: Expr, _ env: Env) throws -> CommandResult {
        switch e {
        case .command(let name, let args, let nameRange, let range):
            return try invoke(name, .statementStart, args, input: nil, nameRange: nameRange, range: range, env)
        case .call(let name, let args, let nameRange, let range):
            return try call(name, args, nameRange: nameRange, range: range, env)
        case .name(let n, let range):
            if case .command(let c) = resolve(n, .value, env), c.runsBare {
                return try invoke(c, Arguments(), nameRange: range, range: range)
            }
        case .pipeline(let head, let stages, _):
            return try runPipeline(head, stages, env)
        default:
            break
        }
        return CommandResult(try evaluate(e, env))
    }

    func show(_ result: CommandResult) {
        if options.format == .table, let display = result.display {
            output.write(display.hasSuffix("\n") ? display : display + "\n")
            return
        }
        output.write(Renderer(format: options.format, width: options.width, color: options.color).render(result.value))
    }
}
