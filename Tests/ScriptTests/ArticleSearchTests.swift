import Foundation
import Testing

/// FACTS.md, "The article's other claims": every row is a fact that `search`
/// finds by the words in italics, at the row's paragraph, with the row's clauses.
enum OtherClaims {
    /// (paragraph, the words in italics, a condition the row's clauses add).
    static let rows: [(at: String, words: String, clauses: String?)] = [
        ("¶2", "ruling elites", nil),
        ("¶2", "elections", nil),
        ("¶2", "constitution", "hedge == \"is believed to\""),
        ("¶2", "is categorized as", "hedge == \"is categorized as\" and property == \"regime\""),
        ("¶3", "different cities", nil),
        ("¶4", "violent clashes", nil),
        ("¶4", "anti-government", nil),
        ("¶4", "tensions", "claimant == abdurasulov"),
        ("¶4", "reporter", nil),
        ("¶4", "city halls", nil),
        ("¶4", "interests", "topic == \"judgement\""),
        ("¶4", "nationwide", nil),
        ("¶4", "well-being", "topic == \"judgement\""),
        ("¶5", "military", nil),
        ("¶5", "repressively", "topic == \"judgement\""),
        ("¶5", "violent tactics", "hedge == \"are accused of\""),
        ("¶5", "torture", nil),
        ("¶5", "police vehicles", nil),
        ("¶5", "airport", nil),
        ("¶6", "request", nil),
        ("¶6", "stabilize", "quote == \"stabilize the country\""),
        ("¶6", "space", nil),
        ("¶7", "has been considered", "hedge == \"has been considered\" and subject == kazakhstan and property == \"regional_reputation\""),
        ("¶7", "close eye", "claimant == chatham_house"),
        ("¶7", "Russia's sphere of influence", "claimant == russia and quote == \"Russia's sphere of influence\""),
        ("¶7", "Kremlin", nil),
        ("¶7", "implications", "topic == \"judgement\""),
        ("¶7", "opportunity", "topic == \"judgement\""),
    ]

    static let topics = ["events", "politics", "casualties", "geopolitics", "judgement"]

    /// The (¶, italics) pairs of FACTS.md's section, where ../shared is beside the project.
    static func fromSpec() -> [(String, String)]? {
        let url = Run.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/spec/FACTS.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8),
              let start = text.range(of: "## The article's other claims") else { return nil }
        let section = text[start.upperBound...].prefix { _ in true }
        let end = section.range(of: "\n## ").map { section[..<$0.lowerBound] } ?? section
        var out: [(String, String)] = []
        for line in end.split(separator: "\n") where line.hasPrefix("| ¶") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, let a = cells[1].range(of: "*"),
                  let b = cells[1][a.upperBound...].range(of: "*") else { continue }
            out.append((cells[0], String(cells[1][a.upperBound..<b.lowerBound])))
        }
        return out
    }

    /// `search WORDS`, or `search "TEXT"` for words with punctuation in them.
    static func search(_ words: String) -> String {
        words.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" } ? "search \(words)" : "search \"\(words)\""
    }

    static func count(_ statement: String) throws -> Int {
        let run = try Run.steppe(["--format", "json", "-c", statement])
        guard run.status == 0 else { throw HarnessError("\(statement): exit \(run.status): \(run.stderr)") }
        guard let n = Int(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw HarnessError("\(statement): not a count: \(run.stdout)")
        }
        return n
    }
}

@Suite("search finds the article's other claims")
struct ArticleSearchTests {
    @Test func theRowsAreFactsMdsRows() throws {
        guard let spec = OtherClaims.fromSpec() else { return }  // no ../shared here
        #expect(spec.map { "\($0.0) \($0.1)" } == OtherClaims.rows.map { "\($0.at) \($0.words)" })
    }

    @Test(arguments: OtherClaims.rows.map { "\($0.at)|\($0.words)|\($0.clauses ?? "")" })
    func searchFindsTheRow(_ row: String) throws {
        let parts = row.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        let (at, words, clauses) = (parts[0], parts[1], parts[2])
        let search = OtherClaims.search(words)
        let here = try OtherClaims.count("\(search) | where at == \"\(at)\" and source == article | count")
        #expect(here >= 1, "\(search) finds no article fact at \(at)")
        let topic = OtherClaims.topics.map { "topic == \"\($0)\"" }.joined(separator: " or ")
        let withTopic = try OtherClaims.count("\(search) | where at == \"\(at)\" and source == article | where \(topic) | count")
        #expect(withTopic >= 1, "\(search) at \(at): no fact in topic \(OtherClaims.topics.joined(separator: ", "))")
        if !clauses.isEmpty {
            let n = try OtherClaims.count("\(search) | where at == \"\(at)\" and source == article | where \(clauses) | count")
            #expect(n >= 1, "\(search) at \(at): no fact with \(clauses)")
        }
    }

    @Test func aMissingClaimIsNotFound() throws {
        // The test can fail: words the article never uses are found nowhere.
        #expect(try OtherClaims.count("search zebra crossing | count") == 0)
    }
}
