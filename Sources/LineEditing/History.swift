import Glibc

/// The entries read from a history file, and what went wrong on the way.
public struct HistoryContents: Sendable, Equatable {
    /// Entries, oldest first.
    public var entries: [String]
    /// Messages for the user (a file set aside, a file that could not be
    /// read); empty when all went well.
    public var warnings: [String]

    public init(entries: [String] = [], warnings: [String] = []) {
        self.entries = entries
        self.warnings = warnings
    }
}

/// steppe's history file: one entry per line, UTF-8, with `\n` and `\` in an
/// entry written as `\n` and `\\`, so a multi-line statement is one entry.
///
/// The format is steppe's own, not libedit's (`_HiStOrY_V2_` with octal
/// escapes), so the file stays readable and greppable.
///
/// Saving merges: it locks `<path>.lock`, re-reads the file, appends this
/// session's entries, keeps the last ``capacity``, and replaces the file
/// atomically. Two sessions that exit together both keep their lines.
///
/// ```swift
/// let file = HistoryFile.standard()
/// let loaded = file?.load()          // show loaded.warnings, seed the reader
/// var sessionEntries: [String] = []  // what the user typed this session
/// // ... at exit:
/// let warnings = file?.save(newEntries: sessionEntries)
/// ```
public struct HistoryFile: Sendable, Equatable {
    /// How many entries the file keeps.
    public static let capacity = 1_000

    /// Where the entries are.
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The file for this user: `$STEPPE_HISTORY`, else
    /// `$XDG_STATE_HOME/steppe/history`, else `~/.local/state/steppe/history`.
    /// Nil when there is no home folder to put it in.
    public static func standard() -> HistoryFile? {
        let names = ["STEPPE_HISTORY", "XDG_STATE_HOME", "HOME"]
        var environment: [String: String] = [:]
        for name in names {
            if let value = getenv(name) {
                environment[name] = String(cString: value)
            }
        }
        if environment["HOME", default: ""].isEmpty, let home = homeFromPasswordFile() {
            environment["HOME"] = home
        }
        return defaultPath(environment: environment).map(HistoryFile.init(path:))
    }

