import Foundation
import Testing

/// The prompt in a real terminal (tmux), typed at as a person would.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct PromptTests {
    @Test func bannerResultAndErrorThenAGoodLine() throws {
        let t = try Tmux()
        try t.wait(for: "steppe>")
        let banner = try t.screen()
        #expect(banner.contains("steppe 0.1.0 · "))
        #expect(banner.contains("facts from \"What really happened in Kazakhstan?\""))
        // FACTS.md's facts: every claim of the article, and the reference figures.
        #expect(banner.contains("· 80 facts from \"What really happened in Kazakhstan?\" + 27 reference figures"))
        try t.type("kazakstan.region")
        try t.press("Enter")
        try t.wait(for: "did you mean 'kazakhstan'?")
        try t.type("protests.killed > 200 people")
        try t.press("Enter")
        let s = try t.wait(for: "true")
        #expect(s.contains("<stdin>:1:1: error: unknown name 'kazakstan'"))
        #expect(s.contains("true\nsteppe>"))
    }

    @Test func continuationPromptAndOneHistoryEntry() throws {
        let t = try Tmux()
        try t.wait(for: "steppe>")
        try t.type("facts | where topic == \"casualties\" and source == article |")
        try t.press("Enter")
        try t.wait(for: "\n      |")
        try t.type("count")
        try t.press("Enter")
        try t.wait(for: "\n4\n")
        try t.type(":history")
        try t.press("Enter")
        // The two lines are one entry: numbered once, the second line indented under it.
        let s = try t.wait(for: "1  facts | where topic == \"casualties\" and source == article |\n       count")
        #expect(!s.contains("2  count"))
    }

    @Test func editingKeys() throws {
        let t = try Tmux()
        try t.wait(for: "steppe>")
        // Ctrl-A to the start, insert, Ctrl-E to the end, Ctrl-W to drop a word.
        try t.type("killed")
        try t.press("C-a")
        try t.type("protests.")
        try t.press("C-e")
        try t.type(" junk")
        try t.press("C-w", "BSpace", "Enter")
        try t.wait(for: "> 225 people")
        // Ctrl-K cuts to the end; Ctrl-U cuts to the start; arrows move.
        try t.type("13 people nonsense")
        try t.press("Left", "Left", "Left", "Left", "Left", "Left", "Left", "Left", "Left", "C-k", "Enter")
        try t.wait(for: "\n13 people\n")
        try t.type("garbage")
        try t.press("C-u")
        try t.type("2 * 21")
        try t.press("Enter")
        let s = try t.wait(for: "\n42\n")
        #expect(!s.contains("garbage2"))
        // Alt-B and Alt-F move by words.
        try t.type("1 + 2 3")
        try t.press("M-b", "BSpace", "Enter")
        try t.wait(for: "steppe> 1 + 23\n24\n")
    }

    @Test func historyAcrossTwoSessionsAndReverseSearch() throws {
        let folder = try Tmux.temporaryFolder()
        do {
            let a = try Tmux(folder: folder)
            try a.wait(for: "steppe>")
            try a.type("protests.arrested")
            try a.press("Enter")
            try a.wait(for: "> 5,000 people")
            try a.type("csto.members | count")
            try a.press("Enter")
            try a.wait(for: "\n6\n")
            try a.press("C-d")
            try a.waitForExit()
        }
        let path = folder.appendingPathComponent("history").path
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let b = try Tmux(folder: folder)
        try b.wait(for: "steppe>")
        try b.press("Up")
        try b.wait(for: "steppe> csto.members | count")
        try b.press("C-u")
        try b.press("C-r")
        try b.type("arres")
        try b.press("Enter")
        try b.wait(for: "> 5,000 people")
    }

    @Test func twoSessionsExitingTogetherKeepBothLines() throws {
        let folder = try Tmux.temporaryFolder()
        let a = try Tmux(folder: folder)
        let b = try Tmux(folder: folder)
        try a.wait(for: "steppe>")
        try b.wait(for: "steppe>")
        try a.type("1 + 1")
        try a.press("Enter")
        try b.type("2 + 2")
        try b.press("Enter")
        try a.wait(for: "\n2\n")
        try b.wait(for: "\n4\n")
        try a.type(":quit")
        try b.type(":quit")
        try a.press("Enter")
        try b.press("Enter")
        try a.waitForExit()
        try b.waitForExit()
        let text = try String(contentsOfFile: folder.appendingPathComponent("history").path, encoding: .utf8)
        #expect(text.contains("1 + 1"))
        #expect(text.contains("2 + 2"))
    }

    @Test func completion() throws {
        let t = try Tmux()
        try t.wait(for: "steppe>")
        try t.type("protests.arr")
        try t.press("Tab")
        try t.wait(for: "steppe> protests.arrested")
        try t.press("Enter")
        try t.wait(for: "> 5,000 people")
        try t.type("kazakhstan.oil_")
        try t.press("Tab")
        let s = try t.wait(for: "oil_wealth_per_person")
        #expect(s.contains("oil_reserves_share"))
        try t.press("C-u")
        try t.type(":fo")
        try t.press("Tab")
        try t.wait(for: "steppe> :format")
    }

    @Test func utf8UnderTheCLocale() throws {
        let t = try Tmux(environment: ["LC_ALL": "C"])
        try t.wait(for: "steppe>")
        try t.type("\"£ Қазақстан\" + \"!\"")
        try t.press("Enter")
        try t.wait(for: "\n£ Қазақстан!\n")
        // Editing a multi-byte character removes the whole character.
        try t.type("\"Қазақ\"")
        try t.press("Left", "BSpace", "Enter")
        try t.wait(for: "\nҚаза\n")
    }

    /// Ctrl-C at the prompt shows `^C`, drops the line (it is not run and not
    /// in history) and gives a fresh prompt; during an evaluation it stops
    /// it, and the session goes on. The release build once lost both: its
    /// signal flag was a header static, copied into each module.
    @Test func ctrlCClearsTheLineAndInterruptsEvaluation() throws {
        let t = try Tmux()
        try t.wait(for: "steppe>")
        try t.type("1 + 1000")
        try t.wait(for: "steppe> 1 + 1000")
        try t.press("C-c")
        try t.wait(for: "steppe> 1 + 1000^C\nsteppe>")
        try t.type("7 * 6")
        try t.press("Enter")
        var s = try t.wait(for: "\n42\n")
        #expect(s.contains("^C\nsteppe> 7 * 6\n42\n"))
        #expect(!s.contains("10007"))
        // With the cursor inside the line: no ^C over the text, the line goes all the same.
        try t.type("garbage here")
        try t.press("Left", "Left", "Left", "Left", "Left")
        try t.press("C-c")
        try t.wait(for: "steppe> garbage here\nsteppe>")
        try t.type("1 + 1")
        try t.press("Enter")
        s = try t.wait(for: "\n2\n")
        #expect(!s.contains("unknown name 'garbage'"))
        try t.type(":history")
        try t.press("Enter")
        s = try t.wait(for: "    2  1 + 1\n")
        #expect(s.contains("    1  7 * 6\n    2  1 + 1\n"))
        // A long evaluation (minutes in a release build) stops at Ctrl-C.
        try t.type(Self.longEvaluation)
        try t.press("Enter")
        usleep(700_000)
        try t.press("C-c")
        try t.wait(for: "error: interrupted")
        try t.type("protests.officers_killed")
        try t.press("Enter")
        try t.wait(for: "13 people")
        // Ctrl-C while nothing runs, then Ctrl-D: the session ends normally.
        try t.press("C-c")
        try t.wait(for: "13 people\nsteppe> ^C\nsteppe>")
        try t.press("C-d")
        try t.waitForExit()
    }

    static let longEvaluation = "facts | select a: (facts | select b: (facts | select c: (facts | select d: (facts | count))))"

    @Test func ctrlDAndQuitLeave() throws {
        let t = try Tmux()
        try t.wait(for: "steppe>")
        try t.press("C-d")
        try t.waitForExit()
        let u = try Tmux()
        try u.wait(for: "steppe>")
        try u.type(":quit")
        try u.press("Enter")
        try u.waitForExit()
    }

    @Test func sessionCommandsAtThePrompt() throws {
        let t = try Tmux()
        try t.wait(for: "steppe>")
        try t.type(":timer on")
        try t.press("Enter")
        try t.type("1 + 1")
        try t.press("Enter")
        try t.wait(for: "time: ")
        try t.type(":format json")
        try t.press("Enter")
        try t.type("protests.killed")
        try t.press("Enter")
        try t.wait(for: "\"bound\": \"more_than\"")
        try t.type("let k = 3")
        try t.press("Enter")
        try t.type(":vars")
        try t.press("Enter")
        try t.wait(for: "let k")
        try t.type(":help")
        try t.press("Enter")
        try t.wait(for: "Session commands")
    }

    /// TOUR.md's two-line pipeline, typed as it is written: the second line,
    /// starting with `|`, goes on from the first line's result.
    @Test func aLineStartingWithABarGoesOnFromTheResult() throws {
        let t = try Tmux()
        try t.wait(for: "steppe>")
        try t.type("facts | where topic == \"casualties\" and source == article")
        try t.press("Enter")
        try t.wait(for: "casualties  Kazakh")
        try t.type("      | select property, value, at")
        try t.press("Enter")
        let s = try t.wait(for: "property            value                      at")
        let table = lines(after: "| select property, value, at", in: s)
        #expect(table.prefix(5) == [
            "property            value                      at",
            "killed              > 225 people               ¶5",
            "arrested            > 5,000 people             ¶5",
            "officers_killed     13 people                  ¶5",
            "lethal_force_claim  used only in self-defence  ¶5",
        ])
    }

    @Test func tablesFitTheWindow() throws {
        let t = try Tmux(width: 50)
        try t.wait(for: "steppe>")
        try t.type("facts | where subject == protests | select property, value, source")
        try t.press("Enter")
        let s = try t.wait(for: "…")
        for line in s.split(separator: "\n") { #expect(line.count <= 50) }
    }

    @Test func colourAtTheTerminalAndNoColour() throws {
        let t = try Tmux()
        try t.wait(for: "steppe>")
        try t.type("nosuch")
        try t.press("Enter")
        try t.wait(for: "unknown name")
        let coloured = try t.tmux(["capture-pane", "-p", "-e", "-t", t.name])
        #expect(coloured.contains("\u{1B}["))
        let plain = try Tmux(environment: ["NO_COLOR": "1"])
        try plain.wait(for: "steppe>")
        try plain.type("nosuch")
        try plain.press("Enter")
        try plain.wait(for: "unknown name")
        let screen = try plain.tmux(["capture-pane", "-p", "-e", "-t", plain.name])
        #expect(!screen.contains("\u{1B}[1;31m"))
    }

    /// steppe opens libedit only for the prompt (it is not linked); where it
    /// cannot be opened, the prompt says why and still reads lines: a plain
    /// prompt, Ctrl-C abandoning the line, Ctrl-D ending the session.
    @Test func withoutLibeditThePromptStillReads() throws {
        let t = try Tmux(environment: ["STEPPE_LIBEDIT": "/nonexistent/libedit.so.2"])
        // (capture-pane drops the blank that ends a prompt.)
        let start = try t.wait(for: "steppe>")
        #expect(start.contains("steppe: warning: line editing is off (/nonexistent/libedit.so.2: cannot open shared object file"))
        try t.type("protests.killed > 200 people")
        try t.press("Enter")
        try t.wait(for: "true\nsteppe>")
        try t.type("1 +")
        try t.press("Enter")
        try t.wait(for: "\n      |")
        try t.type("2")
        try t.press("Enter")
        try t.wait(for: "\n3\nsteppe>")
        try t.type("half a line")
        try t.press("C-c")
        try t.type("2 * 21")
        try t.press("Enter")
        let s = try t.wait(for: "\n42\n")
        #expect(!s.contains("unknown name 'half'"))
        try t.press("C-d")
        try t.waitForExit()
    }

}
