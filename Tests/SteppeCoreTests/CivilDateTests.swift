import Testing
@testable import SteppeCore

private func date(_ s: String) -> CivilDate? {
    CivilDate.parse(s[...])
}

@Suite struct CivilDateTests {
    @Test func parsesBothShapes() throws {
        let day = try #require(date("2022-01-05"))
        #expect(day.year == 2022 && day.month == 1 && day.day == 5)
        #expect(day.precision == .day)
        let month = try #require(date("2022-01"))
        #expect(month.year == 2022 && month.month == 1 && month.day == nil)
        #expect(month.precision == .month)
    }

    @Test func parsesFromASubstringSlice() throws {
        let line = "x = 2019-03-19 + 1"
        let start = line.index(line.startIndex, offsetBy: 4)
        let end = line.index(start, offsetBy: 10)
        let d = try #require(CivilDate.parse(line[start..<end]))
        #expect(d.description == "2019-03-19")
    }

    @Test(arguments: [
        "2022-13-45", "2022-13", "2022-00", "2022-02-30", "2022-1-05", "2022-01-5",
        "22-01-05", "2022/01/05", "2022-01-05 ", "2022", "0000-01", "2022-04-31",
        "2021-02-29", "2022-01-00", "20a2-01", "2022-01-", "", "+022-01", "2022-01-055",
    ])
    func rejects(_ text: String) {
        #expect(date(text) == nil)
    }

    @Test func leapYears() {
        #expect(date("2020-02-29") != nil)
        #expect(date("2000-02-29") != nil)
        #expect(date("1900-02-29") == nil)
        #expect(date("2100-02-29") == nil)
        #expect(date("2024-02-29") != nil)
        #expect(CivilDate.isLeapYear(2000))
        #expect(!CivilDate.isLeapYear(1900))
        #expect(CivilDate(year: 2020, month: 2)?.lastDay == CivilDate(year: 2020, month: 2, day: 29)?.firstDay)
        #expect(CivilDate(year: 2021, month: 2)?.lastDay == CivilDate(year: 2021, month: 2, day: 28)?.firstDay)
    }

    @Test func initValidates() {
        #expect(CivilDate(year: 2019) != nil)
        #expect(CivilDate(year: 0) == nil)
        #expect(CivilDate(year: 10000) == nil)
        #expect(CivilDate(year: 9999, month: 12, day: 31) != nil)
        #expect(CivilDate(year: 2019, day: 3) == nil)
        #expect(CivilDate(year: 2019, month: 0) == nil)
        #expect(CivilDate(year: 2019, month: 6, day: 31) == nil)
        #expect(CivilDate(year: 2019, month: 6, day: 30) != nil)
    }

    @Test func dayNumbers() throws {
        #expect(try #require(date("1970-01-01")).firstDay == 0)
        #expect(try #require(date("1970-01-02")).firstDay == 1)
        #expect(try #require(date("1969-12-31")).firstDay == -1)
        #expect(try #require(date("2000-03-01")).firstDay == 11_017)
        #expect(try #require(date("2022-01-05")).firstDay == 18_997)
        #expect(try #require(CivilDate(year: 1, month: 1, day: 1)).firstDay == -719_162)
        let year = try #require(CivilDate(year: 2019))
        #expect(year.firstDay == 17_897)
        #expect(year.lastDay - year.firstDay == 364)
        let leap = try #require(CivilDate(year: 2020))
        #expect(leap.lastDay - leap.firstDay == 365)
        let month = try #require(date("2022-01"))
        #expect(month.lastDay - month.firstDay == 30)
        let day = try #require(date("2022-01-05"))
        #expect(day.firstDay == day.lastDay)
    }

