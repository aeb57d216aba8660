import Dispatch
import Foundation
import Testing

@testable import LineEditing

@Suite struct PlainReaderTests {
    /// Feeds `bytes` through a pipe from another thread (a pipe holds only
    /// 64 KiB, so writing first and reading after would block) and returns
    /// everything the reader produced.
    func readThroughPipe(_ bytes: [UInt8]) -> [ReadResult] {
        var ends: [Int32] = [0, 0]
        precondition(pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let handle = FileHandle(fileDescriptor: writeEnd, closeOnDealloc: true)
            handle.write(Data(bytes))
            try? handle.close()
            done.signal()
        }
        var results: [ReadResult] = []
        if let reader = PlainReader(fileDescriptor: readEnd) {
            results = readAll(reader)
            reader.close()
        }
        close(readEnd)
        done.wait()
        return results
    }

    func readAll(_ reader: PlainReader) -> [ReadResult] {
        var results: [ReadResult] = []
        while true {
            let result = reader.readLine(prompt: "ignored> ")
            results.append(result)
            if result == .endOfInput || results.count > 10 { return results }
        }
    }

    @Test func readsLinesFromAPipe() {
        let results = readThroughPipe(Array("one\ntwo £ Қазақстан\n\nlast".utf8))
        #expect(results == [.line("one"), .line("two £ Қазақстан"), .line(""), .line("last"), .endOfInput])
    }

    @Test func readsALineLongerThanFourMebibytes() {
        let long = String(repeating: "0123456789abcdef", count: 300_000)  // 4.8 MB
        let results = readThroughPipe(Array((long + "\nshort\n" + long).utf8))
        #expect(results.count == 4)
        #expect(results[0] == .line(long))
        #expect(results[1] == .line("short"))
        #expect(results[2] == .line(long))
        #expect(results[3] == .endOfInput)
    }

    @Test func repairsInvalidUTF8() {
        let bytes: [UInt8] = Array("ok ".utf8) + [0xFF, 0xC3] + Array(" end\n".utf8) + [0xE2, 0x82]
        let results = readThroughPipe(bytes)
        #expect(results == [.line("ok \u{FFFD}\u{FFFD} end"), .line("\u{FFFD}"), .endOfInput])
    }

    @Test func dropsCarriageReturnBeforeNewline() {
        #expect(readThroughPipe(Array("dos\r\nline\r".utf8)) == [.line("dos"), .line("line\r"), .endOfInput])
    }

    @Test func emptyInputEndsAtOnce() {
        #expect(readThroughPipe([]) == [.endOfInput])
    }

    @Test func readsFromAFileAndKeepsHistory() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("script.steppe")
        writeFile(path, Array("let a = 1\nlet b = 2".utf8))
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        guard let reader = PlainReader(fileDescriptor: descriptor) else {
            Issue.record("could not open the reader")
            return
        }
        #expect(readAll(reader) == [.line("let a = 1"), .line("let b = 2"), .endOfInput])
        reader.addHistory("let a = 1")
        reader.addHistory("   ")
        reader.addHistory("let a = 1")
        reader.addHistory("let b = 2")
        #expect(reader.history == ["let a = 1", "let b = 2"])
        #expect(reader.last(1) == ["let b = 2"])
        #expect(reader.last(5) == ["let a = 1", "let b = 2"])
        #expect(reader.last(-1) == [])
        reader.close()
        #expect(reader.readLine(prompt: "") == .endOfInput)
    }
}
