import Foundation
import TestSupport
import Testing

/// `steppe --report OUT.html|OUT.md SCRIPT ...` as users run it: exit
/// statuses, files written, and the library opened only for it.
@Suite struct ReportCommandLineTests {
    func script(_ dir: URL, _ name: String, _ text: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func writesTheReportOfSeveralScriptsInOrder() throws {
        let dir = try Ran.folder("order")
        let a = try script(dir, "a.steppe", "# First.\nlet x = protests.officers_killed\n")
        let b = try script(dir, "b.steppe", "# Second.\nx * 2\n")
        let out = dir.appendingPathComponent("r.html")
        let r = try Ran.steppe(["--report", out.path, a.path, b.path])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try read(out)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        let first = try #require(html.range(of: "First."))
        let second = try #require(html.range(of: "Second."))
        #expect(first.upperBound < second.lowerBound)
        #expect(html.contains(">26 people</output>"))
        #expect(html.contains("id=\"source-1\""))
    }

    /// A failing statement shows its error in place; the report is still
    /// written and the exit status is 1.
    @Test func aFailingStatementIsShownAndExitsOne() throws {
        let dir = try Ran.folder("fail")
        let s = try script(dir, "f.steppe", "1 + 1\nnosuch.thing\n3 + 3\n")
        let out = dir.appendingPathComponent("r.html")
        let r = try Ran.steppe(["--report", out.path, s.path])
        #expect(r.status == 1)
        let html = try read(out)
        #expect(html.contains("<pre class=\"error\""))
        #expect(html.contains("f.steppe:2:1"))
        #expect(html.contains(">6</output>"), "the statements after the failure run")
    }

    /// A syntax error runs nothing and writes no report: exit 2.
    @Test func aSyntaxErrorWritesNoReport() throws {
        let dir = try Ran.folder("syntax")
        let good = try script(dir, "good.steppe", "1 + 1\n")
        let bad = try script(dir, "bad.steppe", "1 + 1\n(2\n")
        for name in ["r.html", "r.md"] {
            let out = dir.appendingPathComponent(name)
            let r = try Ran.steppe(["--report", out.path, good.path, bad.path])
            #expect(r.status == 2)
            #expect(r.stdout == "", "nothing ran")
            #expect(r.stderr.contains("bad.steppe:2:"))
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }

    /// A `--report` named on the command line is written under `--safe`;
    /// a `chart ... to` in the script is still refused, in place.
    @Test func underSafeTheReportIsWrittenAndChartFilesAreNot() throws {
        let dir = try Ran.folder("safe")
        let s = try script(dir, "s.steppe", "[protests.killed, protests.arrested] | chart value to \"bars.svg\"\n")
        let out = dir.appendingPathComponent("r.html")
        let r = try Ran.steppe(["--safe", "--report", out.path, s.path], directory: dir)
        #expect(r.status == 1)
        let html = try read(out)
        #expect(html.contains("--safe"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bars.svg").path))
        // Without --safe the chart is drawn in place and its file written too.
        let r2 = try Ran.steppe(["--report", out.path, s.path], directory: dir)
        #expect(r2.status == 0, "\(r2.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("bars.svg").path))
        #expect(try read(out).contains("<figure class=\"chart\""))
    }

    /// Markdown: the marks are footnotes, each with its definition; charts
    /// are written beside the report as OUT-1.svg, OUT-2.svg and linked.
    @Test func markdownWithChartsBesideIt() throws {
        let dir = try Ran.folder("md")
        let s = try script(dir, "m.steppe", """
        # Two *charts*.
        [protests.killed, protests.arrested] | chart value
        [protests.officers_killed] | chart value
        why kazakhstan.oil_wealth_per_person

        """)
        let out = dir.appendingPathComponent("notes.md")
        let r = try Ran.steppe(["--report", out.path, s.path])
        #expect(r.status == 0, "\(r.stderr)")
        let md = try read(out)
        for n in 1...2 {
            let svg = dir.appendingPathComponent("notes-\(n).svg")
            #expect(FileManager.default.fileExists(atPath: svg.path))
            #expect(md.contains("](notes-\(n).svg)"))
        }
        #expect(md.contains("Two *charts*."))
        let marks = Set(md.components(separatedBy: "[^").dropFirst().map { $0.prefix { $0 != "]" } })
        #expect(!marks.isEmpty)
        for m in marks { #expect(md.contains("\n[^\(m)]: "), "footnote \(m) has no definition") }
        #expect(md.contains("## Sources"))
    }

    /// `--format` and `:format` change nothing in the report.
    @Test func formatsChangeNothing() throws {
        let dir = try Ran.folder("format")
        let s = try script(dir, "f.steppe", "protests.killed\n:format csv\ncsto.members | take 2\n")
        let plain = dir.appendingPathComponent("a.html"), json = dir.appendingPathComponent("b.html")
        _ = try Ran.steppe(["--report", plain.path, s.path])
        _ = try Ran.steppe(["--format", "json", "--report", json.path, s.path])
        let a = try read(plain)
        #expect(a == (try read(json)))
        #expect(!a.contains(":format"))
    }

    @Test func badReportCommandLinesExitTwo() throws {
        let dir = try Ran.folder("bad")
        let s = try script(dir, "s.steppe", "1\n")
        let noScript = try Ran.steppe(["--report", dir.appendingPathComponent("r.html").path])
        #expect(noScript.status == 2)
        #expect(noScript.stderr.contains("--report needs the scripts"))
        let wrongName = try Ran.steppe(["--report", dir.appendingPathComponent("r.txt").path, s.path])
        #expect(wrongName.status == 2)
        #expect(wrongName.stderr.contains("OUT.html or OUT.md"))
        let equals = try Ran.steppe(["--report=\(dir.appendingPathComponent("e.html").path)", s.path])
        #expect(equals.status == 0, "\(equals.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("e.html").path))
    }

    /// libSteppeReport.so (with Ink and Foundation) is opened for --report
    /// only: the executable does not link it, and `-c 1` does not load it.
    @Test func theReportLibraryIsOffTheStartUpPath() throws {
        let ldd = try Ran.program(URL(fileURLWithPath: "/usr/bin/ldd"), [SteppeBinary.url.path], timeout: 60)
        #expect(ldd.stdout.contains("libSteppeCore.so"))
        #expect(!ldd.stdout.contains("SteppeReport"))
        #expect(!ldd.stdout.contains("Foundation"))
        // LD_DEBUG=libs: the dynamic loader says what it opens, dlopen included.
        let plain = try Ran.steppe(["-c", "1"], environment: ["LD_DEBUG": "libs"])
        #expect(plain.stdout == "1\n")
        #expect(plain.stderr.contains("libSteppeCore.so"), "LD_DEBUG shows what is loaded")
        #expect(!plain.stderr.contains("libSteppeReport"))
        #expect(!plain.stderr.contains("Foundation"))
        let dir = try Ran.folder("ld")
        let s = try script(dir, "s.steppe", "1\n")
        let report = try Ran.steppe(["--report", dir.appendingPathComponent("r.html").path, s.path],
                                    environment: ["LD_DEBUG": "libs"])
        #expect(report.stderr.contains("libSteppeReport.so"))
    }
}
