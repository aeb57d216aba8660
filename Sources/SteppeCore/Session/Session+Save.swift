#if canImport(Glibc)
import Glibc
#endif

/// What the session added, for `:save`; and where results go (`:output`, `:once`).
extension Session {
    /// One entry of what `:save` writes, in the order it ran.
    enum SavedItem {
        /// A statement as written (a fact's source made explicit).
        case statement(String)
        /// A `.steppe` pack, written as its text. The file is kept rather
        /// than a decoded copy, so a big pack is held once, not twice.
        case pack(SourceFile)
        /// A CSV or JSON pack, written as the statements it amounted to.
        case table(TablePackRecord)
    }

    /// Notes a statement that ran without error, when it is one `:save` keeps.
    func record(_ statement: Statement, in file: SourceFile) {
        // An expression (most statements) is not kept: its text is not made.
        if case .expression = statement { return }
        var text = file.text(statement.range)
        switch statement {
        case .letBinding, .set, .def, .source, .entity, .unit, .rule:
            break
        case .fact(_, _, _, let clauses, _):
            // A fact without `from` takes the session's last source: say which,
            // so that a pack replayed before it does not change it.
            if !clauses.contains(where: { $0.keyword == "from" }), let pack = sessionPack {
                text += " from \(packSources[pack] ?? "session")"
            }
        default:
            return
        }
        saveLog.append(.statement(text))
    }

    /// Reads a pack by its extension and loads it, all or nothing: `.steppe`,
    /// `.csv`, `.json` or `.jsonl` (any other is read as `.steppe`). `source`
    /// gives every row of a CSV or JSON pack that source.
    public func loadPackFile(_ file: SourceFile, source: String? = nil) throws(Diagnostic) {
        let format = PackFormat(path: file.name) ?? .steppe
        if format == .steppe {
            if let source {
                throw Diagnostic(.pack(.fromNeedsTablePack(source)), notes: ["a fact in a .steppe pack says its own source: fact S.P = X from SOURCE"])
            }
            try loadPack(file)
            saveLog.append(.pack(file))
            return
        }
        if let source, store.sources[source] == nil {
            throw Diagnostic(.evaluation(.unknownSource(source)), notes: suggestions(source, among: store.sourceOrder)
                             + ["declare it first: source \(source) \"TITLE\" kind reference"])
        }
        let record = try loadTablePack(file, format: format, source: source)
        saveLog.append(.table(record))
    }

    /// Splits `:load`'s argument into the file and the `from SOURCE` after it.
    static func splitLoadArgument(_ arg: String) -> (path: String, source: String?) {
        let t = Substring(arg.trimmed)
        guard let space = t.lastIndex(of: " ") else { return (arg, nil) }
        let source = String(t[t.index(after: space)...])
        var rest = t[..<space]
        while rest.last == " " { rest.removeLast() }
        guard TablePackLoader.isName(source), rest.hasSuffix(" from") else { return (arg, nil) }
        return (String(rest.dropLast(5)).trimmed, source)
    }

    /// Where `word` is last written inside `range` (the source of `:load … from SOURCE`).
    static func lastRange(of word: String, in range: SourceRange, of file: SourceFile) -> SourceRange {
        let w = Array(word.utf8)
        var i = min(range.end, file.bytes.count) - w.count
        while i >= range.start {
            if file.bytes[i..<(i + w.count)].elementsEqual(w) { return SourceRange(i, i + w.count) }
            i -= 1
        }
        return range
    }

    /// The script `:save` writes.
    func savedScript() -> String {
        var out = "# A steppe session, written by :save. Run it with: steppe FILE\n"
        for item in saveLog {
            switch item {
            case .statement(let s):
                out += s + "\n"
            case .pack(let file):
                let text = String(decoding: file.bytes, as: UTF8.self)
                out += "# the pack \(file.name)\n" + text + (text.hasSuffix("\n") || text.isEmpty ? "" : "\n")
            case .table(let record):
                let n = record.newEntities.count
                out += "# the pack \(record.file.name)" + (n > 0 ? ", which made \(n) new entit\(n == 1 ? "y" : "ies")" : "") + "\n"
                for line in statements(of: record) { out += line + "\n" }
            }
        }
        return out
    }

    /// `:save`, `:output` and `:once`.
    func outputCommand(_ command: String, _ arg: String, range: SourceRange) throws {
        if options.safe { throw EvalError(.refusedWhenSafe(":\(command)"), range, notes: ["--safe allows no file writes"]) }
        let path = Session.unquote(arg)
        switch command {
        case "save":
            guard !path.isEmpty else { throw EvalError(.needsFile("save", showUsage: true), range) }
            do { try FileIO.write(path: path, text: savedScript()) } catch { throw EvalError(.file(error.message), range) }
        case "output":
            if path.isEmpty {
                output.redirect(to: nil)
                return
            }
            do { output.redirect(to: try FileIO.create(path: path)) } catch { throw EvalError(.file(error.message), range) }
        default:
            guard !path.isEmpty else { throw EvalError(.needsFile("once", showUsage: true), range) }
            do { output.once(to: try FileIO.create(path: path)) } catch { throw EvalError(.file(error.message), range) }
        }
    }
}

extension FileIO {
    /// Opens a file for writing, made anew (truncated), for `:output` and `:once`.
    /// Refuses a folder and anything but a regular file or a terminal-like device.
    public static func create(path: String) throws(Failure) -> Int32 {
        guard !path.utf8.contains(0) else { throw Failure(message: "cannot write '\(shown(path))': a file name cannot hold a NUL byte") }
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            throw Failure(message: "cannot write '\(shown(path))': it is a folder")
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NONBLOCK, 0o644)
        guard fd >= 0 else { throw Failure(message: "cannot write '\(shown(path))': \(errorText())") }
        // Non-blocking only for the open (a FIFO with no reader fails at once).
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }
}
