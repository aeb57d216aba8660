/// Finds the known names closest to a mistyped one (edit distance with
/// transpositions), for "did you mean" notes.
enum Suggest {
    static func closest(to name: String, among names: [String], limit: Int = 2) -> [String] {
        let target = Array(name.lowercased())
        let threshold = max(1, min(3, target.count / 3 + 1))
        var scored: [(String, Int)] = []
        var seen = Set<String>()
        for n in names where n != name && seen.insert(n).inserted {
            let d = distance(target, Array(n.lowercased()))
            if d <= threshold { scored.append((n, d)) }
        }
        scored.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return scored.prefix(limit).map(\.0)
    }

    /// All names, closest first.
    static func ranked(_ name: String, _ names: [String]) -> [String] {
        let target = Array(name.lowercased())
        return names.map { ($0, distance(target, Array($0.lowercased()))) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
    }

    /// Optimal string alignment distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > 8 { return abs(a.count - b.count) }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cur[j] = min(cur[j], prev2[j - 2] + 1)
                }
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}
