import Foundation
import Testing

/// The binary's command-line forms and exit statuses (LANGUAGE.md, "Running steppe").
@Suite struct CommandLineTests {
    func temp(_ name: String, _ text: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func dashC() throws {
        let r = try Run.steppe(["-c", "protests.killed; protests.killed > 300 people"])
        #expect(r.stdout == "> 225 people\nunknown\n")
        #expect(r.status == 0)
    }

    @Test func dashCValueMayStartWithDash() throws {
        let r = try Run.steppe(["-c", "-3 people"])
        #expect(r.stdout == "-3 people\n")
        #expect(r.status == 0)
    }

    @Test func scriptFilesRunInOrder() throws {
        let a = try temp("a.steppe", "let x = 2\nx * 3\n")
        let b = try temp("b.steppe", "protests.officers_killed\n")
        let r = try Run.steppe([a.path, b.path])
        #expect(r.stdout == "6\n13 people\n")
        #expect(r.status == 0)
    }

    @Test func pipedStdinIsAScript() throws {
        let r = try Run.steppe([], input: "let k = protests.killed\nk * 2\n")
        #expect(r.stdout == "> 450 people\n")
        #expect(r.stderr == "")
        #expect(r.status == 0)
    }

    @Test func aFailingStatementExitsOneAndStops() throws {
        let r = try Run.steppe(["-c", "1; nosuch; 2"])
        #expect(r.stdout == "1\n")
        #expect(r.stderr.contains("<command line>:1:4: error: unknown name 'nosuch'"))
        #expect(r.status == 1)
    }

    /// `-c` may be repeated: each runs in turn in one session, and the
    /// first failure stops the rest (unless --keep-going).
    @Test func repeatedCommandsRunInTurn() throws {
        let r = try Run.steppe(["-c", "let x = 2", "-c", "-x * 3 people", "--format", "json", "-c", "x"])
        #expect(r.stdout == "{\"value\": -6, \"unit\": \"people\", \"bound\": \"exact\", \"low\": -6, \"high\": -6}\n2\n")
        #expect(r.status == 0)
        let f = try Run.steppe(["-c", "1", "-c", "nosuch", "-c", "3"])
        #expect(f.stdout == "1\n")
        #expect(f.status == 1)
    }

    @Test func keepGoingRunsPastAFailure() throws {
        let r = try Run.steppe(["--keep-going", "-c", "1; nosuch; 2"])
        #expect(r.stdout == "1\n2\n")
        #expect(r.status == 1)
    }

    @Test func aSyntaxErrorAnywhereRunsNothing() throws {
        let f = try temp("s.steppe", "1\n2\n(3\n")
        let r = try Run.steppe([f.path])
        #expect(r.stdout == "")
        #expect(r.stderr.contains("s.steppe:3:"))
        #expect(r.status == 2)
    }

    @Test func badCommandLineExitsTwo() throws {
        #expect(try Run.steppe(["--no-such-flag"]).status == 2)
        #expect(try Run.steppe(["--format", "xml", "-c", "1"]).status == 2)
        #expect(try Run.steppe(["-c"]).status == 2)
    }

    @Test func helpAndVersion() throws {
        let h = try Run.steppe(["--help"])
        #expect(h.status == 0)
        #expect(h.stdout.contains("--keep-going"))
        let v = try Run.steppe(["--version"])
        #expect(v.status == 0)
        #expect(v.stdout.hasPrefix("steppe "))
    }

    /// What `ldd` says the binary links.
    func linkedLibraries() throws -> String {
        let ldd = Process()
        ldd.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        ldd.arguments = [Run.binary.path]
        let out = Pipe()
        ldd.standardOutput = out
        try ldd.run()
        let libraries = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ldd.waitUntilExit()
        return libraries
    }

    /// swift-argument-parser (with FoundationEssentials) is opened only for
    /// what the fast reader does not take; the executable does not link it.
    @Test func theArgumentParserIsOffTheStartUpPath() throws {
        let libraries = try linkedLibraries()
        #expect(libraries.contains("libSteppeCore.so"))
        #expect(!libraries.contains("Foundation"), "\(libraries)")
        // `--opt=value` is not a fast-path form: the library reads it and hands it back.
        let r = try Run.steppe(["--format=json", "-c", "protests.killed > 200 people"])
        #expect(r.stdout == "true\n")
        #expect(r.status == 0)
    }

    /// libedit (with libtinfo, libbsd and libmd) is opened for the prompt
    /// alone: neither linked nor loaded for `-c` and scripts.
    @Test func lineEditingIsOffTheStartUpPath() throws {
        let libraries = try linkedLibraries()
        #expect(libraries.contains("libSteppeCore.so"))
        #expect(!libraries.contains("libedit"), "\(libraries)")
        // The loader's own account of every file it opens, for a command and a script.
        let script = try temp("startup.steppe", "protests.killed\n")
        for arguments in [["-c", "protests.killed"], [script.path]] {
            let r = try Run.steppe(arguments, environment: ["LD_DEBUG": "files"])
            #expect(r.status == 0)
            #expect(r.stdout == "> 225 people\n")
            #expect(r.stderr.contains("libSteppeCore.so"), "LD_DEBUG said nothing: \(r.stderr.prefix(300))")
            #expect(!r.stderr.contains("libedit"))
        }
    }

    /// Without libSteppeCLI.so beside it, steppe still runs every everyday
    /// form, and says what is missing for the rest.
    @Test func withoutTheCommandLineLibrary() throws {
        let dir = try temp("placeholder", "").deletingLastPathComponent()
        let fm = FileManager.default
        for name in ["steppe", "libSteppeCore.so"] {
            try fm.copyItem(at: Run.binary.deletingLastPathComponent().appendingPathComponent(name),
                            to: dir.appendingPathComponent(name))
        }
        let alone = dir.appendingPathComponent("steppe")
        let r = try Run.steppe(["-c", "1 + 1"], executable: alone)
        #expect(r.stdout == "2\n")
        #expect(try Run.steppe(["--version"], executable: alone).stdout == "steppe 0.1.0\n")
        let h = try Run.steppe(["--help"], executable: alone)
        #expect(h.status == 2)
        #expect(h.stderr.contains("libSteppeCLI.so"))
        #expect(h.stderr.contains("Usage: steppe [-c <statements> ...]"))
    }

    @Test func formats() throws {
        #expect(try Run.steppe(["--format", "json", "-c", "protests.killed"]).stdout
            == "{\"value\": 225, \"unit\": \"people\", \"bound\": \"more_than\", \"low\": 225, \"high\": null}\n")
        #expect(try Run.steppe(["--format", "csv", "-c", "csto.members | take 2"]).stdout == "value\nArmenia\nRussia\n")
        #expect(try Run.steppe(["--format", "markdown", "-c", "csto.members | take 1"]).stdout == "| value |\n| --- |\n| Armenia |\n")
    }

