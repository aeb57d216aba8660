#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// File and terminal access through libc, so the start-up path needs no Foundation.
public enum FileIO {
    public struct Failure: Error, Sendable {
        public var message: String
    }

    /// The whole file as bytes. Refuses folders and reports errno in words.
    public static func read(path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Failure(message: "cannot open '\(path)': \(errorText())") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Failure(message: "cannot read '\(path)': \(errorText())") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw Failure(message: "'\(path)' is a folder, not a file") }
        return try readAll(fd: fd, name: path, sizeHint: Int(st.st_size))
    }

    /// Reads a descriptor to its end (stdin when piped).
    public static func readAll(fd: Int32, name: String, sizeHint: Int = 0) throws(Failure) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(max(sizeHint, 4096))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "cannot read '\(name)': \(errorText())")
            }
            if n == 0 { return result }
            result.append(contentsOf: chunk[0..<n])
        }
    }

    public static func write(path: String, text: String) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Failure(message: "cannot write '\(path)': \(errorText())") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.write(fd, base + offset, raw.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "cannot write '\(path)': \(errorText())")
            }
            offset += n
        }
    }

    /// Writes straight to stderr (for messages before a session exists).
    public static func writeStandardError(_ s: String) {
        var bytes = Array(s.utf8)
        drain(&bytes, fd: 2)
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    public static func environment(_ name: String) -> String? {
        guard let p = getenv(name) else { return nil }
        return String(cString: p)
    }

    /// Seconds on a monotonic clock, for `:timer`.
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// The folder part of a path (`a/b/c.steppe` → `a/b`), for resolving `:run` paths.
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func errorText() -> String {
        guard let p = strerror(errno) else { return "error \(errno)" }
        return String(cString: p).lowercasedFirst
    }
}

extension String {
    var lowercasedFirst: String {
        guard let f = first else { return self }
        return f.lowercased() + dropFirst()
    }
}

/// Where results and diagnostics go. Buffered: written on `flush()`.
public final class OutputBuffer {
    private var out: [UInt8] = []
    private var err: [UInt8] = []
    /// Keep everything instead of writing it (tests, embedding).
    public let capturing: Bool
    /// What was written to stdout, when capturing.
    public private(set) var captured = ""
    /// What was written to stderr, when capturing.
    public private(set) var capturedErrors = ""

    public init(capture: Bool = false) {
        capturing = capture
        out.reserveCapacity(1 << 16)
    }
    public func write(_ s: String) {
        if capturing { captured += s; return }
        out.append(contentsOf: s.utf8)
        if out.count > 1 << 16 { flushOut() }
    }
    public func writeError(_ s: String) {
        if capturing { capturedErrors += s; return }
        flushOut()
        err.append(contentsOf: s.utf8)
        flushErr()
    }
    /// Empties what was captured and returns it.
    public func takeCaptured() -> (out: String, err: String) {
        defer { captured = ""; capturedErrors = "" }
        return (captured, capturedErrors)
    }
    public func flush() {
        flushOut()
        flushErr()
    }
    private func flushOut() { FileIO.drain(&out, fd: 1) }
    private func flushErr() { FileIO.drain(&err, fd: 2) }
}

extension FileIO {
    static func drain(_ buffer: inout [UInt8], fd: Int32) {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.write(fd, base + offset, raw.count - offset)
            }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                break
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
