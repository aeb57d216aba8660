import Foundation
import Testing
@testable import SteppeCore

/// The pieces behind "no input crashes or hangs steppe" (README, "Robustness
/// and fuzzing"); Tests/RobustnessTests drives the whole binary.
@Suite struct FileIORobustnessTests {
    func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-fileio-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func message(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let e as FileIO.Failure { return e.message } catch { return "\(error)" }
    }

    @Test func onlyRegularFilesAreRead() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opening a FIFO with no writer would wait forever.
        #expect(message { _ = try FileIO.read(path: fifo) }?.contains("is a pipe (FIFO), not a file") == true)
        #expect(message { _ = try FileIO.read(path: "/dev/zero") }?.contains("is a device, not a file") == true)
        #expect(message { _ = try FileIO.read(path: dir) }?.contains("is a folder, not a file") == true)
        #expect(message { _ = try FileIO.read(path: dir + "/none") }?.contains("no such file") == true)
        #expect(message { _ = try FileIO.read(path: "a\u{0}b") }?.contains("NUL") == true)
        #expect(try FileIO.read(path: "/dev/null") == [])
        // A FIFO named on the command line (`steppe <(…)`) may be read.
        #expect(try FileIO.read(path: fifo, allowStreams: true) == [])
    }

    @Test func controlCharactersInPathsAreShownEscaped() {
        let m = message { _ = try FileIO.read(path: "/no/such/\u{1B}[2J") }
        #expect(m?.contains("\\u{1b}[2J") == true)
        #expect(m?.contains("\u{1B}") == false)
    }

    @Test func writesAreWholeAndRefuseSpecialFiles() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.svg"
        try FileIO.write(path: path, text: "first")
        try FileIO.write(path: path, text: "second")
        #expect(try FileIO.read(path: path) == Array("second".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.svg"])
        #expect(message { try FileIO.write(path: dir, text: "x") }?.contains("it is a folder") == true)
        let fifo = dir + "/fifo.svg"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(message { try FileIO.write(path: fifo, text: "x") }?.contains("not a regular file") == true)
        #expect(message { try FileIO.write(path: dir + "/no/such/x.svg", text: "x") }?.contains("cannot write") == true)
    }
}

@Suite struct DepthRobustnessTests {
    @Test func chainsAndPathsCannotMakeATreeTooDeepToFree() {
        let sum = Array(repeating: "1", count: 100_000).joined(separator: " + ")
        #expect(parseError(sum)?.message.contains("500 operations inside one another") == true)
        #expect(parseError("kazakhstan" + String(repeating: ".name", count: 100_000))?.message.contains("nested too deeply") == true)
        #expect(parseError(String(repeating: "2 ^ ", count: 100_000) + "2")?.message.contains("more than 200 levels") == true)
        #expect(parseError(Array(repeating: "1", count: 500).joined(separator: " + ")) == nil)
        #expect(parseError(String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)) == nil)
        #expect(place(parseError(String(repeating: "[", count: 201) + "1" + String(repeating: "]", count: 201))) == "1:201")
    }

    @Test func theStackGuardStopsRecursionOnASmallStack() {
        // 256 KiB, as a secondary thread may have: recursion asks the guard
        // and stops well before the end of the stack.
        final class Box: @unchecked Sendable { var depth = 0 }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.depth = DepthRobustnessTests.recurse(0)
            done.signal()
        }
        thread.stackSize = 256 << 10
        thread.start()
        done.wait()
        #expect(box.depth > 100)
        #expect(StackGuard.hasRoom())
    }

    static func recurse(_ n: Int) -> Int {
        guard StackGuard.hasRoom() else { return n }
        var pad = (n, n, n, n, n, n, n, n)
        return withUnsafeMutablePointer(to: &pad) { _ in recurse(n + 1) }
    }

    @Test func aValueThatHoldsItselfTwiceIsShownCut() throws {
        var v = Value(.list([.number(1), .number(1)]))
        for _ in 0..<40 { v = Value(.list([v, v])) }
        let text = ValueText.plain(v)
        #expect(text.utf8.count < ValueText.maxShown + 1_000)
        #expect(text.hasSuffix("…"))
    }
}

@Suite struct DiagnosticRobustnessTests {
    @Test func controlCharactersFromTheSourceAreShownHarmless() {
        let file = SourceFile(name: "x\u{1B}.steppe", bytes: Array("\"\u{1B}]0;pwned\u{07}\" + nosuch".utf8))
        let d = Diagnostic(.evaluation(.unknownName("nosuch")), file: file, range: SourceRange(15, 21))
        let text = DiagnosticRenderer(color: false).render(d)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.contains("␛]0;pwned␇"))
        // The caret still stands under the name.
        let lines = text.split(separator: "\n")
        #expect(lines.count >= 3)
        let source = Array(lines[1]), caret = Array(lines[2])
        #expect(caret.firstIndex(of: "^").map { source[$0] } == "n")
    }
}
