import Foundation
import Testing

/// Tab at the prompt, in a real terminal, as LANGUAGE.md's "At the prompt:
/// completion" has it.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct CompletionPromptTests {
    /// An entity is completed without a space, so `.` can follow; then its
    /// properties: `kazakhstan.oil_res` Tab gives `kazakhstan.oil_reserves`, a
    /// second Tab lists `oil_reserves` and `oil_reserves_share`.
    @Test func anEntityThenItsProperties() throws {
        let t = try Tmux()
        try t.wait(for: "steppe>")
        try t.type("kazakhs")
        try t.press("Tab")
        try t.wait(for: "steppe> kazakhstan")
        try t.type(".oil_res")
        try t.press("Tab")
        try t.wait(for: "steppe> kazakhstan.oil_reserves")
        try t.press("Tab")
        let s = try t.wait(for: "oil_reserves_share")
        let listed = s.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(listed.contains(["oil_reserves", "oil_reserves_share"]), "\(s)")
        try t.type("_share")
        try t.press("Enter")
        try t.wait(for: "\n3 %\n")
    }

    /// A function is completed without a space, so `(` can follow.
    @Test func aFunctionThenItsBracket() throws {
        let t = try Tmux()
        try t.wait(for: "steppe>")
        try t.type("more_th")
        try t.press("Tab")
        try t.wait(for: "steppe> more_than")
        try t.type("(225 people)")
        try t.press("Enter")
        try t.wait(for: "> 225 people\n")
    }

    /// Stages after `|`, the table's columns inside a stage, with a space after each.
    @Test func stagesAndColumns() throws {
        let t = try Tmux()
        try t.wait(for: "steppe>")
        try t.type("facts | whe")
        try t.press("Tab")
        // (tmux drops the spaces at the end of a line: what follows shows them.)
        try t.wait(for: "steppe> facts | where")
        try t.type("topi")
        try t.wait(for: "steppe> facts | where topi")
        try t.press("Tab")
        try t.wait(for: "steppe> facts | where topic")
        try t.type("== \"casualties\" and source == article | cou")
        try t.wait(for: "where topic == \"casualties\"")
        try t.press("Tab")
        try t.type("| count")
        try t.wait(for: "| count | count")
        try t.press("BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace")
        try t.press("Enter")
        try t.wait(for: "\n4\n")
    }

    /// Session commands after `:`, formats after `:format `, files after `:run `.
    @Test func sessionCommandsFormatsAndFiles() throws {
        let folder = try Tmux.temporaryFolder()
        let script = folder.appendingPathComponent("tabbed-script.steppe")
        try "1 + 1\n".write(to: script, atomically: true, encoding: .utf8)
        let t = try Tmux()
        try t.wait(for: "steppe>")
        try t.type(":form")
        try t.press("Tab")
        try t.type("js")
        try t.wait(for: "steppe> :format js")
        try t.press("Tab")
        try t.wait(for: "steppe> :format json")
        try t.press("C-u")
        try t.type(":run " + folder.path + "/tabbed")
        try t.press("Tab")
        try t.wait(for: "tabbed-script.steppe")
        try t.press("Enter")
        try t.wait(for: "\n2\n")
        try t.type(":plugin l")
        try t.press("Tab")
        try t.type("X")
        try t.wait(for: "steppe> :plugin load X")
    }

    /// After a command and its first argument, the words its declaration introduces.
    @Test func introducerWordsAfterACommand() throws {
        let t = try Tmux()
        try t.wait(for: "steppe>")
        try t.type("compare kazakhstan.population v")
        try t.press("Tab")
        try t.type("protests.killed")
        try t.wait(for: "steppe> compare kazakhstan.population vs protests.killed")
        try t.press("Enter")
        try t.wait(for: "ratio")
    }
}
