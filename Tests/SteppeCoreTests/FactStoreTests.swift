import Testing
@testable import SteppeCore

/// The compact fact store: records, the pair index and the details table.
struct FactStoreTests {
    private func store(pairs: Int, factsPerPair: Int) -> FactStore {
        let s = FactStore()
        s.add(SourceInfo(id: "gen", title: "Generated", author: nil, publisher: nil, year: nil, address: nil, kind: "reference", note: nil))
        _ = s.beginPack("test")
        for round in 0..<factsPerPair {
            for p in 0..<pairs {
                s.addFact(subject: "e\(p % 97)", property: "p\(p / 97)", value: .number(Double(p * 10 + round)),
                          source: "gen", at: nil, quote: nil, on: nil, topic: nil, claimant: nil, pack: 0, line: p)
            }
        }
        return s
    }

    @Test func recordsStayCompact() {
        #expect(MemoryLayout<FactRecord>.stride == 32)
    }

    /// Enough pairs to make the index grow several times: every pair still
    /// finds its facts, oldest first, and an unknown pair finds none.
    @Test func theIndexFindsEveryPairAfterGrowing() {
        let pairs = 5_000
        let s = store(pairs: pairs, factsPerPair: 3)
        #expect(s.factCount == pairs * 3)
        for p in stride(from: 0, to: pairs, by: 7) {
            let found = s.facts(subject: "e\(p % 97)", property: "p\(p / 97)")
            #expect(found.map { $0.value.quantity?.nominal } == [Double(p * 10), Double(p * 10 + 1), Double(p * 10 + 2)])
        }
        #expect(s.facts(subject: "e1", property: "p9999").isEmpty)
        #expect(s.facts(subject: "nobody", property: "p1").isEmpty)
        #expect(s.hasProperty(subject: "e3", property: "p0"))
    }

    /// The same clauses share a details row; facts without clauses need none.
    @Test func clausesAreKeptPerFact() {
        let s = FactStore()
        s.add(SourceInfo(id: "gen", title: "Generated", author: nil, publisher: nil, year: nil, address: nil, kind: "reference", note: nil))
        _ = s.beginPack("test")
        s.addFact(subject: "a", property: "x", value: .number(1), source: "gen", at: "¶1", quote: "one",
                  on: nil, topic: "t", claimant: "b", pack: 0, line: 1)
        s.addFact(subject: "a", property: "y", value: .number(2), source: "gen", at: "¶1", quote: "one",
                  on: nil, topic: "t", claimant: "b", pack: 0, line: 2)
        s.addFact(subject: "a", property: "z", value: .number(3), source: "gen", at: nil, quote: nil,
                  on: nil, topic: nil, claimant: nil, pack: 0, line: 3)
        let x = s.fact(0), z = s.fact(2)
        #expect(x.at == "¶1" && x.quote == "one" && x.topic == "t" && x.claimant == "b")
        #expect(z.at == nil && z.quote == nil && z.topic == nil && z.claimant == nil)
        #expect(s.detailRows.count == 1)
    }

    /// A pair with many facts (a time series) finds restated claims through
    /// its index of claims: a second load adds nothing, and a new claim
    /// (another date, figure, topic or claimant) is added.
    @Test func aLongSeriesIsRestatedOnce() {
        let s = FactStore()
        s.add(SourceInfo(id: "gen", title: "Generated", author: nil, publisher: nil, year: nil, address: nil, kind: "reference", note: nil))
        _ = s.beginPack("test")
        func load() {
            for day in 1...200 {
                s.addExactFact(subject: "brent", property: "price", nominal: Double(day % 50), unit: Unit(), source: 0,
                               at: nil, quote: nil, topic: "economy", claimant: nil,
                               on: CivilDate(year: 2022, month: 1 + day / 31 % 12, day: 1 + day % 28)?.packed ?? 0, pack: 0, line: day)
            }
        }
        load()
        let first = s.factCount
        load()
        #expect(s.factCount == first)
        s.addExactFact(subject: "brent", property: "price", nominal: 99, unit: Unit(), source: 0, at: nil, quote: nil,
                       topic: "economy", claimant: nil, on: CivilDate(year: 2022, month: 1, day: 2)?.packed ?? 0, pack: 0, line: 1)
        s.addExactFact(subject: "brent", property: "price", nominal: 1, unit: Unit(), source: 0, at: nil, quote: nil,
                       topic: "prices", claimant: nil, on: CivilDate(year: 2022, month: 1, day: 2)?.packed ?? 0, pack: 0, line: 1)
        s.addFact(subject: "brent", property: "price", value: .number(1), source: "gen", at: nil, quote: nil,
                  on: CivilDate(year: 2022, month: 1, day: 2), topic: "economy", claimant: nil, pack: 0, line: 1)
        #expect(s.factCount == first + 2)
    }

    /// A copy shares nothing that a later change to the original can reach.
    @Test func aCopyIsUnchangedByTheOriginal() {
        let s = store(pairs: 10, factsPerPair: 1)
        let c = s.copy()
        s.addFact(subject: "e0", property: "p0", value: .number(99), source: "gen", at: nil, quote: nil,
                  on: nil, topic: nil, claimant: nil, pack: 0, line: 99)
        #expect(c.facts(subject: "e0", property: "p0").count == 1)
        #expect(s.facts(subject: "e0", property: "p0").count == 2)
        #expect(s.generation != c.generation)
    }
}
