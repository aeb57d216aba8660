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
}