    @Test func consecutivePeriodsAbut() throws {
        for y in [1999, 2000, 2019, 2020, 2100] {
            let a = try #require(CivilDate(year: y))
            let b = try #require(CivilDate(year: y + 1))
            #expect(a.lastDay + 1 == b.firstDay)
            for m in 1...11 {
                let x = try #require(CivilDate(year: y, month: m))
                let z = try #require(CivilDate(year: y, month: m + 1))
                #expect(x.lastDay + 1 == z.firstDay)
            }
        }
    }

    @Test func descriptions() throws {
        #expect(try #require(CivilDate(year: 2019)).description == "2019")
        #expect(try #require(CivilDate(year: 2022, month: 1)).description == "2022-01")
        #expect(try #require(CivilDate(year: 2022, month: 1, day: 5)).description == "2022-01-05")
        #expect(try #require(CivilDate(year: 33, month: 12, day: 25)).description == "0033-12-25")
    }

    @Test func comparisons() throws {
        let jan = try #require(date("2022-01"))
        let jan2 = try #require(date("2022-01-02"))
        let jan15 = try #require(date("2022-01-15"))
        let y2019 = try #require(CivilDate(year: 2019))
        let may2020 = try #require(date("2020-05"))
        #expect(jan.compare(.eq, jan2) == .unknown)
        #expect(jan.compare(.ne, jan2) == .unknown)
        #expect(y2019.compare(.lt, may2020) == .yes)
        #expect(y2019.compare(.gt, may2020) == .no)
        #expect(jan.compare(.lt, jan15) == .unknown)
        #expect(jan2.compare(.lt, jan15) == .yes)
        #expect(jan2.compare(.eq, jan2) == .yes)
        // The same period is equal to itself (LANGUAGE.md's table of the six comparisons).
        #expect(jan.compare(.eq, jan) == .yes)
        #expect(jan.compare(.le, jan) == .yes)
        #expect(jan.compare(.lt, jan) == .no)
        #expect(jan.compare(.ne, jan) == .no)
        #expect(jan.compare(.eq, y2019) == .no)
        #expect(jan.compare(.ge, y2019) == .yes)
        let dec31 = try #require(date("2019-12-31"))
        // One holds the other: every comparison is unknown.
        #expect(y2019.compare(.le, dec31) == .unknown)
        #expect(y2019.compare(.lt, dec31) == .unknown)
        #expect(y2019.compare(.lt, try #require(date("2020-01-01"))) == .yes)
        #expect(dec31.compare(.ge, y2019) == .unknown)
    }

    @Test func within() throws {
        let jan = try #require(date("2022-01"))
        let y2022 = try #require(CivilDate(year: 2022))
        #expect(try #require(date("2022-01-14")).within(jan) == .yes)
        #expect(jan.within(y2022) == .yes)
        #expect(jan.within(jan) == .yes)
        #expect(try #require(date("2021-12")).within(y2022) == .no)
        #expect(y2022.within(jan) == .unknown)
    }

    @Test func meets() throws {
        #expect(try #require(date("2022-01")).meets(try #require(date("2022-01-02"))))
        #expect(try #require(CivilDate(year: 2019)).meets(try #require(date("2019-03-19"))))
        #expect(!(try #require(CivilDate(year: 2019)).meets(try #require(date("2020-01-01")))))
        #expect(!(try #require(date("2022-01")).meets(try #require(date("2022-02")))))
        #expect(try #require(date("2022-02")).meets(try #require(date("2022-02"))))
    }

    @Test func sortOrder() throws {
        let ordered = try [
            "2018-12-31", "2019", "2019-01", "2019-01-01", "2019-01-02", "2019-03",
            "2019-03-19", "2019-04", "2020",
        ].map { text -> CivilDate in
            if let year = Int(text) { return try #require(CivilDate(year: year)) }
            return try #require(date(text))
        }
        for i in ordered.indices {
            for j in ordered.indices {
                #expect(CivilDate.sortsBefore(ordered[i], ordered[j]) == (i < j),
                        "\(ordered[i]) before \(ordered[j])")
            }
        }
        #expect(ordered.reversed().sorted() == ordered)
    }
}
