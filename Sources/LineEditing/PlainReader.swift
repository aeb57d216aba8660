import CEditLine
import Glibc

/// Reads lines from a stream with `getline`: no editing, no libedit, and no
/// prompt unless asked for one.
///
/// Used when standard input is not a terminal (pipes, files, scripts), and on
/// a terminal where libedit cannot be loaded (with prompts). Lines
/// may be any length and the last one need not end in a newline. Bytes that
/// are not UTF-8 become U+FFFD rather than failing the read.
public final class PlainReader: LineReader {
    private var stream: UnsafeMutablePointer<FILE>?
    /// Whether `close()` must `fclose` the stream (not for the process's stdin).
    private let ownsStream: Bool
    /// `getline`'s buffer, kept between calls so long inputs allocate once.
    private var buffer: UnsafeMutablePointer<CChar>?
    private var bufferSize = 0
    private var list: HistoryList
    /// Whether each read first writes its prompt (someone is watching).
    private let showsPrompts: Bool

    /// Reads the process's standard input; with `showingPrompts`, each read
    /// writes its prompt to standard output first.
    public init(historyCapacity: Int = HistoryFile.capacity, showingPrompts: Bool = false) {
        stream = steppe_stdin()
        ownsStream = false
        list = HistoryList(capacity: historyCapacity)
        showsPrompts = showingPrompts
    }

    /// Reads from a duplicate of `fileDescriptor`; the caller keeps its own
    /// descriptor. Returns nil when the descriptor cannot be opened.
    public init?(fileDescriptor: Int32, historyCapacity: Int = HistoryFile.capacity) {
        let copy = dup(fileDescriptor)
        guard copy >= 0 else { return nil }
        guard let opened = fdopen(copy, "r") else {
            Glibc.close(copy)
            return nil
        }
        stream = opened
        ownsStream = true
        list = HistoryList(capacity: historyCapacity)
        showsPrompts = false
    }

    deinit {
        close()
    }

    /// Reads the next line. `prompt` is written first only when the reader
    /// shows prompts, without the `"\u{1}"` marks that bracket its escape
    /// sequences for libedit.
    ///
    /// A trailing `\n` (or `\r\n`) is removed. Ctrl-C while waiting returns
    /// `.interrupted` when ``Interrupt`` handling is installed.
    public func readLine(prompt: String) -> ReadResult {
        guard let stream else { return .endOfInput }
        // At a terminal (no libedit): the prompt, and Ctrl-C and Ctrl-Z
        // answered as with line editing (ReadingSignals: no restart).
        let terminal = showsPrompts
        let shown = terminal ? prompt.filter { $0 != "\u{1}" } : ""
        if terminal { steppe_write_stdout(shown) }
        while true {
            if terminal { ReadingSignals.begin() }
            let count = getline(&buffer, &bufferSize, stream)
            let failure = errno
            if terminal { ReadingSignals.end() }
            if count >= 0, let buffer {
                return .line(Self.decode(buffer, count: count))
            }
            guard ferror(stream) != 0, failure == EINTR else {
                // Ctrl-D: end the prompt's row, as libedit does.
                if terminal { steppe_write_stdout("\n") }
                return .endOfInput
            }
            // A signal cut the read short: a Ctrl-C is reported, anything
            // else (a resize, a child exiting) just means read again.
            clearerr(stream)
            if Interrupt.requested {
                Interrupt.clear()
                if terminal { steppe_write_stdout("\n") }
                return .interrupted
            }
            if terminal {
                if ReadingSignals.takeSuspend() {
                    ReadingSignals.suspend()
                    steppe_write_stdout("\n" + shown)
                }
                _ = ReadingSignals.takeResize()
            }
        }
    }

    public func addHistory(_ entry: String) {
        _ = list.add(entry)
    }

    public var history: [String] {
        list.entries
    }

    public func close() {
        if let stream, ownsStream {
            fclose(stream)
        }
        stream = nil
        free(buffer)
        buffer = nil
        bufferSize = 0
    }

    /// The line's text without its terminator, with invalid UTF-8 repaired.
    static func decode(_ bytes: UnsafePointer<CChar>, count: Int) -> String {
        var length = count
        let raw = UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self)
        if length > 0, raw[length - 1] == UInt8(ascii: "\n") {
            length -= 1
            if length > 0, raw[length - 1] == UInt8(ascii: "\r") {
                length -= 1
            }
        }
        return String(decoding: UnsafeBufferPointer(start: raw, count: length), as: UTF8.self)
    }
}
