import Testing
@testable import SteppeCore

/// `in` over intervals, back-references refused, and how `search` folds texts.
@Suite struct TextAndMembershipTests {
    @Test func intervalWithin() {
        #expect(Interval.exact(238).within(.moreThan(225)) == .yes)
        #expect(Interval.exact(13).within(.moreThan(225)) == .no)
        #expect(Interval.exact(225).within(.moreThan(225)) == .no)
        #expect(Interval.exact(225).within(.atLeast(225)) == .yes)
        #expect(Interval.moreThan(225).within(.between(200, 300)) == .unknown)
        #expect(Interval.moreThan(225).within(.atLeast(225)) == .yes)
        #expect(Interval.atLeast(225).within(.moreThan(225)) == .unknown)
        #expect(Interval.between(1, 2).within(.between(1, 2)) == .yes)
    }

    @Test func backReferencesAreFound() {
        #expect(CompiledRegex.hasBackReference("(ab)\\1"))
        #expect(CompiledRegex.hasBackReference("x\\9"))
        #expect(!CompiledRegex.hasBackReference("[\\1]"))
        #expect(!CompiledRegex.hasBackReference("a\\\\1"))
        #expect(!CompiledRegex.hasBackReference("[]\\1]"))
        #expect(!CompiledRegex.hasBackReference("[[:digit:]]\\.1"))
        #expect(CompiledRegex.hasBackReference("[[:digit:]](a)\\1"))
    }

    @Test func regexMatches() throws {
        #expect(try CompiledRegex("o[il]+").matches("oil and gas"))
        #expect(try !CompiledRegex("^oil$").matches("Oil"))
        #expect(try CompiledRegex("(?i)^oil$").matches("Oil"))
        #expect(throws: CompiledRegex.Failure.self) { try CompiledRegex("a(b") }
        #expect(throws: CompiledRegex.Failure.self) { try CompiledRegex("(a)\\1") }
    }

    @Test func folding() {
        #expect(FactTexts.fold("City_Halls") == "city halls")
        #expect(FactTexts.fold("Kassym-Jomart") == "kassym jomart")
        #expect(FactTexts.fold("ҚАЗАҚ") == "қазақ")
    }
}
