import SteppeCore

/// What `search` looks for: words that must each occur somewhere, or an
/// entity's id, name and aliases, any of which may occur, each as a phrase.
struct Query {
    /// Folded (lower case, `_` and `-` as spaces) terms.
    let terms: [String]
    /// Every term must occur (words), or any one (an entity's names).
    let needsAll: Bool
    /// The query as the user wrote it, for messages.
    let shown: String

    /// The query an argument asks for, or nil when it holds no word.
    init?(_ v: Value?) throws {
        guard let v else { return nil }
        switch v.payload {
        case .text(let s):
            terms = FactTexts.fold(s).split(separator: " ").map(String.init)
            needsAll = true
            shown = s
        case .entity(let e):
            var names: [String] = []
            for n in [e.id, e.name] + e.aliases {
                let f = FactTexts.fold(n).split(separator: " ").joined(separator: " ")
                if !f.isEmpty && !names.contains(f) { names.append(f) }
            }
            terms = names
            needsAll = false
            shown = e.name
        default:
            throw CommandError("expected words, a text or an entity, found \(v.kindName)", parameter: "words")
        }
        if terms.isEmpty { return nil }
    }

    /// Which of `texts` hold each term: one flag a text, a row a term.
    func flags(_ texts: [String]) -> [[Bool]] {
        let needles = terms.map { Array($0.utf8) }
        return needles.map { needle in texts.map { Query.holds($0, needle) } }
    }

    /// Whether `text` holds `needle` (bytes of UTF-8), without allocating.
    static func holds(_ text: String, _ needle: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { hay in
            let n = needle.count, h = hay.count
            guard n > 0 else { return true }
            guard n <= h else { return false }
            let first = needle[0]
            var i = 0
            while i <= h - n {
                if hay[i] == first {
                    var j = 1
                    while j < n && hay[i + j] == needle[j] { j += 1 }
                    if j == n { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// Whether a term could be found in a number as shown (`2,500`).
    static func couldBeNumber(_ term: String) -> Bool {
        term.utf8.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The distinct words of the texts, for "closest words" notes.
    static func vocabulary(_ texts: [String]) -> [String] {
        var seen = Set<String>()
        var words: [String] = []
        for t in texts {
            for w in t.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where w.count > 1 {
                let s = String(w)
                if seen.insert(s).inserted { words.append(s) }
            }
        }
        return words
    }
}
