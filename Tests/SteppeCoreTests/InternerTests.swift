import Testing
@testable import SteppeCore

/// The store's names and texts (TextInterner) and its other numbered keys
/// (Interner): each key one number, in the order first seen, found again by
/// any key `==` calls equal.
struct InternerTests {
    /// Enough keys to grow the table several times, of every length round a
    /// word's 8 bytes: each keeps its number; keys that differ by a byte, by
    /// length, or in their last byte are told apart.
    @Test func everyTextKeepsItsNumberAfterGrowing() {
        var t = TextInterner()
        var keys: [String] = [""]
        for i in 0..<3_000 { keys.append("e\(i)") }
        for n in 1...20 { keys.append(String(repeating: "a", count: n)) }
        keys += ["ab", "ba", "abcdefgh", "abcdefgi", "abcdefghi", "abcdefgh ", "¶1", "¶2", "Алматы", "Алмат"]
        for (n, k) in keys.enumerated() { #expect(t.intern(k) == Int32(n)) }
        #expect(t.count == keys.count)
        for (n, k) in keys.enumerated() {
            #expect(t.intern(k) == Int32(n))
            #expect(t.id(k) == Int32(n))
            #expect(t[Int32(n)] == k)
        }
        #expect(t.id("e3000") == nil)
        #expect(t.id("Алматы ") == nil)
        #expect(t.count == keys.count)
    }

    /// Canonically equivalent texts are one text, as `String` compares them,
    /// whichever comes first and whether or not the interner had seen a text
    /// past ASCII before.
    @Test func canonicallyEqualTextsAreOneText() {
        let precomposed = "caf\u{E9}", decomposed = "cafe\u{301}"
        var a = TextInterner()
        let n = a.intern(precomposed)
        #expect(a.intern(decomposed) == n)
        #expect(a.id(decomposed) == n)
        #expect(a.count == 1)

        // U+212A KELVIN SIGN is "K": found from either side, also while
        // every item so far was ASCII.
        var b = TextInterner()
        let k = b.intern("K")
        #expect(b.id("\u{212A}") == k)
        #expect(b.intern("\u{212A}") == k)
        #expect(b.count == 1)
        var c = TextInterner()
        let kelvin = c.intern("\u{212A}")
        #expect(c.id("K") == kelvin)
        #expect(c.intern("K") == kelvin)
        #expect(c.count == 1)

        // ASCII keys interned before the first key past ASCII are found
        // after it too.
        var d = TextInterner()
        for i in 0..<100 { _ = d.intern("n\(i)") }
        _ = d.intern("Ω")
        for i in 0..<100 { #expect(d.id("n\(i)") == Int32(i)) }
        #expect(d.intern("\u{2126}") == 100)  // OHM SIGN is Ω
    }

    /// The store's other keys: details rows by their six numbers.
    @Test func detailRowsAreNumberedByAllSixFields() {
        var t = Interner<FactDetails>()
        var rows: [FactDetails] = []
        for i in Int32(0)..<500 {
            rows.append(FactDetails(at: i, quote: -1, topic: -1, claimant: -1, hedge: -1, on: 0))
            rows.append(FactDetails(at: -1, quote: i, topic: -1, claimant: -1, hedge: -1, on: 0))
            rows.append(FactDetails(at: -1, quote: -1, topic: -1, claimant: -1, hedge: -1, on: 20_220_100 + i))
        }
        for (n, r) in rows.enumerated() { #expect(t.intern(r) == Int32(n)) }
        for (n, r) in rows.enumerated() { #expect(t.id(r) == Int32(n)) }
        #expect(t.id(FactDetails(at: 7, quote: 7, topic: -1, claimant: -1, hedge: -1, on: 0)) == nil)
        #expect(t.count == rows.count)
    }
}
