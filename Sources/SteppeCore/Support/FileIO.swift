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

    /// The most that `read` and `readAll` take in: more is refused, not
    /// read until memory runs out.
    public static let maxBytes = 1 << 30

    /// The whole file as bytes. Only a regular file is read: a folder, a
    /// device (`/dev/zero` never ends, `/dev/tty` waits for typing), a FIFO
    /// (opening one waits for a writer) or a socket is refused with a clear
    /// message. With `allowStreams` a FIFO or a device is read to its end
    /// (`steppe <(…)` names a pipe), up to `maxBytes`.
    public static func read(path: String, allowStreams: Bool = false) throws(Failure) -> [UInt8] {
        guard !path.isEmpty else { throw Failure(message: "cannot open '': no file name given") }
        guard !path.utf8.contains(0) else { throw Failure(message: "cannot open '\(shown(path))': a file name cannot hold a NUL byte") }
        // O_NONBLOCK: opening a FIFO must not wait for a writer, and a
        // special file such as /proc/kmsg must not block the read.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(message: "cannot open '\(shown(path))': \(errorText())") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Failure(message: "cannot read '\(shown(path))': \(errorText())") }
        let type = st.st_mode & S_IFMT
        if type == S_IFDIR { throw Failure(message: "'\(shown(path))' is a folder, not a file") }
        if type == S_IFCHR && isDevNull(st) { return [] }
        if let what = specialKind(mode: st.st_mode) {
            guard allowStreams, type == S_IFCHR || type == S_IFIFO else {
                throw Failure(message: "'\(shown(path))' is \(what), not a file")
            }
            // Read a stream blocking, as stdin is read.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            return try readAll(fd: fd, name: shown(path))
        }
        if Int(st.st_size) > maxBytes {
            throw Failure(message: "'\(shown(path))' is too large (\(Int(st.st_size) >> 20) MiB; at most \(maxBytes >> 20) MiB is read)")
        }
        return try readAll(fd: fd, name: shown(path), sizeHint: Int(st.st_size))
    }

    /// What `path` is, in words, when it exists and is not a regular file
    /// (`a folder`, `a device`, `a pipe (FIFO)`, `a socket`); nil for a
    /// regular file or no file. For callers that open files themselves
    /// (dlopen waits forever on a FIFO).
    public static func specialKind(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return specialKind(mode: st.st_mode)
    }

    static func specialKind(mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFCHR: return "a device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a pipe (FIFO)"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    /// `/dev/null` (by any name) reads as an empty file.
    static func isDevNull(_ st: stat) -> Bool {
        var null = stat()
        return stat("/dev/null", &null) == 0 && (null.st_mode & S_IFMT) == S_IFCHR && null.st_rdev == st.st_rdev
    }

    /// A path as messages show it: control characters escaped, so a name
    /// with a newline or an escape sequence cannot garble the terminal.
    static func shown(_ path: String) -> String {
        var out = ""
        for u in path.unicodeScalars {
            if u.value < 0x20 || u.value == 0x7F {
                out += "\\u{" + String(u.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Reads a descriptor to its end (stdin when piped), up to `maxBytes`.
    public static func readAll(fd: Int32, name: String, sizeHint: Int = 0) throws(Failure) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(min(max(sizeHint + 1, 4096), maxBytes + 1))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    throw Failure(message: "cannot read '\(name)': it has nothing to read now (a special file?)")
                }
                throw Failure(message: "cannot read '\(name)': \(errorText())")
            }
            if n == 0 { return result }
            if result.count + n > maxBytes {
                throw Failure(message: "'\(name)' is too large (more than \(maxBytes >> 20) MiB)")
            }
            result.append(contentsOf: chunk[0..<n])
        }
    }

    /// Writes a file whole, or not at all: the text goes to a temporary file
    /// beside it, which then replaces it by rename, so a failed write (a full
    /// disk) never leaves half a file. Refuses a folder, a device or a FIFO
    /// (writing to one would wait for a reader).
    public static func write(path: String, text: String) throws(Failure) {
        guard !path.isEmpty else { throw Failure(message: "cannot write '': no file name given") }
        guard !path.utf8.contains(0) else { throw Failure(message: "cannot write '\(shown(path))': a file name cannot hold a NUL byte") }
        var st = stat()
        let exists = stat(path, &st) == 0
        if exists {
            let type = st.st_mode & S_IFMT
            if type == S_IFDIR { throw Failure(message: "cannot write '\(shown(path))': it is a folder") }
            if type != S_IFREG { throw Failure(message: "cannot write '\(shown(path))': it is not a regular file") }
        }
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(message: "cannot write '\(shown(path))': \(errorText())") }
        // A file written again keeps its permissions.
        if exists { _ = fchmod(fd, st.st_mode & 0o7777) }
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.write(fd, base + offset, raw.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let message = "cannot write '\(shown(path))': \(errorText())"
                close(fd)
                throw Failure(message: message)
            }
            offset += n
        }
        if close(fd) != 0 { throw Failure(message: "cannot write '\(shown(path))': \(errorText())") }
        guard rename(temporary, path) == 0 else { throw Failure(message: "cannot write '\(shown(path))': \(errorText())") }
        ok = true
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

    /// The names in a folder (without `.` and `..`); empty when it cannot be read.
    public static func list(_ folder: String) -> [String] {
        guard let handle = opendir(folder) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

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
        if onceFD != nil { onceWritten = true }
        if capturing && onceFD == nil && resultFD == 1 { captured += s; return }
        out.append(contentsOf: s.utf8)
        if out.count > 1 << 16 { flushOut() }
    }
    /// Where results go: stdout (1), or a file `:output` opened.
    private var resultFD: Int32 = 1
    /// The file `:once` opened, for the next statement that shows a result.
    private var onceFD: Int32?
    private var onceWritten = false
    /// Results go to `fd` (a file made by `:output`) from now on; nil: stdout again.
    public func redirect(to fd: Int32?) {
        flushOut()
        if resultFD != 1 { close(resultFD) }
        resultFD = fd ?? 1
    }
    /// Only the next statement's results go to `fd` (`:once`).
    public func once(to fd: Int32) {
        flushOut()
        if let old = onceFD { close(old) }
        onceFD = fd
        onceWritten = false
    }
    /// A statement ended: a `:once` file that took its results is closed.
    public func endStatement() {
        guard let fd = onceFD, onceWritten else { return }
        flushOut()
        close(fd)
        onceFD = nil
        onceWritten = false
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
    private func flushOut() { FileIO.drain(&out, fd: onceFD ?? resultFD) }
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
