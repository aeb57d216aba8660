import Testing
import SteppeCore

@Suite struct CompareTests {
    @Test func oilWealthAgainstIncome() throws {
        let s = try session()
        #expect(lines("compare kazakhstan.oil_wealth_per_person vs kazakhstan.average_income", in: s) == [
            "a           232,907 USD/person",
            "b           < 2,500 GBP/person/yr  (< 3,389 USD/person/yr)",
            "rates       1.3557 USD/GBP (International Monetary Fund, 2022-01)",
            "ratio       > 68.72 yr",
            "difference  none: the dimensions differ: money/people and money/(people·time)",
            "Kazakhstan's oil wealth per person is worth more than 68.7 years of its average income, which the article gives as a ceiling.",
        ])
    }

    @Test func followsAnAssumption() throws {
        let s = try session()
        run("set kazakhstan.oil_reserves_share = 1.73 %", in: s)
        #expect(eval("compare(kazakhstan.oil_wealth_per_person, kazakhstan.average_income).ratio", in: s) == "> 39.63 yr")
    }

    @Test func worksInsideExpressions() throws {
        let s = try session()
        #expect(eval("compare(kazakhstan.oil_wealth_per_person, kazakhstan.average_income).ratio", in: s) == "> 68.72 yr")
        #expect(eval("compare(protests.killed, protests.officers_killed).difference", in: s) == "> 212 people")
        #expect(eval("compare(protests.killed, protests.officers_killed).ratio > 17", in: s) == "true")
    }

    @Test func recordInJSON() throws {
        let s = try session(format: .json)
        let out = eval("compare kazakhstan.oil_wealth_per_person vs kazakhstan.average_income", in: s)
        #expect(out.hasPrefix("{\"a\": {\"value\": 232907.14"))
        #expect(out.contains("\"ratio\": {\"value\": 68.719"))
        #expect(out.contains("\"bound\": \"more_than\""))
        #expect(out.hasSuffix("\"difference\": null}"))
    }

    @Test func sentenceSpeaksOfShares() throws {
        let s = try session()
        let out = lines("compare protests.officers_killed vs protests.killed", in: s)
        #expect(out.last == "Officers killed in the January 2022 protests are less than 5.78 % of the killed, which the article gives as a floor.")
    }

    @Test func keepsTheRatesInTheLineage() throws {
        let s = try session()
        let why = eval("why compare(kazakhstan.average_income, kazakhstan.average_wage).ratio", in: s)
        #expect(why.contains("gbp.rate"))
        #expect(why.contains("usd.rate"))
    }

    @Test func argumentErrors() throws {
        let s = try session()
        #expect(error("compare protests.killed", in: s).contains("error: compare: expected a quantity after vs"))
        #expect(error("compare \"many\" vs 3", in: s).contains("error: compare: expected a quantity, found a text"))
        #expect(error("compare 3 people vs 0 people", in: s).contains("compare: division by zero"))
    }
}
