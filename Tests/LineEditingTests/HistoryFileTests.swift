import Dispatch
import Foundation
import Synchronization
import Testing

@testable import LineEditing

@Suite struct HistoryFileTests {
    @Test func escapingRoundTrips() {
        let entries = [
            "plain", "two\nlines", #"back\slash"#, #"literal \n stays"#, #"ends with \"#,
            "£ Қазақстан 日本", "\\\n\\\\\n", "tab\tand\rcarriage",
        ]
        for entry in entries {
            let line = HistoryFile.encode(entry)
            #expect(!line.contains("\n"))
            #expect(HistoryFile.decode(Substring(line)) == entry)
        }
        #expect(HistoryFile.encode("a\nb\\c") == #"a\nb\\c"#)
    }

    @Test func savedEntriesLoadBackUnchanged() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let file = HistoryFile(path: folder.file("history"))
        let entries = ["let x = 1\nlet y = 2", #"path\to\thing"#, "£ Қазақстан"]
        #expect(file.save(newEntries: entries).isEmpty)
        #expect(file.load() == HistoryContents(entries: entries))
        let onDisk = String(decoding: readFile(file.path) ?? [], as: UTF8.self)
        #expect(onDisk == #"let x = 1\nlet y = 2"# + "\n" + #"path\\to\\thing"# + "\n£ Қазақстан\n")
    }

