/// Session commands: lines that start with `:`.
extension Session {
    public struct SessionCommandInfo: Sendable {
        public var name: String
        public var usage: String
        public var summary: String
    }

    public static let sessionCommands: [SessionCommandInfo] = [
        .init(name: "help", usage: ":help [NAME]", summary: "commands, stages and session commands; with NAME, its usage and examples"),
        .init(name: "quit", usage: ":quit (or :q, or Ctrl-D)", summary: "leave steppe"),
        .init(name: "run", usage: ":run FILE", summary: "run a script in this session: its let, def and set stay"),
        .init(name: "load", usage: ":load FILE [from SOURCE]", summary: "load a fact pack, .steppe, .csv, .json or .jsonl (all of it, or nothing)"),
        .init(name: "format", usage: ":format table|csv|json|markdown", summary: "how results are shown"),
        .init(name: "plugins", usage: ":plugins", summary: "loaded plugins: name, version, origin, commands"),
        .init(name: "vars", usage: ":vars", summary: "let bindings and set assumptions"),
        .init(name: "timer", usage: ":timer on|off", summary: "show the time each statement took"),
        .init(name: "history", usage: ":history [N]", summary: "the last N lines of history (in a script, the prompt's saved history)"),
        .init(name: "save", usage: ":save FILE", summary: "write what this session added as a script that rebuilds it"),
        .init(name: "output", usage: ":output [FILE]", summary: "results go to FILE (made anew); :output alone: back to stdout"),
        .init(name: "once", usage: ":once FILE", summary: "only the next result goes to FILE"),
    ]

    /// Short names of session commands, for them and for `:help`.
    static let sessionCommandAliases: [String: String] = ["q": "quit", "exit": "quit", "h": "help", "?": "help", "r": "run"]

    func sessionCommand(_ name: String, _ argument: String, range: SourceRange, file: SourceFile) throws {
        let arg = argument.trimmed
        let command = Session.sessionCommandAliases[name] ?? name
        if ["quit", "vars", "plugins"].contains(command), !arg.isEmpty {
            throw EvalError(":\(name) takes no argument", range,
                            notes: arg.hasPrefix("|") ? ["session commands are not values and do not go in pipelines"] : [])
        }
        switch command {
        case "help":
            guard let text = Help.text(for: arg.isEmpty ? nil : arg, session: self) else {
                var names = Array(registry.commands.keys) + Help.stages.map(\.0) + Array(Session.builtinFunctions.keys)
                names += Session.sessionCommands.map(\.name) + Help.topics.map(\.0)
                throw EvalError("no help for '\(arg)'", range, notes: suggestions(arg, among: names) + ["enter :help for the list"])
            }
            output.write(text)
        case "quit":
            quitRequested = true
        case "run":
            try runFile(arg, range: range, file: file)
        case "load":
            try loadFile(arg, range: range, file: file)
        case "save", "output", "once":
            try outputCommand(command, arg, range: range)
        case "format":
            if arg.isEmpty {
                output.write("format: \(options.format.rawValue)\n")
                return
            }
            guard let f = OutputFormat(rawValue: arg) else {
                throw EvalError("unknown format '\(arg)'", range,
                                notes: ["formats: table, csv, json, markdown"] + suggestions(arg, among: OutputFormat.allCases.map(\.rawValue)))
            }
            options.format = f
        case "vars":
            output.write(varsText())
        case "plugins":
            output.write(pluginsText())
        case "timer":
            switch arg {
            case "on": options.timer = true
            case "off": options.timer = false
            case "": output.write("timer: \(options.timer ? "on" : "off")\n")
            default: throw EvalError(":timer takes on or off", range)
            }
        case "history":
            guard let provider = historyProvider else {
                throw EvalError(":history is kept only at the prompt", range)
            }
            var n = 20
            if !arg.isEmpty {
                guard let k = Int(arg), k > 0 else { throw EvalError(":history takes a positive number of lines", range) }
                n = k
            }
            let lines = provider(n)
            for (i, line) in lines.enumerated() {
                output.write("\(String(repeating: " ", count: max(0, 5 - String(i + 1).count)))\(i + 1)  \(line.replacingAll("\n", with: "\n       "))\n")
            }
        default:
            if let extra = extraCommands[name] {
                do {
                    try extra.run(self, arg)
                } catch let e as CommandError {
                    throw EvalError(e.message, range, notes: e.notes)
                }
                return
            }
            let names = Session.sessionCommands.map(\.name) + Array(extraCommands.keys) + ["q"]
            throw EvalError("unknown session command ':\(name)'", range,
                            notes: suggestions(name, among: names).map { $0.replacingAll("'", with: "'") } + ["enter :help for help"])
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
        guard !arg.isEmpty else { throw EvalError(":run needs a file", range) }
        let path = resolvePath(Session.unquote(arg), from: file)
        guard frames.count < Session.maxRunDepth else {
            abandoningRuns = true
            throw EvalError(":run nested too deeply (more than \(Session.maxRunDepth) files): does a script run itself?", range)
        }
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path: path) } catch { throw EvalError(error.message, range) }
        frames.append(Diagnostic.Frame(file: file, range: range, what: "in the script run here"))
        defer {
            frames.removeLast()
            if frames.isEmpty { abandoningRuns = false }
        }
        let outcome = run(SourceFile(name: path, bytes: bytes))
        if outcome.failures > 0 || outcome.syntaxError {
            var d = Diagnostic(":run \(path) failed", file: file, range: range)
            d.alreadyReported = true
            throw d
        }
    }

    func loadFile(_ arg: String, range: SourceRange, file: SourceFile) throws {
        guard !arg.isEmpty else { throw EvalError(":load needs a file", range) }
        let (given, source) = Session.splitLoadArgument(arg)
        let path = resolvePath(Session.unquote(given), from: file)
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path: path) } catch { throw EvalError(error.message, range) }
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
