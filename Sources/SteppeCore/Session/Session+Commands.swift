/// Session commands: lines that start with `:`.
extension Session {
    /// Adds a session command (the prompt's `:edit`, the launcher's `:plugin`),
    /// or puts one in place of the built-in one of the same name.
    public func declare(_ command: SessionCommand) {
        sessionCommands.removeAll { $0.declaration.name == command.declaration.name }
        sessionCommands.append(command)
    }

    /// The session command a name or alias stands for.
    func sessionCommand(named name: String) -> SessionCommand? {
        sessionCommands.first { $0.declaration.name == name || $0.declaration.aliases.contains(name) }
    }

    func sessionCommand(_ name: String, _ argument: String, range: SourceRange, file: SourceFile) throws {
        let arg = argument.trimmed
        guard let command = sessionCommand(named: name) else {
            let names = sessionCommands.flatMap { [$0.declaration.name] + $0.declaration.aliases.filter(Session.isName) }
            throw EvalError(.unknownSessionCommand(name), range, notes: suggestions(name, among: names) + ["enter :help for help"])
        }
        if !command.takesArgument, !arg.isEmpty {
            throw EvalError(.takesNoArgument(name), range,
                            notes: arg.hasPrefix("|") ? ["session commands are not values and do not go in pipelines"] : [])
        }
        if command.refusedWhenSafe, options.safe {
            // As its usage names it: `:plugin load`, `:save`.
            let words = command.declaration.usage.split(separator: " ").prefix { $0.allSatisfy { $0.isLowercase || $0 == ":" } }
            throw EvalError(.refusedWhenSafe(words.joined(separator: " ")), range)
        }
        do {
            try command.run(SessionCommandCall(session: self, argument: arg, range: range, file: file))
        } catch let e as CommandError {
            throw EvalError(.command(e.message), range, notes: e.notes)
        }
    }

    /// `:help [NAME]`.
    func help(_ arg: String, range: SourceRange) throws {
        guard let text = Help.text(for: arg.isEmpty ? nil : arg, session: self) else {
            let names = declarations.map(\.name) + letOrder + defs.keys
            throw EvalError(.noHelp(arg), range, notes: suggestions(arg, among: names) + ["enter :help for the list"])
        }
        output.write(text)
    }

    func format(_ arg: String, range: SourceRange) throws {
        if arg.isEmpty {
            output.write("format: \(options.format.rawValue)\n")
            return
        }
        guard let f = OutputFormat(rawValue: arg) else {
            throw EvalError(.unknownFormat(arg), range,
                            notes: ["formats: table, csv, json, markdown"] + suggestions(arg, among: OutputFormat.allCases.map(\.rawValue)))
        }
        options.format = f
    }

    func timer(_ arg: String, range: SourceRange) throws {
        switch arg {
        case "on": options.timer = true
        case "off": options.timer = false
        case "": output.write("timer: \(options.timer ? "on" : "off")\n")
        default: throw EvalError(.timerTakesOnOrOff, range)
        }
    }

    func history(_ arg: String, range: SourceRange) throws {
        guard let provider = historyProvider else {
            throw EvalError(.historyOnlyAtPrompt, range)
        }
        var n = 20
        if !arg.isEmpty {
            guard let k = Int(arg), k > 0 else { throw EvalError(.historyNeedsCount, range) }
            n = k
        }
        let lines = provider(n)
        for (i, line) in lines.enumerated() {
            output.write("\(String(repeating: " ", count: max(0, 5 - String(i + 1).count)))\(i + 1)  \(line.replacingAll("\n", with: "\n       "))\n")
        }
    }

    /// Resolves a path given to `:run`/`:load`: relative to the script that says it.
    func resolvePath(_ path: String, from file: SourceFile) -> String {
        if path.hasPrefix("/") || file.name.hasPrefix("<") { return path }
        let dir = FileIO.directory(of: file.name)
        let candidate = dir == "." ? path : dir + "/" + path
        return FileIO.exists(candidate) || !FileIO.exists(path) ? candidate : path
    }

    static func unquote(_ s: String) -> String {
        if s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") { return String(s.dropFirst().dropLast()) }
        return s
    }

    func runFile(_ arg: String, range: SourceRange, file: SourceFile) throws {
        guard !arg.isEmpty else { throw EvalError(.needsFile("run", showUsage: false), range) }
        let path = resolvePath(Session.unquote(arg), from: file)
        guard frames.count < Session.maxRunDepth else {
            abandoningRuns = true
            throw EvalError(.runTooDeep(limit: Session.maxRunDepth), range)
        }
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path: path) } catch { throw EvalError(.file(error.message), range) }
        frames.append(Diagnostic.Frame(file: file, range: range, what: "in the script run here"))
        defer {
            frames.removeLast()
            if frames.isEmpty { abandoningRuns = false }
        }
        let outcome = run(SourceFile(name: path, bytes: bytes))
        if outcome.failures > 0 || outcome.syntaxError {
            var d = Diagnostic(.evaluation(.runFailed(path)), file: file, range: range)
            d.alreadyReported = true
            throw d
        }
    }

    func loadFile(_ arg: String, range: SourceRange, file: SourceFile) throws {
        guard !arg.isEmpty else { throw EvalError(.needsFile("load", showUsage: false), range) }
        let (given, source) = Session.splitLoadArgument(arg)
        let path = resolvePath(Session.unquote(given), from: file)
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path: path) } catch { throw EvalError(.file(error.message), range) }
        do {
            try loadPackFile(SourceFile(name: path, bytes: bytes), source: source)
        } catch {
            var d = error
            if d.file == nil {
                // A problem with the command itself (an unknown `from` source).
                d.file = file
                d.range = source.map { Session.lastRange(of: $0, in: range, of: file) } ?? range
                throw d
            }
            d.chain.append(Diagnostic.Frame(file: file, range: range, what: "in the pack loaded here (nothing was loaded)"))
            throw d
        }
    }

    func varsText() -> String {
        var out = ""
        if letOrder.isEmpty && assumptionOrder.isEmpty && defs.isEmpty {
            return "no let bindings, functions or set assumptions yet\n"
        }
        let width = (letOrder + assumptionOrder).map(\.count).max() ?? 0
        for name in letOrder {
            guard let v = lets[name] else { continue }
            out += "let \(name.padded(width))  = \(ValueText.plain(v).firstLineClipped)\n"
        }
        for d in defs.values.sorted(by: { $0.name < $1.name }) {
            out += "def \(d.name)(\(d.params.joined(separator: ", "))) = \(d.file.text(d.body.range).firstLineClipped)\n"
        }
        for key in assumptionOrder {
            guard let a = assumptions[key] else { continue }
            out += "set \(key.padded(width))  = \(ValueText.plain(a.value))   (\(a.place))\n"
        }
        return out
    }

    func pluginsText() -> String {
        if registry.plugins.isEmpty { return "no plugins loaded\n" }
        let rows = registry.plugins.map { p -> [Value] in
            [.text(p.name), .text(p.version), .text(p.origin), .text(p.commands.joined(separator: ", "))]
        }
        return Renderer(format: .table).render(Value(.table(Table(columns: ["plugin", "version", "origin", "commands"], rows: rows))))
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }

    func padded(_ n: Int) -> String { self + String(repeating: " ", count: max(0, n - count)) }

    var firstLineClipped: String {
        let line = split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return line.count > 70 ? String(line.prefix(69)) + "…" : line
    }
}
