import Glibc

/// What one request for a line produced.
public enum ReadResult: Sendable, Equatable {
    /// A line of input, without its line terminator.
    case line(String)
    /// The user pressed Ctrl-C; the half-typed line was thrown away.
    case interrupted
    /// Ctrl-D on an empty line, or the input ended.
    case endOfInput
}

/// Where the REPL gets its lines: a terminal editor or plain standard input.
///
/// A reader is used from one thread; it is not `Sendable`.
public protocol LineReader: AnyObject {
    /// Shows `prompt` (when the reader shows prompts) and reads one line.
    func readLine(prompt: String) -> ReadResult
    /// Remembers `entry` for recall; empty entries and repeats of the last one are skipped.
    func addHistory(_ entry: String)
    /// Every remembered entry, oldest first.
    var history: [String] { get }
    /// Releases the terminal; the reader returns `.endOfInput` afterwards.
    func close()
}

extension LineReader {
    /// The last `n` history entries, oldest first (for `:history N`).
    public func last(_ n: Int) -> [String] {
        Array(history.suffix(max(0, n)))
    }
}

/// The reader that suits this process: line editing when both standard input
/// and standard output are terminals, plain reading otherwise (pipes, files,
/// `steppe > out.txt`, where prompts must not land in the output).
/// On a terminal without a loadable libedit, `warn` is told why and lines are
/// read as typed, after a plain prompt.
public func makeLineReader(completer: Completer? = nil, warn: (String) -> Void = { _ in }) -> any LineReader {
    if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 {
        if let reason = EditLineReader.unavailability() {
            warn("line editing is off (\(reason)); lines are read as typed")
            return PlainReader(showingPrompts: true)
        }
        if let editor = EditLineReader(completer: completer) { return editor }
    }
    return PlainReader()
}

/// The history rules both readers share, so `history` reads the same either way.
struct HistoryList {
    /// How many entries are kept in memory; the file keeps as many.
    let capacity: Int
    private(set) var entries: [String] = []

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Appends `entry` unless it is blank or repeats the last entry;
    /// returns whether it was added.
    mutating func add(_ entry: String) -> Bool {
        guard entry.contains(where: { !$0.isWhitespace }), entry != entries.last else {
            return false
        }
        entries.append(entry)
        if entries.count > capacity {
            entries.removeFirst(entries.count - capacity)
        }
        return true
    }
}
