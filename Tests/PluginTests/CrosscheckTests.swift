import Testing
import SteppeCore

@Suite struct CrosscheckTests {
    /// FACTS.md, "Where the article and the references disagree".
    @Test func findsTheDisagreementsOfFACTS() throws {
        let s = try session(format: .csv)
        let out = lines("crosscheck | select property, verdict", in: s)
        #expect(Set(out.dropFirst()) == [
            "killed,consistent", "arrested,consistent", "officers_killed,inconsistent",
            "oil_reserves_share,inconsistent", "average_income,inconsistent", "start,consistent",
            "stepped_down,consistent", "president_since,consistent",
            // "More reference figures": the CIA's five borders hold the article's two; 29 years is about 30.
            "borders,consistent", "rule_length,consistent",
        ])
        #expect(out.count == 11)
    }

    @Test func tableColumnsAndDisplay() throws {
        let s = try session()
        let out = lines("crosscheck kazakhstan.average_income", in: s)
        #expect(out[0].split(separator: " ", omittingEmptySubsequences: true)
                == ["subject", "property", "article", "reference", "source", "verdict"])
        #expect(out[1].contains("< 2,500 GBP/person/yr  130,616 KZT/person/month (2,666 GBP/person/yr)"))
        #expect(out[1].hasSuffix("inconsistent"))
        #expect(out[2] == "converted at 433.69 KZT/USD (National Bank of Kazakhstan, 2022-01-14) and 1.3557 USD/GBP (International Monetary Fund, 2022-01)")
    }

    @Test func oneProperty() throws {
        let s = try session(format: .json)
        let out = eval("crosscheck protests.killed", in: s)
        #expect(out.hasPrefix("[{\"subject\": {\"entity\": \"protests\""))
        #expect(out.contains("\"verdict\": \"consistent\", \"note\": null}]"))
        #expect(eval("crosscheck \"unrest.officers_killed\" | count", in: s) == "1")
        #expect(eval("crosscheck protests | count", in: s) == "4")
    }

    @Test func saysWhenThereIsNothingToCheck() throws {
        let s = try session()
        #expect(eval("crosscheck kazakhstan.population", in: s) == "the article does not state kazakhstan.population")
        #expect(eval("crosscheck protests.cause", in: s) == "no other source states protests.cause")
        #expect(error("crosscheck 3", in: s).contains("crosscheck: expected SUBJECT.PROPERTY"))
    }

    @Test func includesUserPacksAndUndecidedPairs() throws {
        let s = try session(format: .csv)
        run("""
            source mine "My own count" kind reference
            fact protests.killed = 100 people from mine
            fact protests.arrested = "thousands" from mine
            fact protests.officers_killed = 3 bbl from mine
            """, in: s)
        let out = lines("crosscheck protests | where source == mine | select property, verdict", in: s)
        #expect(out == ["property,verdict", "killed,inconsistent", "arrested,undecided", "officers_killed,undecided"])
    }
}
