import Testing
import SteppeCore

@Suite struct TimelineTests {
    @Test func ordersAsDatesOrder() throws {
        let s = try session(format: .csv)
        let out = lines("timeline | select date, subject, property", in: s)
        #expect(Array(out.prefix(5)) == [
            "date,subject,property",
            "2019,Nursultan Nazarbayev,stepped_down",
            "2019,Kassym-Jomart Tokayev,president_since",
            "2019-03-19,Nursultan Nazarbayev,stepped_down",
            "2019-03-20,Kassym-Jomart Tokayev,president_since",
        ])
        let dates = out.dropFirst().map { String($0.prefix { $0 != "," }) }
        let parsed = dates.compactMap { $0.count == 4 ? CivilDate(year: Int($0) ?? 0) : CivilDate.parse($0) }
        #expect(parsed.count == dates.count)
        for (a, b) in zip(parsed, parsed.dropFirst()) { #expect(!CivilDate.sortsBefore(b, a)) }
    }

    @Test func oneSubjectEachDateAtItsPrecision() throws {
        let s = try session()
        let out = lines("timeline protests | select date, property, value", in: s)
        #expect(out == [
            "date        property         value",
            "2022-01     start            2022-01",
            "2022-01     killed           > 225 people",
            "2022-01     arrested         > 5,000 people",
            "2022-01     officers_killed  13 people",
            "2022-01     killed           238 people",
            "2022-01     arrested         ≈ 9,900 people",
            "2022-01-02  start            2022-01-02",
            "2022-01-15  officers_killed  19 people",
        ])
    }

    @Test func jsonShowsDatesAsText() throws {
        let s = try session(format: .json)
        let out = eval("timeline nazarbayev", in: s)
        #expect(out.hasPrefix("[{\"date\": \"2019\", \"subject\": {\"entity\": \"nazarbayev\""))
        #expect(out.contains("{\"date\": \"2019-03-19\""))
    }

    @Test func errors() throws {
        let s = try session()
        #expect(error("timeline 3", in: s).contains("timeline: expected an entity, such as protests, found a number"))
        #expect(error("timeline \"nobody\"", in: s).contains("timeline: unknown subject 'nobody'"))
        #expect(eval("timeline kazakhstan | where source == article | count", in: s) == "0")
    }
}
