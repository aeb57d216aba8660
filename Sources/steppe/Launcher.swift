import SteppeCore
import LineEditing

#if canImport(Glibc)
import Glibc
#endif

/// Sets up a session from the command line and runs what it asks for.
struct Launcher {
    let arguments: CommandLineOptions
    init(options: CommandLineOptions) { arguments = options }

    /// `:plugin load FILE`; anything else after `:plugin` is an error that
    /// points to `:plugins`.
    static func pluginCommand(_ session: Session, _ argument: String) throws {
        let words = argument.split(separator: " ", maxSplits: 1).map(String.init)
        guard words.first == "load", words.count == 2 else {
            throw CommandError(":plugin load FILE loads a command plugin; :plugins lists the loaded ones")
        }
        var path = words[1]
        if path.count >= 2, path.hasPrefix("\""), path.hasSuffix("\"") { path = String(path.dropFirst().dropLast()) }
        do {
            let name = try PluginLoader.load(path, into: session)
            session.output.write("loaded plugin \(name) from \(path)\n")
        } catch {
            throw CommandError(error.message)
        }
    }

    func run() -> Int32 {
        let output = OutputBuffer()
        defer { output.flush() }
        let session: Session
        do {
            session = try Session.withBuiltinFacts(output: output)
        } catch {
            output.writeError(DiagnosticRenderer(color: false).render(error))
            return 1
        }
        // The process ends when `run` returns: the session's tables (a
        // million facts, maybe) are left to the system, not freed one by one.
        defer { _ = Unmanaged.passRetained(session) }
        // So are the scripts it runs, parsed, with their text, until the
        // prompt (if any) starts: freed, a long script's statements went one
        // by one, and its bytes, one large block, made malloc first merge
        // every small block freed before them.
        session.keepsScripts = true
        let stdoutIsTerminal = FileIO.isTerminal(1)
        session.options.format = arguments.format
        session.options.safe = arguments.safe
        session.options.keepGoing = arguments.keepGoing || arguments.report != nil
        // `--report`: every statement of the scripts is recorded for it.
        let report = arguments.report.map { ReportJob(path: $0) }
        if let report { session.statementObserver = { report.append($0) } }
        session.options.color = stdoutIsTerminal && !arguments.noColor && FileIO.environment("NO_COLOR").map(\.isEmpty) ?? true
        Catalog.load(into: session)
        session.declare(SessionCommand(
            Declaration("plugin", .sessionCommand, usage: ":plugin load FILE",
                        summary: "load a command plugin from a shared library (as --plugin)",
                        examples: [":plugin load .build/debug/libExamplePlugin.so"], completion: .word("load", then: .files)),
            refusedWhenSafe: true
        ) { call in try Launcher.pluginCommand(call.session, call.argument) })
        EditCommand.register(inScriptsOf: session)
        // `:history` in a script shows the prompt's saved history; the prompt
        // puts its own, live one in place of this.
        session.historyProvider = { n in Array((HistoryFile.standard()?.savedEntries() ?? []).suffix(n)) }
        PluginLoader.loadFolder(into: session)
        for path in arguments.plugins {
            do {
                try PluginLoader.load(path, into: session)
            } catch {
                // A plugin named on the command line that cannot be loaded is
                // a bad command line.
                output.writeError("steppe: error: \(error.message)\n")
                return 2
            }
        }
        for (n, pack) in arguments.packs.enumerated() {
            // A pack that cannot be read is a bad command line (2); an error
            // inside one is a failed load (1), as for `:load`.
            let bytes: [UInt8]
            do {
                bytes = try FileIO.read(path: pack)
            } catch {
                output.writeError(DiagnosticRenderer(color: session.options.color).render(Diagnostic(.evaluation(.file(error.message)))))
                return 2
            }
            do {
                try session.loadPackFile(SourceFile(name: pack, bytes: bytes), source: arguments.packSources[n])
            } catch {
                output.writeError(DiagnosticRenderer(color: session.options.color).render(error))
                return 1
            }
        }
        var status: Int32 = 0
        func account(_ outcome: Session.Outcome) -> Bool {
            if outcome.syntaxError { status = 2 } else if outcome.failures > 0 { status = max(status, 1) }
            return status == 0 || arguments.keepGoing
        }
        if let report { return writeReport(report, session: session, output: output) }
        for command in arguments.commands {
            if session.quitRequested { break }
            guard account(session.run(SourceFile(name: "<command line>", text: command))) else { return status }
        }
        for path in arguments.files {
            if session.quitRequested { break }
            let bytes: [UInt8]
            do {
                // A script named here may be a pipe: `steppe <(generate)`.
                bytes = try FileIO.read(path: path, allowStreams: true)
            } catch {
                // A script named on the command line that cannot be read is a
                // bad command line.
                output.writeError(DiagnosticRenderer(color: session.options.color).render(Diagnostic(.evaluation(.file(error.message)))))
                status = 2
                if arguments.keepGoing { continue }
                return status
            }
            guard account(session.run(SourceFile(name: path, bytes: bytes))) else { return status }
        }
        if !arguments.commands.isEmpty || !arguments.files.isEmpty { return status }
        if FileIO.isTerminal(0) {
            session.keepsScripts = false
            return Prompt(session: session, options: arguments).run()
        }
        do {
            let bytes = try FileIO.readAll(fd: 0, name: "<stdin>")
            _ = account(session.run(SourceFile(name: "<stdin>", bytes: bytes)))
        } catch {
            output.writeError(DiagnosticRenderer(color: false).render(Diagnostic(.evaluation(.file(error.message)))))
            return 1
        }
        return status
    }

    /// `--report`: runs the `-c` statements and the scripts, every one of
    /// them, then writes the report, unless a script did not parse (2).
    /// Written even under `--safe`: the command line asked for it.
    func writeReport(_ report: ReportJob, session: Session, output: OutputBuffer) -> Int32 {
        // Every script is read and parsed before any runs: a syntax error
        // anywhere runs nothing and writes no report.
        var files = arguments.commands.map { SourceFile(name: "<command line>", text: $0) }
        for path in arguments.files {
            do {
                files.append(SourceFile(name: path, bytes: try FileIO.read(path: path, allowStreams: true)))
            } catch {
                output.writeError(DiagnosticRenderer(color: session.options.color).render(Diagnostic(.evaluation(.file(error.message)))))
                return 2
            }
        }
        for file in files {
            do {
                _ = try Parser.parse(file)
            } catch {
                output.writeError(DiagnosticRenderer(color: session.options.color).render(error))
                output.writeError("steppe: no report written: \(file.name) has a syntax error\n")
                return 2
            }
        }
        var status: Int32 = 0
        for file in files {
            if session.quitRequested { break }
            let outcome = session.run(file)
            if outcome.syntaxError { return 2 }
            if outcome.failures > 0 { status = 1 }
        }
        output.flush()
        if let failure = ReportLibrary.write(report) {
            output.writeError("steppe: error: cannot write the report: \(failure)\n")
            return 1
        }
        let statements = report.records.count
        output.writeError("wrote \(report.written.joined(separator: ", ")): \(statements) statement\(statements == 1 ? "" : "s")\n")
        return status
    }
}
