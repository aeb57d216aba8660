import LineEditing
import SteppeCore

/// The interactive prompt: read, parse, evaluate, print, again (Lua's
/// `doREPL`). An unfinished statement asks for another line with the second
/// prompt; history keeps whole statements; an error never ends the session.
struct Prompt {
    let session: Session
    static let primary = "steppe> "
    static let continuation = "      | "

    func run() -> Int32 {
        let history = HistoryFile.standard()
        let saved = history?.load() ?? HistoryContents()
        for warning in saved.warnings { session.output.writeError("steppe: warning: \(warning)\n") }
        let reader = makeLineReader { [session] line, cursor in
            let c = session.completions(line: line, cursor: cursor)
            return Completion(replaceFrom: c.start, candidates: c.candidates, continuing: c.continuing)
        }
        for entry in saved.entries { reader.addHistory(entry) }
        session.historyProvider = { n in reader.last(n) }
        session.interruptRequested = { Interrupt.requested }
        banner()
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
                reader.addHistory(buffer)
                typed.append(buffer)
                buffer = ""
            }
        }
        return finish(history: history, typed: typed, reader: reader)
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