    @Test func missingFileIsEmptyHistory() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        #expect(HistoryFile(path: folder.file("none")).load() == HistoryContents())
    }

    @Test func keepsTheLastThousandEntries() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let file = HistoryFile(path: folder.file("history"))
        file.save(newEntries: (1...700).map { "first \($0)" })
        file.save(newEntries: (1...600).map { "second \($0)" })
        let entries = file.load().entries
        #expect(entries.count == HistoryFile.capacity)
        #expect(entries.first == "first 301")
        #expect(entries.last == "second 600")
    }

    @Test func sessionsExitingTogetherKeepBothSessionsLines() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("history")
        HistoryFile(path: path).save(newEntries: ["old"])
        // Both sessions loaded "old"; each saves only what it added.
        let first = HistoryFile(path: path)
        let second = HistoryFile(path: path)
        first.save(newEntries: ["a1", "a2"])
        second.save(newEntries: ["b1"])
        first.save(newEntries: ["a3"])
        #expect(HistoryFile(path: path).load().entries == ["old", "a1", "a2", "b1", "a3"])
    }

    @Test func concurrentSavesLoseNothing() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("state/steppe/history")
        let writers = 8
        let perWriter = 25
        // Separate HistoryFile values on separate threads each open the lock
        // file themselves, so flock excludes them as it would two processes.
        let warnings = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            let file = HistoryFile(path: path)
            for index in 0..<perWriter {
                let problems = file.save(newEntries: ["w\(writer) e\(index)"])
                warnings.withLock { $0 += problems }
            }
        }
        #expect(warnings.withLock { $0 } == [])
        let entries = HistoryFile(path: path).load().entries
        #expect(entries.count == writers * perWriter)
        #expect(Set(entries).count == writers * perWriter)
        for writer in 0..<writers {
            let own = entries.filter { $0.hasPrefix("w\(writer) ") }
            #expect(own == (0..<perWriter).map { "w\(writer) e\($0)" })
        }
    }

    @Test func fileIsPrivate() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("new/steppe/history")
        #expect(HistoryFile(path: path).save(newEntries: ["secret"]).isEmpty)
        #expect(permissions(path) == 0o600)
        #expect(permissions(folder.file("new/steppe")) == 0o700)
        // A file someone opened up is private again after the next save.
        chmod(path, 0o644)
        #expect(HistoryFile(path: path).save(newEntries: ["another"]).isEmpty)
        #expect(permissions(path) == 0o600)
        // No temporary file is left behind.
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.file("new/steppe")))
        #expect(Set(names ?? []) == ["history", "history.lock"])
    }

    @Test func corruptFileIsSetAsideWithAWarning() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let file = HistoryFile(path: folder.file("history"))
        let garbage: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x00, 0xFF, 0xFE, 0x0A, 0xC3]
        writeFile(file.path, garbage)

        let loaded = file.load()
        #expect(loaded.entries.isEmpty)
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.contains("history.corrupt") == true)
        #expect(!fileExists(file.path))
        #expect(readFile(file.path + ".corrupt") == garbage)

        #expect(file.save(newEntries: ["fresh"]).isEmpty)
        #expect(file.load() == HistoryContents(entries: ["fresh"]))
    }

    @Test func aFIFOIsNeitherReadNorReplaced() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("fifo")
        #expect(mkfifo(path, 0o600) == 0)
        let file = HistoryFile(path: path)
        // Opening a FIFO for reading would wait for a writer forever.
        let loaded = file.load()
        #expect(loaded.entries.isEmpty)
        #expect(loaded.warnings.first?.contains("is a FIFO, not a file") == true)
        #expect(file.save(newEntries: ["x"]).isEmpty)
        var st = stat()
        #expect(stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
        #expect(!fileExists(path + ".lock"))
    }

    @Test func devNullTurnsHistoryOffQuietly() {
        // Saving must never rename a file over /dev/null (as root it would
        // replace the device); `load` and `save` only look at it.
        let file = HistoryFile(path: "/dev/null")
        #expect(file.load() == HistoryContents())
        #expect(file.save(newEntries: ["x"]).isEmpty)
        var st = stat()
        #expect(stat("/dev/null", &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func secondCorruptFileDoesNotOverwriteTheFirst() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let file = HistoryFile(path: folder.file("history"))
        writeFile(file.path, [0xFF])
        _ = file.load()
        writeFile(file.path, [0xFE])
        let loaded = file.load()
        #expect(loaded.warnings.first?.contains("history.corrupt.2") == true)
        #expect(readFile(file.path + ".corrupt") == [0xFF])
        #expect(readFile(file.path + ".corrupt.2") == [0xFE])
    }

    @Test func invalidUTF8FoundWhileSavingIsSetAsideNotOverwritten() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let file = HistoryFile(path: folder.file("history"))
        writeFile(file.path, Array("good\n".utf8) + [0xC0, 0x80])
        let warnings = file.save(newEntries: ["mine"])
        #expect(warnings.count == 1)
        #expect(file.load().entries == ["mine"])
        #expect(readFile(file.path + ".corrupt") == Array("good\n".utf8) + [0xC0, 0x80])
    }

    @Test func unreadableFileIsSetAside() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let file = HistoryFile(path: folder.file("history"))
        // A folder where the file should be fails to read even for root.
        mkdir(file.path, 0o700)
        let loaded = file.load()
        #expect(loaded.entries.isEmpty)
        #expect(loaded.warnings.first?.contains("could not be read") == true)
        #expect(fileExists(file.path + ".corrupt"))
    }

    @Test func libeditHistoryIsNotMistakenForOurs() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let file = HistoryFile(path: folder.file("history"))
        writeFile(file.path, Array("_HiStOrY_V2_\nlet\\040x\n".utf8))
        let loaded = file.load()
        #expect(loaded.entries.isEmpty)
        #expect(loaded.warnings.count == 1)
    }

    @Test func defaultPathFollowsTheEnvironment() {
        #expect(
            HistoryFile.defaultPath(environment: ["STEPPE_HISTORY": "/x/h", "HOME": "/home/u"])
                == "/x/h")
        #expect(
            HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/home/u"])
                == "/s/steppe/history")
        #expect(
            HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/u"])
                == "/home/u/.local/state/steppe/history")
        #expect(
            HistoryFile.defaultPath(environment: ["STEPPE_HISTORY": "", "HOME": "/home/u"])
                == "/home/u/.local/state/steppe/history")
        #expect(HistoryFile.defaultPath(environment: [:]) == nil)
    }
}
