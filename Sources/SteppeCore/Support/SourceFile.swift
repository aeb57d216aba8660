import Glibc

/// A named piece of steppe text: a script, a pack, a `-c` argument or a
/// prompt line. Holds the bytes once; tokens and AST nodes refer to it by
/// byte offsets so they stay small.
public final class SourceFile: Sendable {
    /// What diagnostics call it: a path, `<command line>` or `<stdin>`.
    public let name: String
    public let bytes: [UInt8]
    /// Line number of the first byte: 1, or for the `=` cell of a CSV or
    /// JSON pack, the line the cell stands on in its file.
    public let firstLine: Int
    private let lineStarts: [Int32]

    public convenience init(name: String, text: String, firstLine: Int = 1) {
        self.init(name: name, bytes: Array(text.utf8), firstLine: firstLine)
    }

    public init(name: String, bytes: [UInt8], firstLine: Int = 1) {
        self.name = name
        self.bytes = bytes
        self.firstLine = firstLine
        var starts: [Int32] = [0]
        // memchr finds each newline many bytes at a time (the built-in packs
        // are 23 KB, read at every start).
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let end = base + buffer.count
            var from = base
            while from < end, let found = memchr(from, Int32(UInt8(ascii: "\n")), end - from) {
                let newline = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                starts.append(Int32(truncatingIfNeeded: newline - base + 1))
                from = newline + 1
            }
        }
        self.lineStarts = starts
    }

    /// Line (from `firstLine`) and column (1-based, in characters) of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let index = lineIndex(of: offset)
        let start = Int(lineStarts[index])
        let end = min(max(offset, start), bytes.count)
        let prefix = String(decoding: bytes[start..<end], as: UTF8.self)
        return (index + firstLine, prefix.count + 1)
    }

    /// The text of the line holding `offset`, without its newline.
    public func lineText(containing offset: Int) -> String {
        let index = lineIndex(of: offset)
        let start = Int(lineStarts[index])
        var end = index + 1 < lineStarts.count ? Int(lineStarts[index + 1]) - 1 : bytes.count
        if end > start, end <= bytes.count, end - 1 >= start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// Byte offset where the line holding `offset` starts.
    public func lineStart(containing offset: Int) -> Int {
        Int(lineStarts[lineIndex(of: offset)])
    }

    /// How many lines the text has.
    public var lineCount: Int { lineStarts.count }

    public func text(_ range: SourceRange) -> String {
        let lo = max(0, min(range.start, bytes.count))
        let hi = max(lo, min(range.end, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    private func lineIndex(of offset: Int) -> Int {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(lineStarts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}

/// A span of bytes in one `SourceFile`.
public struct SourceRange: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }
    public static let none = SourceRange(0, 0)
    public func joined(_ other: SourceRange) -> SourceRange {
        SourceRange(min(start, other.start), max(end, other.end))
    }
}
