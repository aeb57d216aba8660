import Testing
@testable import SteppeCore

@Suite struct NumberFormatDisplayTests {
    @Test(arguments: [
        (225.0, "225"), (2500, "2,500"), (19_186_015, "19,186,015"), (0, "0"), (-0.0, "0"),
        (1, "1"), (999, "999"), (1000, "1,000"), (-2500, "-2,500"), (100_000, "100,000"),
        (999_999_999_999, "999,999,999,999"),
    ] as [(Double, String)])
    func integers(_ x: Double, _ text: String) {
        #expect(NumberFormat.display(x) == text)
    }

    @Test(arguments: [
        (1.3557, "1.3557"), (51.96, "51.96"), (0.045, "0.045"), (1.73, "1.73"),
        (0.0173, "0.0173"), (1234.56, "1,234.56"), (0.123456, "0.123456"), (0.0001, "0.0001"),
        (2500.5, "2,500.5"), (-0.045, "-0.045"), (12345.6, "12,345.6"),
    ] as [(Double, String)])
    func shortFiguresShowExactly(_ x: Double, _ text: String) {
        #expect(NumberFormat.display(x) == text)
    }

    @Test(arguments: [
        (232_907.3456, "232,907"), (3389.2500000000005, "3,389"), (68.71900123, "68.72"),
        (0.1 + 0.2, "0.3"), (39.62817, "39.63"), (0.01234567, "0.01235"), (1.0000001, "1"),
        (999.99999, "1,000"), (9.9999999, "10"), (-68.71900123, "-68.72"),
        (2.0 / 3.0, "0.6667"), (1234.5678, "1,235"), (100.00049, "100"),
        (999_999_999_999.7, "1,000,000,000,000"), (0.00012345678, "0.0001235"),
    ] as [(Double, String)])
    func longFiguresRoundToFourSignificantDigits(_ x: Double, _ text: String) {
        #expect(NumberFormat.display(x) == text)
    }

    @Test(arguments: [
        (1.732e12, "1.732e12"), (1e12, "1e12"), (-1.732e12, "-1.732e12"), (2.5e20, "2.5e20"),
        (1.5e-7, "1.5e-7"), (-1.5e-7, "-1.5e-7"), (1e-5, "1e-5"), (Double.leastNonzeroMagnitude, "5e-324"),
        (1.2345678e13, "1.235e13"), (9.9999999e12, "1e13"), (1.7976931348623157e308, "1.798e308"),
        (1.23456789e-7, "1.235e-7"),
    ] as [(Double, String)])
    func scientific(_ x: Double, _ text: String) {
        #expect(NumberFormat.display(x) == text)
    }

    @Test func nonFinite() {
        #expect(NumberFormat.display(.nan) == "NaN")
        #expect(NumberFormat.display(.infinity) == "∞")
        #expect(NumberFormat.display(-.infinity) == "-∞")
    }

    @Test func groupingCanBeTurnedOff() {
        #expect(NumberFormat.display(19_186_015, grouping: false) == "19186015")
        #expect(NumberFormat.display(232_907.3456, grouping: false) == "232907")
        #expect(NumberFormat.display(1234.56, grouping: false) == "1234.56")
    }
}

@Suite struct NumberFormatJSONTests {
    @Test(arguments: [
        (225.0, "225"), (1.732e12, "1732000000000"), (0.045, "0.045"), (-3, "-3"), (0, "0"),
        (-0.0, "0"), (0.1 + 0.2, "0.30000000000000004"), (1.5e-7, "1.5e-7"), (1e15, "1e15"),
        (1.732e15, "1.732e15"), (999_999_999_999_999, "999999999999999"), (2500.5, "2500.5"),
        (123_456_789.125, "123456789.125"),
    ] as [(Double, String)])
    func numbers(_ x: Double, _ text: String) {
        #expect(NumberFormat.json(x) == text)
    }

    @Test func nonFiniteIsNull() {
        #expect(NumberFormat.json(.nan) == "null")
        #expect(NumberFormat.json(.infinity) == "null")
        #expect(NumberFormat.json(-.infinity) == "null")
    }

    @Test(arguments: [
        225.0, 1.732e12, 0.045, -3, 0.1 + 0.2, 1.5e-7, 1e15, 1.732e15, Double.leastNonzeroMagnitude,
        1.7976931348623157e308, 3389.2500000000005, -232_907.3456, 1.2345678901234568e17,
    ])
    func roundTripsAndIsValidJSON(_ x: Double) {
        let text = NumberFormat.json(x)
        #expect(Double(text) == x)
        #expect(isJSONNumber(text), "\(text)")
    }

    /// The JSON number grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    private func isJSONNumber(_ s: String) -> Bool {
        var chars = Array(s)[...]
        func digits() -> Int {
            var n = 0
            while let c = chars.first, c.isASCII, c.isNumber { chars.removeFirst(); n += 1 }
            return n
        }
        if chars.first == "-" { chars.removeFirst() }
        if chars.first == "0" {
            chars.removeFirst()
        } else if digits() == 0 {
            return false
        }
        if chars.first == "." {
            chars.removeFirst()
            if digits() == 0 { return false }
        }
        if chars.first == "e" || chars.first == "E" {
            chars.removeFirst()
            if chars.first == "+" || chars.first == "-" { chars.removeFirst() }
            if digits() == 0 { return false }
        }
        return chars.isEmpty
    }
}

@Suite struct NumberFormatPlainTests {
    @Test(arguments: [
        (225.0, "225"), (2500, "2500"), (1.732e12, "1.732e12"), (0.045, "0.045"),
        (232_907.3456, "232907.3456"), (0.1 + 0.2, "0.30000000000000004"), (1.5e-7, "1.5e-7"),
        (-19_186_015, "-19186015"), (0, "0"), (-0.0, "0"), (999_999_999_999, "999999999999"),
        (1.2345678901234e13, "1.2345678901234e13"), (.infinity, "∞"), (-.infinity, "-∞"),
    ] as [(Double, String)])
    func numbers(_ x: Double, _ text: String) {
        #expect(NumberFormat.plain(x) == text)
    }

    @Test(arguments: [225.0, 1.732e12, 0.045, 232_907.3456, 0.1 + 0.2, 1.5e-7, -3.25, Double.leastNonzeroMagnitude])
    func roundTrips(_ x: Double) {
        #expect(Double(NumberFormat.plain(x)) == x)
    }
}
