import Testing
@testable import SteppeCore

/// A record does not carry its pack: runs of facts do.
struct FactStorePackRunsTests {
    private let gen = SourceInfo(id: "gen", title: "Generated", author: nil, publisher: nil, year: nil, address: nil, kind: "reference", note: nil)

    @Test func eachFactKnowsItsPackWhenPacksInterleave() {
        let s = FactStore()
        s.add(gen)
        let a = s.beginPack("a.steppe"), b = s.beginPack("b.steppe")
        let order = [a, a, b, a, b, b, a]
        for (i, pack) in order.enumerated() {
            s.addFact(subject: "e\(i)", property: "p", value: .number(Double(i)), source: "gen",
                      at: nil, quote: nil, on: nil, topic: nil, claimant: nil, pack: pack, line: i + 1)
        }
        for (i, pack) in order.enumerated() {
            let f = s.fact(i)
            #expect(f.pack == pack)
            #expect(f.file == (pack == a ? "a.steppe" : "b.steppe"))
            #expect(f.line == i + 1)
        }
    }

    /// A subject's properties are known after a load, in first-stated order,
    /// and again after more facts come.
    @Test func propertiesAreKeptUpToDate() {
        let s = FactStore()
        s.add(gen)
        let p = s.beginPack("t")
        for prop in ["b", "a", "b", "c"] {
            s.addFact(subject: "x", property: prop, value: .number(1), source: "gen",
                      at: nil, quote: nil, on: nil, topic: nil, claimant: nil, pack: p, line: 1)
        }
        #expect(s.statedProperties(of: "x") == ["b", "a", "c"])
        #expect(s.hasAnyFacts(subject: "x"))
        #expect(!s.hasAnyFacts(subject: "y"))
        s.addFact(subject: "x", property: "d", value: .number(2), source: "gen",
                  at: nil, quote: nil, on: nil, topic: nil, claimant: nil, pack: p, line: 2)
        s.addFact(subject: "y", property: "a", value: .number(2), source: "gen",
                  at: nil, quote: nil, on: nil, topic: nil, claimant: nil, pack: p, line: 3)
        #expect(s.statedProperties(of: "x") == ["b", "a", "c", "d"])
        #expect(s.subjects(with: "a") == ["x", "y"])
    }

    /// The `on` date moved into the details row: it still tells claims apart.
    @Test func onDatesStillTellClaimsApart() {
        let s = FactStore()
        s.add(gen)
        let p = s.beginPack("t")
        for on in [CivilDate(year: 2022, month: 1)!, CivilDate(year: 2022, month: 1)!, CivilDate(year: 2021)!] {
            s.addFact(subject: "x", property: "n", value: .number(1), source: "gen",
                      at: nil, quote: nil, on: on, topic: nil, claimant: nil, pack: p, line: 1)
        }
        #expect(s.factCount == 2)
        #expect(s.fact(0).on == CivilDate(year: 2022, month: 1)!)
        #expect(s.fact(1).on == CivilDate(year: 2021)!)
    }
}
