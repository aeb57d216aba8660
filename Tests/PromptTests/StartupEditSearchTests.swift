import Foundation
import Testing

/// The start-up file, `:edit` and Ctrl-R's search, at the prompt of the
/// release binary in a real terminal (tmux).
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct StartupEditSearchTests {
    /// Writes `text` to `name` under `folder`, making the folders on the way.
    @discardableResult
    func write(_ text: String, _ name: String, in folder: URL, executable: Bool = false) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
        return url
    }

    // MARK: - The start-up file

    /// `$XDG_CONFIG_HOME/steppe/init.steppe` runs before the first prompt;
    /// it stops at its first error, shown with its path and line; what ran
    /// before stays, and the prompt starts all the same.
    @Test func startUpFileFromXDGConfigHomeStopsAtItsFirstError() throws {
        let folder = try Tmux.temporaryFolder()
        let config = folder.appendingPathComponent("config")
        let file = try write("""
            let greeting = "hello from init"
            def double(x) = x * 2
            nosuch_name
            let after = 1

            """, "steppe/init.steppe", in: config)
        let t = try Tmux(environment: ["XDG_CONFIG_HOME": config.path], folder: folder)
        var s = try t.wait(for: "steppe>")
        #expect(try t.joinedScreen().contains("\(file.path):3:1: error: unknown name 'nosuch_name'"))
        #expect(s.contains("3 | nosuch_name\n   | ^~~~~~~~~~~\nsteppe>"))
        try t.type("greeting")
        try t.press("Enter")
        try t.wait(for: "\nhello from init\n")
        try t.type("double(21)")
        try t.press("Enter")
        try t.wait(for: "\n42\n")
        try t.type("after")
        try t.press("Enter")
        s = try t.wait(for: "unknown name 'after'")
        #expect(s.contains("<stdin>:1:1: error: unknown name 'after'"))
    }

    /// Without XDG_CONFIG_HOME: `~/.config/steppe/init.steppe`. `--no-init`
    /// runs none, `--init FILE` runs FILE instead, and scripts never run it.
    @Test func startUpFileInHomeNoInitAndInitFile() throws {
        let folder = try Tmux.temporaryFolder()
        try write("let k = 7\n", ".config/steppe/init.steppe", in: folder)
        let other = try write("let k = 8\n", "other.steppe", in: folder)

        let t = try Tmux(folder: folder)
        try t.wait(for: "steppe>")
        try t.type("k * 6")
        try t.press("Enter")
        try t.wait(for: "\n42\n")

        let none = try Tmux(arguments: ["--no-init"], folder: folder)
        try none.wait(for: "steppe>")
        try none.type("k")
        try none.press("Enter")
        try none.wait(for: "unknown name 'k'")

        let named = try Tmux(arguments: ["--init", other.path], folder: folder)
        try named.wait(for: "steppe>")
        try named.type("k * 6")
        try named.press("Enter")
        try named.wait(for: "\n48\n")

        // A missing file named by --init is an error; the prompt starts.
        let missing = try Tmux(arguments: ["--init", "nosuch.steppe"], folder: folder)
        let m = try missing.wait(for: "steppe>")
        #expect(m.contains("error: start-up file: cannot open 'nosuch.steppe'"))

        // Not for a script: -c runs without it, at a terminal too (the
        // terminal, read as a script after it, keeps steppe there to look at).
        let script = try Tmux(arguments: ["--keep-going", "-c", "k", "/dev/stdin"], folder: folder)
        try script.wait(for: "unknown name 'k'")
        try script.press("C-d")
        try script.waitForExit()
    }

    // MARK: - :edit

    /// `:edit` opens $EDITOR on the last statement, with the terminal in its
    /// normal (cooked) mode; what it saves runs and becomes one history
    /// entry; libedit has the terminal back afterwards.
    @Test func editRunsWhatTheEditorSaved() throws {
        let folder = try Tmux.temporaryFolder()
        let seen = folder.appendingPathComponent("seen.txt")
        let tty = folder.appendingPathComponent("stty.txt")
        let editor = try write("""
            #!/bin/sh
            cp "$1" \(Tmux.quote(seen.path))
            stty -a < /dev/tty > \(Tmux.quote(tty.path))
            printf 'let x = 40\\nx + 2\\n' > "$1"

            """, "bin/fake-editor", in: folder, executable: true)
        let t = try Tmux(environment: ["EDITOR": editor.path], folder: folder)
        try t.wait(for: "steppe>")
        try t.type("protests.officers_killed")
        try t.press("Enter")
        try t.wait(for: "13 people")
        try t.type(":edit")
        try t.press("Enter")
        var s = try t.wait(for: "\n42\n")
        #expect(s.contains("let x = 40\nx + 2\n42\n"))
        #expect(try String(contentsOf: seen, encoding: .utf8) == "protests.officers_killed\n")
        let modes = try String(contentsOf: tty, encoding: .utf8)
        #expect(modes.contains(" icanon") && !modes.contains("-icanon"), "\(modes)")
        #expect(modes.contains(" echo ") && !modes.contains("-echo "), "\(modes)")
        // libedit edits again: Ctrl-A goes to the start of the line.
        try t.type("21")
        try t.press("C-a")
        try t.type("2 * ")
        try t.press("Enter")
        try t.wait(for: "steppe> 2 * 21\n42\n")
        try t.type(":history")
        try t.press("Enter")
        s = try t.wait(for: "    3  2 * 21\n")
        #expect(s.contains("    1  protests.officers_killed\n    2  let x = 40\n       x + 2\n    3  2 * 21\n"))
        #expect(!s.contains("  :edit"))
    }

    /// $VISUAL comes before $EDITOR; an editor that exits with a status
    /// other than 0 runs nothing; `:edit` is refused under --safe.
    @Test func visualFirstAFailingEditorAndSafe() throws {
        let folder = try Tmux.temporaryFolder()
        let visual = try write("#!/bin/sh\nprintf '6 * 7\\n' > \"$1\"\n", "bin/visual", in: folder, executable: true)
        let failing = try write("#!/bin/sh\nprintf '1 / 0\\n' > \"$1\"\nexit 3\n", "bin/failing", in: folder, executable: true)
        let t = try Tmux(environment: ["VISUAL": visual.path, "EDITOR": failing.path], folder: folder)
        try t.wait(for: "steppe>")
        try t.type(":edit")
        try t.press("Enter")
        try t.wait(for: "6 * 7\n42\n")

        let u = try Tmux(environment: ["EDITOR": failing.path], folder: folder)
        try u.wait(for: "steppe>")
        try u.type(":edit")
        try u.press("Enter")
        let s = try u.wait(for: "nothing was run")
        #expect(try u.joinedScreen().contains("<stdin>:1:1: error: :edit: the editor (\(failing.path)) exited with status 3; nothing was run"))
        #expect(!s.contains("division"))

        let safe = try Tmux(environment: ["EDITOR": visual.path], arguments: ["--safe"], folder: folder)
        try safe.wait(for: "steppe>")
        try safe.type(":edit")
        try safe.press("Enter")
        let r = try safe.wait(for: "refused")
        #expect(r.contains("<stdin>:1:1: error: :edit is refused under --safe"))
        #expect(!r.contains("\n42\n"))
    }

    // MARK: - Ctrl-R

    /// Ctrl-R searches history as readline does, and says so as readline
    /// does: `(reverse-i-search)'oil': kazakhstan.oil_reserves_share`.
    @Test func reverseSearchLooksLikeReadline() throws {
        let t = try Tmux()
        try t.wait(for: "steppe>")
        for line in ["kazakhstan.oil_reserves_share", "protests.killed", "kazakhstan.oil_reserves"] {
            try t.type(line)
            try t.press("Enter")
        }
        try t.wait(for: "steppe> kazakhstan.oil_reserves\n")
        try t.press("C-r")
        try t.wait(for: "(reverse-i-search)'':")
        try t.type("oil")
        try t.wait(for: "(reverse-i-search)'oil': kazakhstan.oil_reserves\n")
        try t.press("C-r")
        try t.wait(for: "(reverse-i-search)'oil': kazakhstan.oil_reserves_share")
        try t.type("zz")
        try t.wait(for: "(failed reverse-i-search)'oilzz': kazakhstan.oil_reserves_share")
        try t.press("BSpace", "BSpace")
        try t.wait(for: "(reverse-i-search)'oil': kazakhstan.oil_reserves_share")
        try t.press("Enter")
        let s = try t.wait(for: "steppe> kazakhstan.oil_reserves_share\n")
        #expect(!s.contains("bck:"))

        // Ctrl-G puts back the line from before the search.
        try t.type("1 + 1")
        try t.press("C-r")
        try t.type("prot")
        try t.wait(for: "(reverse-i-search)'prot': protests.killed")
        try t.press("C-g")
        try t.wait(for: "steppe> 1 + 1")
        // Another key ends the search with the match and does its work:
        // Ctrl-E, then typing, edits the found line.
        try t.press("C-u", "C-r")
        try t.type("killed")
        try t.wait(for: "(reverse-i-search)'killed': protests.killed")
        try t.press("C-e")
        try t.type(" > 200 people")
        try t.press("Enter")
        try t.wait(for: "steppe> protests.killed > 200 people\ntrue\n")
    }
}
