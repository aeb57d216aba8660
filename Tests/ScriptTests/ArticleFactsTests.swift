import Foundation
import Testing

/// The article, read from the project's copy (CI's clone has it), by paragraph:
/// ¶1 ("Located in Central Asia…") to ¶7 ("Despite its repressive government…").
enum Article {
    static let copy = Run.packageRoot.appendingPathComponent("Tests/ScriptTests/scripts/article/what-really-happened-in-kazakhstan.txt")
    /// The shared original, beside the project where it is checked out (as in CI).
    static let shared = Run.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/article/what-really-happened-in-kazakhstan.txt")

    /// The paragraphs ¶1…¶7 of `text`: the blocks between blank lines, from the
    /// one starting "Located in Central Asia" on.
    static func paragraphs(_ text: String) -> [String] {
        let blocks = text.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        guard let first = blocks.firstIndex(where: { $0.hasPrefix("Located in Central Asia") }),
              first + 7 <= blocks.count else { return [] }
        return Array(blocks[first..<(first + 7)])
    }

    static func words(_ s: String) -> Int { s.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }

    /// What is wrong with one fact's quote and hedge: an article fact's must be
    /// verbatim in the paragraph its `at` names; any built-in fact's quote is at
    /// most twelve words and its hedge at most six.
    static func problems(at: String?, quote: String?, hedge: String?, fromArticle: Bool, paragraphs: [String]) -> [String] {
        var out: [String] = []
        if let quote, words(quote) > 12 { out.append("quote \"\(quote)\" has \(words(quote)) words (at most 12)") }
        if let hedge, words(hedge) > 6 { out.append("hedge \"\(hedge)\" has \(words(hedge)) words (at most 6)") }
        guard fromArticle else { return out }
        guard let at, at.hasPrefix("¶"), let n = Int(at.dropFirst()), (1...paragraphs.count).contains(n) else {
            out.append("at \(at ?? "nothing") names no paragraph ¶1–¶\(paragraphs.count)")
            return out
        }
        for (kind, text) in [("quote", quote), ("hedge", hedge)] {
            if let text, !paragraphs[n - 1].contains(text) { out.append("\(kind) \"\(text)\" is not in \(at)") }
        }
        return out
    }

    /// Runs statements in `--format json` and parses the one result.
    static func json(_ statements: String) throws -> Any {
        let run = try Run.steppe(["--format", "json", "-c", statements])
        guard run.status == 0 else { throw HarnessError("steppe -c \(statements) exited \(run.status): \(run.stderr)") }
        return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    }
}

@Suite("The article's quotes and hedges, against the article")
struct ArticleQuoteTests {
    @Test func theCopyIsTheArticle() throws {
        let text = try String(contentsOf: Article.copy, encoding: .utf8)
        let paragraphs = Article.paragraphs(text)
        #expect(paragraphs.count == 7)
        #expect(paragraphs.last?.hasPrefix("Despite its repressive government") == true)
        if FileManager.default.fileExists(atPath: Article.shared.path) {
            #expect(try String(contentsOf: Article.shared, encoding: .utf8) == text, "the project's copy differs from ../shared")
        }
    }

    @Test func everyQuoteAndHedgeIsVerbatimInItsParagraph() throws {
        let paragraphs = Article.paragraphs(try String(contentsOf: Article.copy, encoding: .utf8))
        let rows = try #require(try Article.json("facts | where quote != \"\" or hedge != \"\" | select source, at, quote, hedge") as? [[String: Any]])
        var checked = 0, hedges: Set<String> = []
        for row in rows {
            let source = (row["source"] as? [String: Any])?["source"] as? String
            let at = row["at"] as? String, quote = row["quote"] as? String, hedge = row["hedge"] as? String
            let problems = Article.problems(at: at, quote: quote, hedge: hedge, fromArticle: source == "article", paragraphs: paragraphs)
            #expect(problems.isEmpty, "\(source ?? "?") \(at ?? "?"): \(problems.joined(separator: "; "))")
            if source == "article" { checked += 1 }
            if source == "article", let hedge { hedges.insert(hedge) }
        }
        #expect(checked >= 30)
        // FACTS.md's four hedges, at least.
        for h in ["is believed to", "is categorized as", "are accused of", "has been considered"] {
            #expect(hedges.contains(h), "no article fact is hedged \"\(h)\"")
        }
    }

    @Test func theCheckFindsWhatIsWrong() throws {
        let paragraphs = Article.paragraphs(try String(contentsOf: Article.copy, encoding: .utf8))
        // ¶1's words placed at ¶2, a paraphrase, a long quote, a long hedge, a bad place.
        #expect(!Article.problems(at: "¶2", quote: "3% of the global oil reserves", hedge: nil, fromArticle: true, paragraphs: paragraphs).isEmpty)
        #expect(!Article.problems(at: "¶2", quote: nil, hedge: "is thought to", fromArticle: true, paragraphs: paragraphs).isEmpty)
        #expect(!Article.problems(at: "¶5", quote: "more than 225 citizens have been killed, and more than 5000 demonstrators have", hedge: nil, fromArticle: true, paragraphs: paragraphs).isEmpty)
        #expect(!Article.problems(at: "¶7", quote: nil, hedge: "has been considered a pillar of economic and", fromArticle: true, paragraphs: paragraphs).isEmpty)
        #expect(!Article.problems(at: "¶8", quote: "Kremlin", hedge: nil, fromArticle: true, paragraphs: paragraphs).isEmpty)
        #expect(Article.problems(at: "¶1", quote: "3% of the global oil reserves", hedge: nil, fromArticle: true, paragraphs: paragraphs).isEmpty)
    }
}
