import Testing
@testable import SteppeCore

@Suite struct CompletionTests {
    @Test func entityIdsAndAliases() throws {
        let s = try session()
        let c = s.completions(line: "kaz", cursor: 3)
        #expect(c.start == 0)
        #expect(c.candidates == ["kazakhstan"])
        #expect(s.completions(line: "K", cursor: 1).candidates.contains("KZ"))
    }

    @Test func propertiesAfterSubjectDot() throws {
        let s = try session()
        let c = s.completions(line: "protests.ki", cursor: 11)
        #expect(c.start == 9)
        #expect(c.candidates == ["killed", "kind"])
        #expect(s.completions(line: "1 + kazakhstan.oil_", cursor: 19).candidates
            == ["oil_production", "oil_reserves", "oil_reserves_share", "oil_wealth_per_person"])
    }

    @Test func letAndDefNames() throws {
        let s = try session()
        try run("let ratio_x = 3\ndef rate_of(x) = x", in: s)
        #expect(s.completions(line: "rat", cursor: 3).candidates == ["rate_of", "ratio_x"])
    }

    @Test func stagesAfterPipe() throws {
        let s = try session()
        let c = s.completions(line: "facts | wh", cursor: 10)
        #expect(c.candidates == ["where"])
        #expect(s.completions(line: "facts | ", cursor: 8).candidates.contains("group"))
    }

    @Test func sessionCommands() throws {
        let s = try session()
        #expect(s.completions(line: ":fo", cursor: 3).candidates == ["format"])
        #expect(s.completions(line: ":format j", cursor: 9).candidates == ["json"])
    }

    @Test func pathsAfterRun() throws {
        let s = try session()
        let c = s.completions(line: ":run /etc/host", cursor: 14)
        #expect(c.start == 5)
        #expect(c.candidates.contains("/etc/hostname"))
    }

    /// A completed entity takes no space, so `.` can follow; a function none, so `(` can.
    @Test func namesThatGoOnTakeNoSpace() throws {
        let s = try session()
        #expect(s.completions(line: "kazakhs", cursor: 7).continuing == ["kazakhstan"])
        #expect(s.completions(line: "abo", cursor: 3).continuing == ["about"])
        try run("let rec = {a: 1}\nlet num = 2", in: s)
        #expect(s.completions(line: "re", cursor: 2).continuing.contains("rec"))
        #expect(s.completions(line: "nu", cursor: 2).continuing.isEmpty)
        #expect(s.completions(line: "rec.", cursor: 4).candidates == ["a"])
    }

    /// LANGUAGE.md's example: `kazakhstan.oil_res` gives the two properties.
    @Test func propertiesOfTheSubject() throws {
        let s = try session()
        let c = s.completions(line: "kazakhstan.oil_res", cursor: 18)
        #expect(c.start == 11)
        #expect(c.candidates == ["oil_reserves", "oil_reserves_share"])
    }

    @Test func columnsInsideAStage() throws {
        let s = try session()
        #expect(s.completions(line: "facts | where top", cursor: 17).candidates == ["topic"])
        #expect(s.completions(line: "entities | where ali", cursor: 20).candidates == ["aliases"])
        #expect(s.completions(line: "facts | select property, value | where val", cursor: 42).candidates == ["value"])
        #expect(s.completions(line: "csto.members | where val", cursor: 24).candidates == ["value"])
        // Not outside a stage.
        #expect(!s.completions(line: "top", cursor: 3).candidates.contains("topic"))
    }

    @Test func whatEachSessionCommandTakes() throws {
        let s = try session()
        #expect(s.completions(line: ":format ", cursor: 8).candidates == ["csv", "json", "markdown", "table"])
        #expect(s.completions(line: ":timer o", cursor: 8).candidates == ["off", "on"])
        #expect(s.completions(line: ":help whe", cursor: 9).candidates == ["where"])
        #expect(s.completions(line: ":load /etc/host", cursor: 15).candidates.contains("/etc/hostname"))
        #expect(s.completions(line: ":q", cursor: 2).candidates == ["quit"])
        #expect(s.completions(line: ":vars ", cursor: 6).candidates.isEmpty)
    }

    /// Every name in the table has help, and Tab completes it where it may be written.
    @Test func everyDeclarationHasHelpAndCompletes() throws {
        let s = try session()
        try s.load(plugin: WalkPlugin.self)
        for d in s.declarations {
            let help = try eval(":help \(d.kind == .sessionCommand ? ":" : "")\(d.name)", in: s)
            #expect(help.contains(d.usage), "\(d.kind.rawValue) \(d.name): \(help)")
            let line: String
            switch d.kind {
            case .sessionCommand: line = ":" + d.name
            case .stage: line = "facts | " + d.name
            case .statement: line = d.name
            case .introducer: line = "walk 1 " + d.name
            default: line = "1 + " + d.name
            }
            let c = s.completions(line: line, cursor: line.count)
            #expect(c.candidates.contains(d.name), "\(d.kind.rawValue) \(d.name): \(c.candidates)")
            #expect(line.count - c.start == d.name.count, "\(d.name)")
        }
    }
}

/// A plugin with a command that takes every introducer word.
enum WalkPlugin: SteppePlugin {
    static let name = "Walk"
    static let version = "1.0.0"
    static let summary = "a command for the completion tests"
    static func register(into registry: inout CommandRegistry) throws {
        try registry.register(Command(
            name: "walk", summary: "takes every introducer word", usage: "walk A vs B by C to \"D\"",
            parameters: [Parameter("a"), Parameter("b", introducer: .word(.vs)), Parameter("c", introducer: .word(.by)),
                         Parameter("d", .text, introducer: .word(.to))],
            run: { _, _ in CommandResult(.number(1)) }))
    }
}

@Suite struct IntroducerCompletionTests {
    /// After a command and its first argument: the words its declaration introduces, not yet used.
    @Test func introducerWordsAfterACommand() throws {
        let s = try session()
        try s.load(plugin: WalkPlugin.self)
        #expect(s.completions(line: "walk 1 v", cursor: 8).candidates == ["vs"])
        #expect(s.completions(line: "walk 1 ", cursor: 7).candidates == ["and", "by", "in", "or", "to", "vs"])
        #expect(!s.completions(line: "walk 1 vs 2 v", cursor: 13).candidates.contains("vs"))
        #expect(s.completions(line: "walk 1 vs 2 b", cursor: 13).candidates.contains("by"))
        // Not in place of the first argument.
        #expect(!s.completions(line: "walk v", cursor: 6).candidates.contains("vs"))
    }
}
