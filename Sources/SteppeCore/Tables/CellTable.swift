/// What the cells of a table pack resolved to, by their text's bytes: a
/// pack names the same few thousand subjects and properties a million times,
/// in any order, and a hit here costs a hash of a few bytes and one
/// comparison, with no `String` made and no dictionary asked.
/// Open addressing over entry numbers; the keys' bytes live in one arena.
struct CellTable<Value> {
    private var slots: [Int32]
    private var mask: Int
    private var hashes: [UInt64] = []
    private var starts: [Int32] = []
    private var arena: [UInt8] = []
    private(set) var values: [Value] = []

    init() {
        slots = Array(repeating: -1, count: 256)
        mask = 255
    }

    /// FNV-1a over the bytes: cells are short, so a byte at a time is enough.
    @inline(__always) static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    @inline(__always) private func slot(for h: UInt64) -> Int { Int(truncatingIfNeeded: (h ^ (h >> 29)) & UInt64(mask)) }

    private func same(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[entry])
        let end = entry + 1 < starts.count ? Int(starts[entry + 1]) : arena.count
        guard end - start == key.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            var i = 0
            while i < key.count {
                if a[start + i] != key[i] { return false }
                i += 1
            }
            return true
        }
    }

    /// The value stored for these bytes.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Value? {
        let h = CellTable.hash(key)
        var i = slot(for: h)
        while true {
            let e = Int(slots[i])
            if e < 0 { return nil }
            if hashes[e] == h && same(e, key) { return values[e] }
            i = (i + 1) & mask
        }
    }

    /// Stores `value` for these bytes (which `find` did not know).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Value) {
        if (values.count + 1) * 2 > slots.count { grow() }
        let h = CellTable.hash(key)
        let e = Int32(values.count)
        hashes.append(h)
        starts.append(Int32(arena.count))
        arena.append(contentsOf: key)
        values.append(value)
        var i = slot(for: h)
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = e
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (e, h) in hashes.enumerated() {
            var i = slot(for: h)
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(e)
        }
    }
}
