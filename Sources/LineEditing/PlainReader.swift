import CEditLine
import Glibc

/// Reads lines from a stream with `getline`: no prompt, no editing, no libedit.
///
/// Used when standard input is not a terminal (pipes, files, scripts). Lines
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

    /// Reads the process's standard input.
    public init(historyCapacity: Int = HistoryFile.capacity) {
        stream = steppe_stdin()
        ownsStream = false
        list = HistoryList(capacity: historyCapacity)
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
    }

    deinit {
        close()
    }

    /// Reads the next line; `prompt` is ignored because nobody is watching.
    ///
    /// A trailing `\n` (or `\r\n`) is removed. Ctrl-C while waiting returns
    /// `.interrupted` when ``Interrupt`` handling is installed.
    public func readLine(prompt: String) -> ReadResult {
        guard let stream else { return .endOfInput }
        while true {
            let count = getline(&buffer, &bufferSize, stream)
            if count >= 0, let buffer {
                return .line(Self.decode(buffer, count: count))
            }
            guard ferror(stream) != 0, errno == EINTR else { return .endOfInput }
            // A signal cut the read short: a Ctrl-C is reported, anything
            // else (a resize, a child exiting) just means read again.
            clearerr(stream)
            if Interrupt.requested {
                Interrupt.clear()
                return .interrupted
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
