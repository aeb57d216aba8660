/// The newest fact of each (subject, property), in an open-addressing table
/// keyed by the two interned ids. Facts of one pair are chained from newest
/// to oldest through `FactStore.nextOfPair`. Swift's Dictionary hashes every
/// key with SipHash; a pack of a million facts calls this a million times, so
/// a multiplicative hash over one integer is worth its few lines.
struct PairIndex: Sendable {
    private var keys: [Int64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: -1, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    static func key(_ subject: Int32, _ property: Int32) -> Int64 { Int64(subject) << 32 | Int64(UInt32(bitPattern: property)) }

    private func slot(_ key: Int64) -> Int {
        var i = Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
        while keys[i] != -1 && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    subscript(key: Int64) -> Int32? {
        let i = slot(key)
        return keys[i] == -1 ? nil : values[i]
    }

    /// Sets the value for `key`; returns the value it replaced.
    @discardableResult
    mutating func set(_ key: Int64, _ value: Int32) -> Int32? {
        if (count + 1) * 2 > keys.count { grow() }
        let i = slot(key)
        if keys[i] == -1 {
            keys[i] = key
            values[i] = value
            count += 1
            return nil
        }
        let old = values[i]
        values[i] = value
        return old
    }

    /// Makes room for `n` entries in all, so loading a large pack never rehashes.
    mutating func reserve(_ n: Int) {
        guard n * 2 > keys.count else { return }
        rehash(to: n)
    }

    private mutating func grow() { rehash(to: keys.count) }

    private mutating func rehash(to n: Int) {
        let oldKeys = keys
        let oldValues = values
        self = PairIndex(capacity: n)
        for (k, v) in zip(oldKeys, oldValues) where k != -1 { set(k, v) }
    }
}
