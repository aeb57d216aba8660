import Testing
@testable import SteppeCore

/// The table a CSV or JSON pack's subjects and properties are resolved through.
struct CellTableTests {
    private func find(_ t: CellTable<Int>, _ s: String) -> Int? {
        var s = s
        return s.withUTF8 { t.find($0) }
    }

    private func insert(_ t: inout CellTable<Int>, _ s: String, _ v: Int) {
        var s = s
        s.withUTF8 { t.insert($0, v) }
    }

    /// Enough keys to grow the table several times: each finds its own value,
    /// and keys that differ by one byte, by length, or not at all are told apart.
    @Test func everyKeyFindsItsValueAfterGrowing() {
        var t = CellTable<Int>()
        for i in 0..<5_000 { insert(&t, "e\(i)", i) }
        for i in 0..<5_000 { #expect(find(t, "e\(i)") == i) }
        #expect(find(t, "e5000") == nil)
        #expect(find(t, "e") == nil)
        #expect(find(t, "") == nil)
        #expect(find(t, "e12 ") == nil)
        insert(&t, "", -1)
        #expect(find(t, "") == -1)
        #expect(find(t, "e0") == 0)
    }

    /// Texts beyond ASCII are keys by their bytes.
    @Test func keysAreBytes() {
        var t = CellTable<Int>()
        insert(&t, "Алматы", 1)
        insert(&t, "Almaty", 2)
        #expect(find(t, "Алматы") == 1)
        #expect(find(t, "Almaty") == 2)
        #expect(find(t, "almaty") == nil)
    }
}
