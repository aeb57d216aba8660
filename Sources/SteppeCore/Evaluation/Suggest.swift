/// Finds the known names closest to a mistyped one (edit distance with
/// transpositions), for "did you mean" notes.
///
/// Every unknown name pays for this (a script of 20,000 mistakes, 20,000
/// times), so it works on Unicode scalars in reused buffers rather than on
/// Characters, skips a name whose length alone puts it too far, and stops
/// a comparison as soon as it cannot come within the threshold.
enum Suggest {
    static func closest(to name: String, among names: [String], limit: Int = 2) -> [String] {
        var buffers = Buffers()
        let target = folded(name)
        let threshold = max(1, min(3, target.count / 3 + 1))
        var scored: [(String, Int)] = []
        var seen = Set<String>()
        var other: [UInt32] = []
        for n in names where n != name {
            fold(n, into: &other)
            guard abs(other.count - target.count) <= threshold else { continue }
            let d = distance(target, other, within: threshold, &buffers)
            if d <= threshold && seen.insert(n).inserted { scored.append((n, d)) }
        }
        scored.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return scored.prefix(limit).map(\.0)
    }

    /// All names, closest first.
    static func ranked(_ name: String, _ names: [String]) -> [String] {
        var buffers = Buffers()
        let target = folded(name)
        return names.map { ($0, distance(target, folded($0), within: Int.max, &buffers)) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
    }

    /// Optimal string alignment distance of two texts (case-insensitive).
    static func distance(_ a: String, _ b: String) -> Int {
        var buffers = Buffers()
        return distance(folded(a), folded(b), within: Int.max, &buffers)
    }

    /// The rows of the distance table, kept from one comparison to the next.
    struct Buffers {
        var prev2: [Int] = []
        var prev: [Int] = []
        var cur: [Int] = []
    }

    /// `text` lowercased, as scalars.
    static func folded(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        fold(text, into: &out)
        return out
    }

    /// Lowercases `text` into `out`: ASCII directly, anything else through
    /// the standard library's full case mapping.
    static func fold(_ text: String, into out: inout [UInt32]) {
        out.removeAll(keepingCapacity: true)
        var ascii = true
        for byte in text.utf8 {
            guard byte < 0x80 else {
                ascii = false
                break
            }
            out.append(UInt32(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte))
        }
        if !ascii {
            out.removeAll(keepingCapacity: true)
            for scalar in text.lowercased().unicodeScalars { out.append(scalar.value) }
        }
    }

    /// Optimal string alignment distance; any result above `limit` may be
    /// reported as `limit + 1`.
    static func distance(_ a: [UInt32], _ b: [UInt32], within limit: Int, _ buffers: inout Buffers) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > limit { return abs(a.count - b.count) }
        let width = b.count + 1
        buffers.prev2.removeAll(keepingCapacity: true)
        buffers.prev2.append(contentsOf: repeatElement(0, count: width))
        buffers.prev.removeAll(keepingCapacity: true)
        buffers.prev.append(contentsOf: 0..<width)
        buffers.cur.removeAll(keepingCapacity: true)
        buffers.cur.append(contentsOf: repeatElement(0, count: width))
        for i in 1...a.count {
            buffers.cur[0] = i
            var rowBest = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(buffers.prev[j] + 1, buffers.cur[j - 1] + 1, buffers.prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d = min(d, buffers.prev2[j - 2] + 1)
                }
                buffers.cur[j] = d
                rowBest = min(rowBest, d)
            }
            // A row's best is at most one more than the row before's, and a
            // row's best is at least the smaller of the best before it and
            // the best two before plus one (a transposition). So once a
            // row's best passes limit + 1, no later row comes back within it.
            if limit != Int.max, rowBest > limit + 1 { return limit + 1 }
            swap(&buffers.prev2, &buffers.prev)
            swap(&buffers.prev, &buffers.cur)
        }
        return buffers.prev[b.count]
    }
}
