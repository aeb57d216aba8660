import Testing
@testable import SteppeCore

/// "did you mean" stays what it was when it was made fast: the same names,
/// in the same order, as the plain Character-by-Character computation.
struct SuggestTests {
    /// The textbook optimal string alignment distance, on Characters.
    static func reference(_ x: String, _ y: String) -> Int {
        let a = Array(x.lowercased()), b = Array(y.lowercased())
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    static func referenceClosest(_ name: String, _ names: [String]) -> [String] {
        let threshold = max(1, min(3, name.count / 3 + 1))
        var seen = Set<String>()
        var scored: [(name: String, distance: Int)] = []
        for n in names where n != name && seen.insert(n).inserted {
            let d = reference(name, n)
            if d <= threshold { scored.append((n, d)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
        return scored.prefix(2).map { $0.name }
    }

    static let names = [
        "kazakhstan", "Kazakhstan", "russia", "csto", "protests", "tokayev", "nazarbayev", "facts",
        "entities", "sources", "article", "oil_reserves", "oil_reserves_share", "killed", "arrested",
        "officers_killed", "almaty", "Қазақстан", "kz", "per_person", "stats", "compare", "chart",
        "a", "ab", "ba", "abc", "acb", "kazakstan", "kazahkstan", "kazakhstann", "rusia", "cost",
    ]

    @Test func distancesMatchTheTextbook() {
        for x in Self.names + ["", "nosuch", "KAZAKHSTAN", "Қазақ", "protest", "tsoc"] {
            for y in Self.names {
                #expect(Suggest.distance(x, y) == Self.reference(x, y), "\(x) / \(y)")
            }
        }
    }

    @Test func closestMatchesTheTextbook() {
        for x in Self.names + ["nosuch", "kazakstan", "KAZAKHSTAN", "rusia", "protest", "tsoc", "Қазақстн", "x"] {
            #expect(Suggest.closest(to: x, among: Self.names) == Self.referenceClosest(x, Self.names), "\(x)")
        }
    }
}
