/// The newest fact of each (subject, property), in an open-addressing table
/// of fact numbers. Facts of one pair are chained from newest to oldest
/// through `FactStore.olderOfPair`. A slot holds only the fact's number (4
/// bytes): the pair it stands for is read from the fact's own record, so a
/// million facts need 8 MiB here rather than 24. Swift's Dictionary hashes
/// every key with SipHash; a pack of a million facts calls this a million
/// times, so a multiplicative hash over one integer is worth its few lines.
struct PairIndex: Sendable {
    private var slots: [Int32]
    private var mask: Int
    /// 64 − log2(size): the slot is the product's top bits (Fibonacci
    /// hashing), which depend on both halves of the key.
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    static func key(_ subject: Int32, _ property: Int32) -> Int64 { Int64(subject) << 32 | Int64(UInt32(bitPattern: property)) }

    static func key(of r: FactRecord) -> Int64 { key(r.subject, r.property) }

    /// The slot holding `key`'s fact, or the empty slot where it would go.
    private func slot(_ key: Int64, _ records: [FactRecord]) -> Int {
        var i = Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[i] != -1 && PairIndex.key(of: records[Int(slots[i])]) != key { i = (i + 1) & mask }
        return i
    }

    /// The newest fact of the pair `key`, among `records`.
    func newest(_ key: Int64, in records: [FactRecord]) -> Int32? {
        let v = slots[slot(key, records)]
        return v == -1 ? nil : v
    }

    /// Makes `fact` (not yet in `records`) the newest of the pair `key`;
    /// returns the fact it replaced.
    @discardableResult
    mutating func set(_ key: Int64, _ fact: Int32, in records: [FactRecord]) -> Int32? {
        if (count + 1) * 2 > slots.count { rehash(to: slots.count, records) }
        let i = slot(key, records)
        let old = slots[i]
        slots[i] = fact
        if old == -1 {
            count += 1
            return nil
        }
        return old
    }

    /// Makes room for `n` pairs in all, so loading a large pack never rehashes.
    mutating func reserve(_ n: Int, in records: [FactRecord]) {
        guard n * 2 > slots.count else { return }
        rehash(to: n, records)
    }

    private mutating func rehash(to n: Int, _ records: [FactRecord]) {
        let old = slots
        self = PairIndex(capacity: n)
        for fact in old where fact != -1 {
            slots[slot(PairIndex.key(of: records[Int(fact)]), records)] = fact
            count += 1
        }
    }
}