    @Test func loadPacks() throws {
        let p1 = try temp("p1.steppe", "source mine \"Mine\" kind reference\nfact kazakhstan.population = 20e6 people from mine\n")
        let r = try Run.steppe(["--load", p1.path, "-c", "kazakhstan.population"])
        #expect(r.stdout == "20,000,000 people\n")
        let bad = try temp("bad.steppe", "fact kazakhstan.population = 1 people from article\nfact x.y = (\n")
        let r2 = try Run.steppe(["--load", bad.path, "-c", "kazakhstan.population"])
        #expect(r2.status == 1)
        #expect(r2.stderr.contains("bad.steppe:2:"))
    }

    /// A file named on the command line that cannot be read is a bad
    /// command line (2); an error inside a pack is a failed load (1).
    @Test func missingFilesAreABadCommandLine() throws {
        let r = try Run.steppe(["/no/such/file.steppe"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot open '/no/such/file.steppe'"))
        let p = try Run.steppe(["--load", "/no/such/pack.steppe", "-c", "1"])
        #expect(p.status == 2)
        #expect(p.stdout == "")
        #expect(p.stderr.contains("cannot open '/no/such/pack.steppe'"))
        let k = try Run.steppe(["--keep-going", "/no/such/file.steppe", "-c", "1"])
        #expect(k.status == 2)
        #expect(k.stdout == "1\n")
    }

    /// `:history` in a script reads the prompt's saved history, and changes nothing.
    @Test func historyInAScriptShowsTheSavedHistory() throws {
        let h = try temp("history", "let x = 1\nfacts |\\n count\nprotests.killed\n")
        let r = try Run.steppe(["-c", ":history 2"], environment: ["STEPPE_HISTORY": h.path])
        #expect(r.status == 0)
        #expect(r.stdout == "    1  facts |\n        count\n    2  protests.killed\n")
        let empty = try Run.steppe(["-c", ":history"], environment: ["STEPPE_HISTORY": h.path + ".none"])
        #expect(empty.status == 0 && empty.stdout == "")
        #expect(!FileManager.default.fileExists(atPath: h.path + ".none"))
    }

    @Test func noColorWhenNotATerminal() throws {
        let r = try Run.steppe(["-c", "nosuch"], environment: ["NO_COLOR": "1"])
        #expect(!r.stderr.contains("\u{1B}["))
        let r2 = try Run.steppe(["--no-color", "-c", "nosuch"])
        #expect(!r2.stderr.contains("\u{1B}["))
    }

    @Test func runChainShowsTheFiles() throws {
        let inner = try temp("inner.steppe", "1\nnosuch\n")
        let outer = inner.deletingLastPathComponent().appendingPathComponent("outer.steppe")
        try ":run inner.steppe\n".write(to: outer, atomically: true, encoding: .utf8)
        let r = try Run.steppe([outer.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("inner.steppe:2:1: error: unknown name 'nosuch'"))
        #expect(r.stderr.contains("outer.steppe:1:1: note:"))
    }

    @Test func aScriptThatRunsItselfStops() throws {
        let f = try temp("self.steppe", ":run self.steppe\n")
        let r = try Run.steppe([f.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("nested too deeply"))
    }
}
