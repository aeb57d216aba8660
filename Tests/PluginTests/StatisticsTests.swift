import Testing
import SteppeCore
@testable import Statistics

@Suite struct StatisticsTests {
    let casualties = "[protests.killed, protests.arrested, protests.officers_killed]"

    @Test func summarisesAColumnAsAStage() throws {
        let s = try session()
        #expect(lines("\(casualties) | stats value", in: s) == [
            "count   3",
            "min     13 people",
            "max     > 5,000 people",
            "sum     > 5,238 people",
            "mean    > 1,746 people",
            "median  > 225 people",
        ])
    }

    @Test func summarisesTheValueColumnOfFacts() throws {
        let s = try session()
        let text = "facts | where topic == \"casualties\" and source == article and property != \"lethal_force_claim\" | stats value"
        #expect(lines(text, in: s).first == "count   3")
    }

    @Test func isBoundAware() throws {
        let s = try session()
        // The minimum of 13 and > 225 is exactly 13; the sum of lower bounds is a lower bound.
        #expect(eval("([13 people, more_than(225 people)] | stats value).min", in: s) == "13 people")
        #expect(eval("([13 people, more_than(225 people)] | stats value).max", in: s) == "> 225 people")
        #expect(eval("([13 people, more_than(225 people)] | stats value).sum", in: s) == "> 238 people")
        #expect(eval("([less_than(10 people), 20 people] | stats value).max", in: s) == "20 people")
        #expect(eval("([about(30 yr), 40 yr, 50 yr] | stats value).min", in: s) == "≈ 30 yr")
    }

    @Test func convertsToTheFirstUnit() throws {
        let s = try session()
        #expect(eval("([1 yr, 6 month] | stats value).sum", in: s) == "1.5 yr")
        #expect(eval("([kazakhstan.average_income, kazakhstan.average_wage] | stats value).max", in: s) == "5,109 GBP/person/yr")
    }

    @Test func givesARecordInJSON() throws {
        let s = try session(format: .json)
        let out = eval("[1, 2, 3, 4] | stats value", in: s)
        #expect(out == "{\"count\": 4, \"min\": 1, \"max\": 4, \"sum\": 10, \"mean\": 2.5, \"median\": 2.5}")
    }

    @Test func refusesMixedDimensionsAndNonQuantities() throws {
        let s = try session()
        #expect(error("[1 bbl, 2 people] | stats value", in: s).contains("stats: cannot mix bbl and people (row 2 of value): people is not volume"))
        #expect(error("facts | where topic == \"casualties\" | stats value", in: s).contains("stats: row 4 of value is a text"))
        #expect(error("facts | stats nosuch", in: s).contains("stats: no column 'nosuch'"))
        // The session goes on after a plugin's error.
        #expect(eval("([2, 4] | stats value).count", in: s) == "2")
    }

    @Test func leavesOutEmptyCells() throws {
        let s = try session()
        #expect(eval("(facts | where subject == protests and property == \"killed\" | stats claimant).count", in: s) == "0")
    }

    @Test func orderStatisticsKeepOpenness() {
        let q = [Quantity(5, interval: .moreThan(5)), Quantity(5), Quantity(7, interval: .atMost(7))]
        let min = Summary.orderStatistic(1, q, .none)
        #expect(min.interval == Interval(low: .closed(0), high: .closed(5)))
        let max = Summary.orderStatistic(3, q, .none)
        #expect(max.interval == Interval(low: .open(5), high: .open(.infinity)))
    }

    @Test
    func summarisesAListOfExpressions() throws {
        let s = try session()
        #expect(eval("(stats protests.killed, protests.arrested, protests.officers_killed).sum", in: s) == "> 5,238 people")
    }
}
