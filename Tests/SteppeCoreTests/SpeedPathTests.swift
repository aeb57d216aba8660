import Testing
@testable import SteppeCore

/// The fast ways through (issue 16) give what the general ones give.
@Suite struct SpeedPathTests {
    func describe(_ s: Session) -> [String] {
        s.store.facts.map { f in
            [f.subject, f.property, ValueText.plain(f.value), JSON.encode(f.value), f.source.id, f.at ?? "-",
             f.quote ?? "-", f.on?.description ?? "-", f.topic ?? "-", f.claimant ?? "-", f.origin].joined(separator: "|")
        }
    }

    /// A pack written property by property, with aliases, long and short
    /// names, and units that change and come back: the reader's caches of
    /// names and units store what the parser stores.
    @Test func packInAnyOrderStoresWhatTheParserStores() throws {
        var lines = ["source gen \"Generated\" kind reference",
                     "entity e1 \"E1\" kind thing aka \"one\"",
                     "entity a_rather_long_subject \"Long\" kind thing",
                     "entity e2 \"E2\" kind thing"]
        let units = ["people", "%", "people", "KZT/person/month", "people", "", "km^2", "people"]
        for (k, property) in ["p1", "a_long_property_name", "p2", "p1"].enumerated() {
            for (j, subject) in ["e1", "a_rather_long_subject", "one", "e2"].enumerated() {
                let unit = units[(j + k) % units.count]
                lines.append("fact \(subject).\(property) = \(k * 10 + j)\(unit.isEmpty ? "" : " " + unit) from gen")
            }
        }
        lines.append("fact e2.tail = 5 people")
        let text = lines.joined(separator: "\n")
        let fast = try session()
        let slow = try session()
        slow.packFastPath = false
        try fast.loadPack(SourceFile(name: "order.steppe", text: text))
        try slow.loadPack(SourceFile(name: "order.steppe", text: text))
        #expect(fast.store.factCount == slow.store.factCount)
        #expect(describe(fast) == describe(slow))
    }

    /// `where` over the facts table, compiled or evaluated row by row (over
    /// the same rows bound to a name), keeps the same rows and warns the same.
    @Test func compiledFactConditionsKeepWhatTheEvaluatorKeeps() throws {
        let conditions = [
            "source == article", "source != article", "value > 100 people", "value >= 3 %",
            "source == article and value > 5", "topic == economy or value < 3 %",
            "value > 1000 people and source == article", "subject == kazakhstan", "value == china",
            "claimant == tokayev or topic == politics", "on < 2022-01-05", "value > 2 km",
        ]
        for condition in conditions {
            let s = try session()
            let fast = try run("facts | where \(condition) | count", in: s)
            let slow = try run("let t = facts\nt | where \(condition) | count", in: s)
            #expect(fast.out == slow.out, "\(condition)")
            // The warning's place differs by the `let` line; its words do not.
            func words(_ err: String) -> [String] {
                err.split(separator: "\n").filter { $0.contains("where:") || $0.contains("first:") }.map {
                    String($0.drop { $0 != "w" && $0 != "f" })
                }
            }
            #expect(words(fast.err) == words(slow.err), "\(condition)")
            #expect(fast.outcome.failures == slow.outcome.failures, "\(condition)")
        }
    }

    @Test func unknownNamesInAConditionStillFail() throws {
        let r = try run("facts | where source == nosuch | count")
        #expect(r.err.contains("unknown name 'nosuch'"))
    }

    @Test func textSearchByCharacters() {
        #expect("aaab".firstRange(of: "aab").map { "aaab"[$0] } == "aab")
        #expect("abcabd".contains("abd"))
        #expect(!"abcab".contains("abd"))
        #expect("x".contains(""))
        #expect("café au lait".contains("é a"))
        #expect("a b a b".replacingAll(" b", with: "!") == "a! a!")
        #expect(String(repeating: "a", count: 5000).contains(String(repeating: "a", count: 2000) + "b") == false)
    }

    @Test func shortFiguresReadAsBefore() {
        #expect(NumberFormat.display(0.0496) == "0.0496")
        #expect(NumberFormat.display(1234.5) == "1,234.5")
        #expect(NumberFormat.display(-12.25) == "-12.25")
        #expect(NumberFormat.display(0.1 + 0.2) == "0.3")
        #expect(NumberFormat.display(123.456789) == "123.5")
        #expect(NumberFormat.json(0.0496) == "0.0496")
        #expect(NumberFormat.json(1234.5) == "1234.5")
        #expect(NumberFormat.plain(0.1 + 0.2) == "0.30000000000000004")
        #expect(NumberFormat.display(0.00012) == "0.00012")
    }

    /// The command line keeps the scripts it ran (parsed, with their text) to
    /// the end of the process, which leaves them to the system; the prompt
    /// does not keep what it is typed.
    @Test func scriptsAreKeptOnlyWhenAskedFor() throws {
        let kept = try session()
        kept.keepsScripts = true
        _ = kept.run(SourceFile(name: "a.steppe", text: "1 + 1\n2 + 2\n"))
        _ = kept.run(SourceFile(name: "b.steppe", text: "3\n"))
        #expect(kept.keptScripts.map(\.file.name) == ["a.steppe", "b.steppe"])
        #expect(kept.keptScripts.map(\.statements.count) == [2, 1])
        let prompt = try session()
        _ = prompt.run(SourceFile(name: "<stdin>", text: "1 + 1\n"))
        #expect(prompt.keptScripts.isEmpty)
    }
}
