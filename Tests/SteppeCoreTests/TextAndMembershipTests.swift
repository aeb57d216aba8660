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

    /// `read` gives every part of every fact, as the facts table shows them.
    @Test func factTextsReadEveryPart() throws {
        let s = try Session.withBuiltinFacts()
        let texts = s.store.factTexts
        var parts: [Int32] = []
        var figures: [Double] = []
        texts.read(0..<texts.count, parts: &parts, figures: &figures)
        #expect(parts.count == texts.count * FactTexts.partCount)
        #expect(figures.count == texts.count)
        func part(_ p: FactTexts.Part, _ i: Int) -> String? {
            let k = parts[i * FactTexts.partCount + p.rawValue]
            return k < 0 ? nil : texts.texts[Int(k)]
        }
        for i in 0..<texts.count {
            let f = s.store.fact(i)
            #expect(part(.property, i) == f.property)
            #expect(part(.quote, i) == f.quote)
            #expect(part(.topic, i) == f.topic)
            #expect(part(.hedge, i) == f.hedge)
            #expect(part(.subject, i)?.hasPrefix(f.subject + "\n") ?? false)
            #expect(part(.source, i)?.hasPrefix(f.source.title + "\n") ?? false)
            if figures[i].isNaN {
                #expect(part(.value, i) == ValueText.plain(f.value))
            } else {
                let shown = ValueText.plain(f.value)
                #expect(shown == FactTexts.shownNumber(figures[i]) + (part(.value, i).map { $0.isEmpty ? "" : " " + $0 } ?? ""))
            }
        }
    }

    @Test func folding() {
        #expect(FactTexts.fold("City_Halls") == "city halls")
        #expect(FactTexts.fold("Kassym-Jomart") == "kassym jomart")
        #expect(FactTexts.fold("ҚАЗАҚ") == "қазақ")
    }
}
