import LineEditing
import SteppeCore

/// The interactive prompt: read, parse, evaluate, print, again (Lua's
/// `doREPL`). An unfinished statement asks for another line with the second
/// prompt; history keeps whole statements; an error never ends the session.
struct Prompt {
    let session: Session
    /// The command line, for the start-up file (`--init`, `--no-init`).
    var options = CommandLineOptions()
    static let primary = "steppe> "
    static let continuation = "      | "

    func run() -> Int32 {
        let history = HistoryFile.standard()
        let saved = history?.load() ?? HistoryContents()
        for warning in saved.warnings { session.output.writeError("steppe: warning: \(warning)\n") }
        let reader = makeLineReader(
            completer: { [session] line, cursor in
                let c = session.completions(line: line, cursor: cursor)
                return Completion(replaceFrom: c.start, candidates: c.candidates, continuing: c.continuing)
            },
            warn: { [session] in session.output.writeError("steppe: warning: \($0)\n") })
        for entry in saved.entries { reader.addHistory(entry) }
        session.historyProvider = { n in reader.last(n) }
        session.interruptRequested = { Interrupt.requested }
        banner()
        StartupFile.run(options, in: session)
        // After the start-up file, so that an `:edit` in it is told it is no prompt.
        let edit = EditCommand()
        edit.register(in: session) { reader.history.last }
        var typed: [String] = []
        var buffer = ""
        while !session.quitRequested {
            session.flush()
            switch reader.readLine(prompt: buffer.isEmpty ? Prompt.primary : Prompt.continuation) {
            case .endOfInput:
                return finish(history: history, typed: typed, reader: reader)
            case .interrupted:
                buffer = ""
                continue
            case .line(let line):
                let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
                if buffer.isEmpty && blank { continue }
                let forced = !buffer.isEmpty && blank
                buffer += buffer.isEmpty ? line : "\n" + line
                session.options.width = EditLineReader.terminalWidth()
                Interrupt.install()
                Interrupt.clear()
                let outcome = session.run(SourceFile(name: "<stdin>", text: buffer), interactive: !forced)
                if outcome.incomplete { continue }
                // `:edit` gives way, in history too, to the statement it ran.
                let entry = edit.take().map(runEdited) ?? buffer
                reader.addHistory(entry)
                typed.append(entry)
                buffer = ""
            }
        }
        return finish(history: history, typed: typed, reader: reader)
    }

    /// Runs what `:edit` saved as if it had been typed (an unfinished
    /// statement is an error, as an empty line after it would make it), and
    /// returns it for history.
    func runEdited(_ text: String) -> String {
        session.output.write(text + "\n")
        Interrupt.clear()
        let source = SourceFile(name: "<stdin>", text: text)
        if session.run(source, interactive: true).incomplete {
            _ = session.run(source, interactive: false)
        }
        return text
    }

    func banner() {
        let counts = session.factCounts
        let title = session.store.sources["article"]?.title ?? "the article"
        let dim = session.options.color ? "\u{1B}[2m" : ""
        let reset = session.options.color ? "\u{1B}[0m" : ""
        session.output.write("\(SteppeVersion.text) · \(counts.article) facts from \"\(title)\" + \(counts.references) reference figures\n")
        session.output.write("\(dim)Enter :help for help, :quit or Ctrl-D to leave.\(reset)\n")
    }

    func finish(history: HistoryFile?, typed: [String], reader: any LineReader) -> Int32 {
        session.flush()
        reader.close()
        for warning in history?.save(newEntries: typed) ?? [] {
            session.output.writeError("steppe: warning: \(warning)\n")
        }
        session.flush()
        return 0
    }
}
