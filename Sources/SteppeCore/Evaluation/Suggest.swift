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
            // A name has at most as many scalars as UTF-8 bytes: one too
            // short in bytes is too short in scalars, and is skipped unread.
            if n.utf8.count + threshold < target.count { continue }
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
        var rows: [Int] = []
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
        // Three rows of the table in one buffer: two back, one back, this one.
        if buffers.rows.count < 3 * width { buffers.rows = [Int](repeating: 0, count: 3 * width) }
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                buffers.rows.withUnsafeMutableBufferPointer { rows in
                    var prev2 = 0, prev = width, cur = 2 * width
                    for j in 0..<width { rows[prev + j] = j }
                    for i in 1...a.count {
                        rows[cur] = i
                        var rowBest = i
                        let ai = a[i - 1]
                        for j in 1...b.count {
                            let cost = ai == b[j - 1] ? 0 : 1
                            var d = min(rows[prev + j] + 1, rows[cur + j - 1] + 1, rows[prev + j - 1] + cost)
                            if i > 1, j > 1, ai == b[j - 2], a[i - 2] == b[j - 1] {
                                d = min(d, rows[prev2 + j - 2] + 1)
                            }
                            rows[cur + j] = d
                            rowBest = min(rowBest, d)
                        }
                        // A row's best is at most one more than the row
                        // before's, and at least the smaller of the best before
                        // it and the best two before plus one (a
                        // transposition). So once a row's best passes
                        // limit + 1, no later row comes back within it.
                        if limit != Int.max, rowBest > limit + 1 { return limit + 1 }
                        (prev2, prev, cur) = (prev, cur, prev2)
                    }
                    return rows[prev + b.count]
                }
            }
        }
    }
}
