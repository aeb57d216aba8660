/// A calendar date of year, month or day precision, standing for its whole period.
///
/// `2022-01` holds every day of January 2022, so comparisons between dates
/// are three-valued, like those between bounded figures. The calendar is the
/// proleptic Gregorian one, with no time zone: a date is a civil day.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How much of a date is given.
    public enum Precision: Sendable, Hashable, Comparable, CaseIterable {
        case year, month, day
    }

    /// The year, 1...9999.
    public let year: Int
    /// The month, 1...12, or nil for a whole year.
    public let month: Int?
    /// The day of the month, or nil for a whole month or year.
    public let day: Int?

    /// A date, or nil when no such date exists or a day is given without a month.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard day >= 1 && day <= Self.daysIn(year: year, month: month) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date written `DDDD-DD` or `DDDD-DD-DD` exactly, or nil if the text has another shape or names no real date.
    public static func parse(_ s: Substring) -> CivilDate? {
        let bytes = Array(s.utf8)
        guard bytes.count == 7 || bytes.count == 10 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let b = bytes[i]
                guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") else { return nil }
                n = n * 10 + Int(b - UInt8(ascii: "0"))
            }
            return n
        }
        guard bytes[4] == UInt8(ascii: "-"), let year = number(0..<4), let month = number(5..<7) else {
            return nil
        }
        if bytes.count == 7 {
            return CivilDate(year: year, month: month)
        }
        guard bytes[7] == UInt8(ascii: "-"), let day = number(8..<10) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// A date written `DDDD-DD` or `DDDD-DD-DD` exactly, or nil.
    public static func parse(_ s: String) -> CivilDate? {
        parse(s[...])
    }

    /// How much of the date is given.
    public var precision: Precision {
        if day != nil { return .day }
        if month != nil { return .month }
        return .year
    }

    /// The first day of the period, counted in days since 1970-01-01.
    public var firstDay: Int {
        Self.dayNumber(year: year, month: month ?? 1, day: day ?? 1)
    }

    /// The last day of the period, counted in days since 1970-01-01.
    public var lastDay: Int {
        let lastMonth = month ?? 12
        let lastDayOfMonth = day ?? Self.daysIn(year: year, month: lastMonth)
        return Self.dayNumber(year: year, month: lastMonth, day: lastDayOfMonth)
    }

    /// The days the date stands for, as a closed interval of day numbers.
    public var days: Interval {
        Interval(low: .closed(Double(firstDay)), high: .closed(Double(lastDay)))
    }

    /// The date as written: `2019`, `2022-01` or `2022-01-05`.
    public var description: String {
        var text = Self.padded(year, width: 4)
        if let month {
            text += "-" + Self.padded(month, width: 2)
        }
        if let day {
            text += "-" + Self.padded(day, width: 2)
        }
        return text
    }

    /// The relation between the two periods, by LANGUAGE.md's table: the
    /// same period is equal to itself, two periods apart are ordered, and
    /// one that holds or overlaps the other leaves every comparison `unknown`.
    ///
    /// `2022-01 == 2022-01` and `2019 < 2020-05` are `yes`, while
    /// `2022-01 == 2022-01-02` is `unknown`: the month holds that day and thirty others.
    public func compare(_ op: ComparisonOp, _ other: CivilDate) -> Truth {
        let same = self == other
        let before = lastDay < other.firstDay
        let after = firstDay > other.lastDay
        guard same || before || after else { return .unknown }
        switch op {
        case .eq: return Truth(same)
        case .ne: return Truth(!same)
        case .lt: return Truth(before)
        case .le: return Truth(same || before)
        case .gt: return Truth(after)
        case .ge: return Truth(same || after)
        }
    }

    /// Whether this period lies within `other`: `yes` when every day of it
    /// is in `other`, `no` when they share no day, `unknown` otherwise
    /// (`date(2022) in 2022-01`).
    public func within(_ other: CivilDate) -> Truth {
        if firstDay >= other.firstDay && lastDay <= other.lastDay { return .yes }
        return meets(other) ? .unknown : .no
    }

    /// Whether the two periods share a day.
    public func meets(_ other: CivilDate) -> Bool {
        firstDay <= other.lastDay && other.firstDay <= lastDay
    }

    /// The order dates are listed in: by first day, the coarser first on a tie.
    ///
    /// So `2019` < `2019-01` < `2019-01-01`, and `2019` < `2019-03-19` < `2019-04`.
    public static func sortsBefore(_ a: CivilDate, _ b: CivilDate) -> Bool {
        let (first, second) = (a.firstDay, b.firstDay)
        if first != second { return first < second }
        return a.precision < b.precision
    }

    /// The listing order of `sortsBefore`; use `compare` for the language's three-valued `<`.
    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        sortsBefore(a, b)
    }

    /// Whether `year` has a 29th of February.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month, 28...31.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to the given day, after Howard Hinnant's `days_from_civil`.
    private static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        // Counting years from March puts the leap day last, so each year's
        // day-of-year needs no leap correction.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func padded(_ n: Int, width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
