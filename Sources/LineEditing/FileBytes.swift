import Glibc

/// The few file operations history needs, on plain POSIX calls (no
/// Foundation: this module is on steppe's start-up path).
enum FileBytes {
    enum ReadResult {
        case bytes([UInt8])
        case missing
        case failed(String)
        /// A device, a FIFO, a socket: never read, replaced or moved aside.
        case notAFile(String)
    }

    /// History larger than this is not steppe's (1,000 entries).
    static let maxBytes = 64 << 20

    /// The whole file at `path`, if it is a regular file.
    static func read(_ path: String) -> ReadResult {
        // O_NONBLOCK: opening a FIFO must not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return errno == ENOENT ? .missing : .failed(lastError())
        }
        defer { close(descriptor) }
        if let what = specialKind(descriptor: descriptor) { return .notAFile(what) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes += chunk[..<count]
                if bytes.count > maxBytes { return .failed("larger than \(maxBytes >> 20) MiB") }
            } else if count == 0 {
                return .bytes(bytes)
            } else if errno != EINTR {
                return .failed(lastError())
            }
        }
    }

    /// What `path` is when it exists and is a device, a FIFO or a socket;
    /// nil for a regular file, a folder (unreadable: it is set aside) or no file.
    static func specialKind(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return specialKind(mode: st.st_mode)
    }

    static func specialKind(descriptor: Int32) -> String? {
        var st = stat()
        guard fstat(descriptor, &st) == 0 else { return nil }
        return specialKind(mode: st.st_mode)
    }

    static func specialKind(mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFIFO: return "a FIFO"
        default: return "not a regular file"
        }
    }

    /// Writes all of `bytes`, resuming after short writes and signals.
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(
                    descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// Creates `folder` and any missing parents with mode 0700 (history is
    /// private); folders that exist are left as they are.
    static func makeFolders(_ folder: String) -> Bool {
        var current = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o700) != 0, errno != EEXIST {
                return false
            }
        }
        return true
    }

    /// Makes a rename in `folder` durable; failure only loses durability.
    static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// The text for the current `errno`.
    static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

/// An exclusive `flock` on a lock file, held until ``release()``.
///
/// The lock is on a separate file, not the history itself, because the
/// history is replaced by rename: a lock on the old inode would not stop a
/// second writer that opened the new one.
struct FileLock {
    private let descriptor: Int32

    /// Blocks until the lock is held; nil when the lock file cannot be opened.
    init?(path: String) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                return nil
            }
        }
        self.descriptor = descriptor
    }

    func release() {
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
