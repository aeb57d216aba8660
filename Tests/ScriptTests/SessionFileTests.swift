import Foundation
import Testing

/// CSV and JSON packs from the command line, and the session commands that
/// write files: `:save`, `:output`, `:once` (LANGUAGE.md, "Session commands"
/// and "Running steppe").
@Suite struct SessionFileTests {
    /// A fresh folder holding `files`.
    func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    func read(_ dir: URL, _ name: String) -> String? {
        try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    static let figures = """
        subject,property,value,unit,bound,low,high,source,at,quote,on,topic,hedge
        Kazakhstan,deaths_reported,225,people,more_than,,,ngo,p. 1,\"\"\"at least 225, officials said\"\"\",2022-01,casualties,is believed to
        Amnesty International,deaths_counted,,people,,200,250,ngo,table 2,,2022-01,casualties,
        Human Rights Watch,deaths_counted,238,people,about,,,ngo,,,2022-01-20,casualties,
        Legal Aid Almaty,deaths_counted,=more_than(230 people),,,,,ngo,,,,casualties,

        """

    static let session = """
        source ngo "Casualty counts of three NGOs" kind reference
        :load figures.csv
        set kazakhstan.population = 19_000_000 people
        def per_million(x) = x / kazakhstan.population * 1_000_000 people
        let counted = human_rights_watch.deaths_counted
        fact kazakhstan.note = "typed at the prompt"
        entity almaty "Almaty" kind city
        fact almaty.protesters = 10_000 people from ngo on 2022-01-05
        unit kpeople = 1000 people
        rule almaty.share_of_deaths = human_rights_watch.deaths_counted / almaty.protesters
        :save saved.steppe

        """

    static let check = """
        facts | where source != article and source != bp2021 | select subject, property, value, source, at, on, topic, hedge, quote
        entities | where kind == "thing" or kind == "city"
        :vars
        per_million(counted)
        almaty.share_of_deaths
        2 kpeople
        kazakhstan.note

        """

    @Test func saveReplaysTheSession() throws {
        let dir = try folder(["figures.csv": Self.figures, "session.steppe": Self.session, "check.steppe": Self.check])
        let original = try Run.steppe(["session.steppe", "check.steppe"], directory: dir)
        #expect(original.status == 0, "\(original.stderr)")
        #expect(original.stderr.contains("made 3 new entities"))
        let saved = try #require(read(dir, "saved.steppe"))
        // The built-in packs are not written; the CSV is, as statements: new entities first.
        #expect(!saved.contains("source article"))
        let entityLine = try #require(saved.range(of: "entity amnesty_international \"Amnesty International\" kind thing"))
        let factLine = try #require(saved.range(of: "fact amnesty_international.deaths_counted = between(200 people, 250 people) from ngo"))
        #expect(entityLine.lowerBound < factLine.lowerBound)
        #expect(saved.contains("fact kazakhstan.deaths_reported = more_than(225 people) from ngo at \"p. 1\" quote \"\\\"at least 225, officials said\\\"\" on 2022-01 topic casualties hedge \"is believed to\""))
        #expect(saved.contains("fact legal_aid_almaty.deaths_counted = (more_than(230 people)) from ngo"))
        // In the order it ran: the source, the pack, then the set, def and let.
        let order = ["source ngo", "entity human_rights_watch", "set kazakhstan.population", "def per_million", "let counted",
                     "fact kazakhstan.note = \"typed at the prompt\" from ngo", "unit kpeople", "rule almaty.share_of_deaths"]
        let places = try order.map { try #require(saved.range(of: $0), "\($0) is missing from:\n\(saved)").lowerBound }
        #expect(places == places.sorted())
        #expect(!saved.contains("\n:save"))

        let replay = try Run.steppe(["saved.steppe", "check.steppe"], directory: dir)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(!replay.stderr.contains("made"))
        // The same facts, entities, variables, assumptions and results; only
        // the place of the `set` is the saved script's.
        func unplaced(_ s: String) -> String {
            s.replacingOccurrences(of: "\\((session|saved)\\.steppe:[0-9]+\\)", with: "(PLACE)", options: .regularExpression)
        }
        #expect(unplaced(replay.stdout) == unplaced(original.stdout))
        #expect(original.stdout.contains("per_million"))
        #expect(original.stdout.contains("set kazakhstan.population"))
        // Saving the replayed session gives the same script again.
        let again = try Run.steppe(["saved.steppe", "-c", ":save again.steppe"], directory: dir)
        #expect(again.status == 0)
    }

    @Test func outputAndOnceMoveResultsOnly() throws {
        let dir = try folder(["s.steppe": """
            1 + 1
            :output out.txt
            2 + 2
            kazakhstan.nope
            3 + 3
            :output
            4 + 4
            :once once.txt
            let x = 5
            x * 2
            x * 3

            """])
        let r = try Run.steppe(["--keep-going", "s.steppe"], directory: dir)
        #expect(r.stdout == "2\n8\n15\n")
        #expect(read(dir, "out.txt") == "4\n6\n")
        #expect(read(dir, "once.txt") == "10\n")
        // Errors stay on stderr.
        #expect(r.stderr.contains("s.steppe:4:12: error:"))
        #expect(r.status == 1)
        // :output makes its file anew.
        let again = try Run.steppe(["-c", ":output out.txt", "-c", "7"], directory: dir)
        #expect(again.status == 0)
        #expect(read(dir, "out.txt") == "7\n")
    }

    @Test func safeRefusesFileWrites() throws {
        let dir = try folder([:])
        for command in [":save s.steppe", ":output o.txt", ":once o.txt", ":output"] {
            let name = command.split(separator: " ")[0]
            let r = try Run.steppe(["--safe", "-c", command], directory: dir)
            #expect(r.status == 1)
            #expect(r.stderr.contains("error: \(name) is refused under --safe"), "\(r.stderr)")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(left.isEmpty)
    }

    @Test func loadFromTheCommandLine() throws {
        let dir = try folder([
            "ngo.steppe": "source ngo \"Casualty counts of three NGOs\" kind reference\n",
            "plain.csv": "subject,property,value,unit\nKazakhstan,deaths_reported,225,people\n",
            "plain.jsonl": "{\"subject\": \"Kazakhstan\", \"property\": \"arrests\", \"value\": 10000, \"unit\": \"people\"}\n",
            "bad.csv": "subject,property,value,source\nKazakhstan,x,\"never closed,ngo\n",
        ])
        let r = try Run.steppe(["--load", "ngo.steppe", "--load", "plain.csv", "--from", "ngo", "--load", "plain.jsonl", "--from", "ngo",
                                "-c", "kazakhstan.deaths_reported; kazakhstan.arrests"], directory: dir)
        #expect(r.stdout == "225 people\n10,000 people\n", "\(r.stderr)")
        #expect(r.status == 0)
        // The --opt=value forms go through the argument parser, which keeps each --from with its --load.
        let eq = try Run.steppe(["--load=ngo.steppe", "--load=plain.csv", "--from=ngo", "-c", "kazakhstan.deaths_reported"], directory: dir)
        #expect(eq.stdout == "225 people\n", "\(eq.stderr)")
        // A pack with an error inside exits 1, and its place is shown; one that cannot be read exits 2.
        let bad = try Run.steppe(["--load", "ngo.steppe", "--load", "bad.csv", "-c", "1"], directory: dir)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.csv:2:14: error: this quote is never closed"), "\(bad.stderr)")
        let missing = try Run.steppe(["--load", "nothing.csv", "-c", "1"], directory: dir)
        #expect(missing.status == 2)
        // --from names a source declared already.
        let unknown = try Run.steppe(["--load", "plain.csv", "--from", "ngo", "-c", "1"], directory: dir)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown source 'ngo'"))
        // A --from before any --load is a bad command line.
        let early = try Run.steppe(["--from", "ngo", "--load", "plain.csv", "-c", "1"], directory: dir)
        #expect(early.status == 2)
    }
}