    /// The path ``standard()`` picks for the given environment.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let path = environment["STEPPE_HISTORY"], !path.isEmpty {
            return path
        }
        // The XDG spec says to ignore a relative XDG_STATE_HOME.
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/steppe/history"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.local/state/steppe/history"
        }
        return nil
    }

    private static func homeFromPasswordFile() -> String? {
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else {
            return nil
        }
        let home = String(cString: directory)
        return home.isEmpty ? nil : home
    }

    /// Where a damaged file is moved so that nothing is lost.
    var asidePath: String { path + ".corrupt" }
    var lockPath: String { path + ".lock" }
    var folder: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    // MARK: - Loading

    /// The saved entries. A missing file is an empty history; a file that is
    /// not steppe history (binary, invalid UTF-8, unreadable) is renamed to
    /// `<path>.corrupt` and reported in `warnings`.
    public func load() -> HistoryContents {
        var warnings: [String] = []
        let entries = readEntries(warnings: &warnings) ?? []
        return HistoryContents(entries: entries, warnings: warnings)
    }

    /// The saved entries, read without touching the file: a missing or
    /// damaged file reads as empty. For `:history` in a script, which must
    /// not move anything aside (`--safe` may be on).
    public func savedEntries() -> [String] {
        guard case .bytes(let bytes) = FileBytes.read(path) else { return [] }
        return Self.parse(bytes) ?? []
    }

    /// The entries on disk now; nil when a damaged file could not be moved
    /// aside (so a save must not replace it).
    private func readEntries(warnings: inout [String]) -> [String]? {
        let problem: String
        switch FileBytes.read(path) {
        case .missing:
            return []
        case .notAFile(let what):
            // STEPPE_HISTORY=/dev/null turns history off, quietly; anything
            // else that is not a file is left alone (never replaced by
            // rename, which as root would replace /dev/null itself).
            if path != "/dev/null" {
                warnings.append("history file \(path) is \(what), not a file: history is not kept")
            }
            return nil
        case .failed(let reason):
            problem = "could not be read (\(reason))"
        case .bytes(let bytes):
            if let entries = Self.parse(bytes) {
                return entries
            }
            problem = "is not a steppe history file"
        }
        return setAside(problem: problem, warnings: &warnings) ? [] : nil
    }

    private func setAside(problem: String, warnings: inout [String]) -> Bool {
        var target = asidePath
        var number = 2
        while access(target, F_OK) == 0, number < 100 {
            target = asidePath + ".\(number)"
            number += 1
        }
        guard rename(path, target) == 0 else {
            warnings.append(
                "history file \(path) \(problem), and moving it aside failed: "
                    + "\(FileBytes.lastError()); history will not be saved")
            return false
        }
        warnings.append(
            "history file \(path) \(problem); moved it to \(target) and started a new one")
        return true
    }

    /// Entries from the file's bytes, or nil when they are not our format.
    static func parse(_ bytes: [UInt8]) -> [String]? {
        guard !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) else {
            return nil
        }
        // libedit's own format: someone pointed STEPPE_HISTORY at an old file.
        if text.hasPrefix("_HiStOrY_V2_") { return nil }
        return text.split(separator: "\n").map(decode)
    }

    // MARK: - Saving

    /// Adds `newEntries` (this session's entries, each passed to one save
    /// only) to what is on disk now, keeps the last ``capacity`` entries and
    /// replaces the file with mode 0600. Returns warnings; empty on success.
    @discardableResult
    public func save(newEntries: [String]) -> [String] {
        let added = newEntries.filter { !$0.isEmpty }
        // A session that typed nothing leaves the file alone.
        guard !added.isEmpty else { return [] }
        // Not a file (the load said so): leave it, and no lock file beside it.
        guard FileBytes.specialKind(path) == nil else { return [] }
        var warnings: [String] = []
        guard FileBytes.makeFolders(folder) else {
            return ["could not create \(folder) for history: \(FileBytes.lastError())"]
        }
        guard let lock = FileLock(path: lockPath) else {
            return ["could not lock \(lockPath): \(FileBytes.lastError()); history not saved"]
        }
        defer { lock.release() }

        guard var entries = readEntries(warnings: &warnings) else { return warnings }
        entries += added
        let kept = entries.suffix(Self.capacity)
        var text = ""
        for entry in kept {
            text += Self.encode(entry)
            text += "\n"
        }
        if let failure = replace(with: Array(text.utf8)) {
            warnings.append("could not save history to \(path): \(failure)")
        }
        return warnings
    }

    /// Writes a temporary file beside the history and renames it over, so
    /// a crash leaves either the old file or the new one, never half.
    private func replace(with bytes: [UInt8]) -> String? {
        let temporary = path + ".tmp.\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return FileBytes.lastError() }
        // The mode asked of open() is reduced by the umask; history is private.
        var failure: String?
        if fchmod(descriptor, 0o600) != 0 || !FileBytes.write(bytes, to: descriptor)
            || fsync(descriptor) != 0
        {
            failure = FileBytes.lastError()
        }
        Glibc.close(descriptor)
        if failure == nil, rename(temporary, path) != 0 {
            failure = FileBytes.lastError()
        }
        if let failure {
            unlink(temporary)
            return failure
        }
        FileBytes.syncFolder(folder)
        return nil
    }

    // MARK: - Format

    /// One entry as one line: `\` becomes `\\` and a newline becomes `\n`.
    static func encode(_ entry: String) -> String {
        var line = ""
        line.reserveCapacity(entry.utf8.count)
        for scalar in entry.unicodeScalars {
            switch scalar {
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            default: line.unicodeScalars.append(scalar)
            }
        }
        return line
    }

    /// The entry a line stands for. An unknown escape is kept as written.
    static func decode(_ line: Substring) -> String {
        var entry = ""
        var escaped = false
        for scalar in line.unicodeScalars {
            if escaped {
                switch scalar {
                case "n": entry += "\n"
                case "\\": entry += "\\"
                default: entry += "\\" + String(scalar)
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                entry.unicodeScalars.append(scalar)
            }
        }
        if escaped { entry += "\\" }
        return entry
    }
}
