/// The numbers an interner has given out, found by their keys' hashes: open
/// addressing (linear probing, at most half full) over the numbers, with
/// each number's hash kept beside it. The interner keeps the keys; this keeps
/// no key, and no `Dictionary` (whose generic metadata, hashing and growth
/// were a tenth of loading the built-in packs).
struct InternSlots: Sendable {
    private var slots: [Int32] = []
    private var hashes: [UInt32] = []
    private var mask = -1

    /// The number whose hash is `hash` and for which `same` holds.
    @inline(__always)
    func find(_ hash: UInt32, _ same: (Int32) -> Bool) -> Int32? {
        guard mask >= 0 else { return nil }
        var i = Int(hash) & mask
        while true {
            let e = slots[i]
            if e < 0 { return nil }
            if hashes[Int(e)] == hash && same(e) { return e }
            i = (i &+ 1) & mask
        }
    }

    /// Takes the next number (the count so far) with `hash`.
    mutating func add(_ hash: UInt32) {
        let id = Int32(hashes.count)
        hashes.append(hash)
        if hashes.count * 2 > slots.count {
            grow()
        } else {
            place(id, hash)
        }
    }

    private mutating func place(_ id: Int32, _ hash: UInt32) {
        var i = Int(hash) & mask
        while slots[i] >= 0 { i = (i &+ 1) & mask }
        slots[i] = id
    }

    private mutating func grow() {
        let size = max(16, slots.count * 2)
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (e, h) in hashes.enumerated() { place(Int32(e), h) }
    }

    /// A 64-bit hash folded to the 32 bits kept, its low bits mixed for the mask.
    @inline(__always)
    static func fold(_ h: UInt64) -> UInt32 {
        var x = h
        x ^= x >> 31
        x = x &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 29
        return UInt32(truncatingIfNeeded: x ^ (x >> 32))
    }
}

/// A key an ``Interner`` can number: equal keys must have equal hashes.
protocol InternKey: Equatable, Sendable {
    var internHash: UInt32 { get }
}

/// Keys kept once and referred to by number, in the order first seen.
struct Interner<Key: InternKey>: Sendable {
    private(set) var items: [Key] = []
    private var slots = InternSlots()

    mutating func intern(_ key: Key) -> Int32 {
        let h = key.internHash
        if let id = slots.find(h, { items[Int($0)] == key }) { return id }
        let id = Int32(items.count)
        items.append(key)
        slots.add(h)
        return id
    }

    func id(_ key: Key) -> Int32? { slots.find(key.internHash) { items[Int($0)] == key } }
    subscript(id: Int32) -> Key { items[Int(id)] }
    var count: Int { items.count }
}

/// Names and texts kept once and referred to by number, found by a hash of
/// their UTF-8 bytes: hashing a name's few bytes costs a fraction of hashing
/// a `String`.
///
/// Two texts are the same when `String` says so, which is canonical
/// equivalence: `"é"` precomposed and `"e\u{301}"`, or `"K"` and U+212A
/// KELVIN SIGN, are one text. So the bytes hashed are those of the text's
/// canonical composition (NFC), which for ASCII, most names and many texts,
/// are its own bytes; equality is `String`'s.
struct TextInterner: Sendable {
    private(set) var items: [String] = []
    private var slots = InternSlots()
    /// Seeds the hash, so that no pack can be written to collide in it.
    private let seed: UInt64

    init() {
        var generator = SystemRandomNumberGenerator()
        seed = generator.next()
    }

    mutating func intern(_ key: String) -> Int32 {
        let h = hash(key)
        if let id = slots.find(h, { items[Int($0)] == key }) { return id }
        let id = Int32(items.count)
        items.append(key)
        slots.add(h)
        return id
    }

    func id(_ key: String) -> Int32? { slots.find(hash(key)) { items[Int($0)] == key } }
    subscript(id: Int32) -> String { items[Int(id)] }
    var count: Int { items.count }

    /// The hash of the key's bytes, its NFC bytes when it is not ASCII.
    private func hash(_ key: String) -> UInt32 {
        if let (h, ascii) = key.utf8.withContiguousStorageIfAvailable({ TextInterner.hash($0, seed: seed) }), ascii {
            return h
        }
        return key._nfcCodeUnits.withUnsafeBufferPointer { TextInterner.hash($0, seed: seed).0 }
    }

    /// A seeded hash of `k`, eight bytes at a time, and whether every byte is ASCII.
    private static func hash(_ k: UnsafeBufferPointer<UInt8>, seed: UInt64) -> (UInt32, Bool) {
        var h = seed ^ (UInt64(k.count) &* 0x9E37_79B9_7F4A_7C15)
        var high: UInt64 = 0
        var i = 0
        if let base = k.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= k.count {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                high |= w
                h = (h ^ w) &* 0x0000_0100_0000_01B3
                h ^= h >> 29
                i += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < k.count {
                tail |= UInt64(k[i]) << shift
                shift += 8
                i += 1
            }
            high |= tail
            h = (h ^ tail) &* 0x0000_0100_0000_01B3
        }
        return (InternSlots.fold(h), high & 0x8080_8080_8080_8080 == 0)
    }
}

extension FactDetails: InternKey {
    var internHash: UInt32 {
        var h = UInt64(UInt32(bitPattern: at)) | UInt64(UInt32(bitPattern: quote)) << 32
        h = (h ^ (UInt64(UInt32(bitPattern: topic)) | UInt64(UInt32(bitPattern: claimant)) << 32)) &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ (UInt64(UInt32(bitPattern: hedge)) | UInt64(UInt32(bitPattern: on)) << 32)) &* 0x9E37_79B9_7F4A_7C15
        return InternSlots.fold(h)
    }
}

extension Unit: InternKey {
    var internHash: UInt32 { UInt32(truncatingIfNeeded: hashValue) }
}
