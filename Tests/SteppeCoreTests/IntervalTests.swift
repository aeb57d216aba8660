import Testing
@testable import SteppeCore

/// Shorthand: `iv("[", 1, 2, ")")` is [1, 2).
private func iv(_ l: Character, _ a: Double, _ b: Double, _ r: Character) -> Interval {
    Interval(low: Endpoint(value: a, open: l == "("), high: Endpoint(value: b, open: r == ")"))
}

private let inf = Double.infinity

@Suite struct EndpointTests {
    @Test func infiniteEndsAreAlwaysOpen() {
        #expect(Endpoint(value: inf, open: false).open)
        #expect(Endpoint.closed(-inf).open)
        #expect(!Endpoint.closed(3).open)
        #expect(Endpoint.open(3).open)
    }

    @Test func negativeZeroIsNormalised() {
        let e = Endpoint.closed(-0.0)
        #expect(e.value.sign == .plus)
        #expect(Interval.exact(-0.0) == Interval.exact(0))
    }
}

@Suite struct IntervalBasicsTests {
    @Test func exactAndUnbounded() {
        #expect(Interval.exact(225).isExact)
        #expect(!iv("[", 225, 225, ")").isExact)
        #expect(!Interval.unbounded.isExact)
        #expect(Interval.unbounded == iv("(", -inf, inf, ")"))
        #expect(!Interval.unbounded.isBoundedBelow)
        #expect(!Interval.unbounded.isBoundedAbove)
        #expect(Interval.moreThan(225).isBoundedBelow)
    }

    @Test func constructors() {
        #expect(Interval.moreThan(225) == iv("(", 225, inf, ")"))
        #expect(Interval.atLeast(225) == iv("[", 225, inf, ")"))
        #expect(Interval.lessThan(2500) == iv("[", 0, 2500, ")"))
        #expect(Interval.atMost(2500) == iv("[", 0, 2500, "]"))
        #expect(Interval.about(30) == iv("[", 27, 33, "]"))
        #expect(Interval.between(238, 225) == iv("[", 225, 238, "]"))
    }

    @Test func containsRespectsOpenEnds() {
        let a = iv("(", 0, 2500, "]")
        #expect(!a.contains(0))
        #expect(a.contains(2500))
        #expect(a.contains(1))
        #expect(!a.contains(2500.5))
        #expect(Interval.moreThan(1).contains(1e300))
    }

    @Test func emptiness() {
        #expect(iv("(", 1, 1, "]").isEmpty)
        #expect(iv("[", 2, 1, "]").isEmpty)
        #expect(!Interval.exact(1).isEmpty)
        #expect(!Interval.unbounded.isEmpty)
    }

    @Test func description() {
        #expect(Interval.moreThan(225).description == "(225, ∞)")
        #expect(iv("[", 0, 2500, ")").description == "[0, 2500)")
        #expect(Interval.unbounded.description == "(-∞, ∞)")
    }
}

@Suite struct IntervalArithmeticTests {
    @Test func additionKeepsEndsAsTheyFall() {
        #expect(Interval.exact(1) + .exact(2) == .exact(3))
        #expect(iv("(", 1, 2, "]") + iv("[", 10, 20, ")") == iv("(", 11, 22, ")"))
        #expect(iv("[", 1, 2, "]") + iv("[", 10, 20, "]") == iv("[", 11, 22, "]"))
        #expect(Interval.moreThan(225) + .exact(13) == .moreThan(238))
        #expect(Interval.atLeast(225) + .atLeast(13) == .atLeast(238))
        #expect(Interval.lessThan(5) + .exact(1) == iv("[", 1, 6, ")"))
    }

    @Test func negation() {
        #expect(-iv("(", 1, 2, "]") == iv("[", -2, -1, ")"))
        #expect(-Interval.moreThan(3) == iv("(", -inf, -3, ")"))
        #expect(-Interval.exact(0) == .exact(0))
    }

    @Test func subtraction() {
        #expect(Interval.exact(5) - .exact(3) == .exact(2))
        #expect(iv("[", 10, 20, ")") - iv("(", 1, 2, "]") == iv("[", 8, 19, ")"))
        #expect(Interval.moreThan(10) - .exact(10) == .moreThan(0))
        #expect(Interval.moreThan(10) - .moreThan(5) == .unbounded)
    }

    @Test func multiplicationOfPositives() {
        #expect(Interval.exact(3) * .exact(4) == .exact(12))
        #expect(iv("(", 1, 2, "]") * iv("[", 3, 4, ")") == iv("(", 3, 8, ")"))
        #expect(iv("[", 1, 2, "]") * iv("[", 3, 4, "]") == iv("[", 3, 8, "]"))
        #expect(Interval.moreThan(225) * .exact(2) == .moreThan(450))
        #expect(Interval.atLeast(2) * .atLeast(3) == .atLeast(6))
    }

    @Test func multiplicationWithSigns() {
        #expect(iv("[", -1, 2, "]") * iv("[", 3, 4, "]") == iv("[", -4, 8, "]"))
        #expect(iv("[", -2, 1, ")") * iv("(", -3, 4, "]") == iv("[", -8, 6, ")"))
        #expect(iv("[", -2, -1, "]") * iv("[", -4, -3, ")") == iv("(", 3, 8, "]"))
    }

    @Test func zeroTimesInfinityIsZero() {
        // [0, 5] × [1, ∞): 0 is attained (0 × 1), the top is unbounded.
        #expect(iv("[", 0, 5, "]") * .atLeast(1) == iv("[", 0, inf, ")"))
        // (0, 5] × [1, ∞): 0 is approached, never reached.
        #expect(iv("(", 0, 5, "]") * .atLeast(1) == .moreThan(0))
        #expect(Interval.exact(0) * .unbounded == .exact(0))
        #expect(Interval.unbounded * .exact(0) == .exact(0))
        #expect(iv("(", 0, 5, "]") * .unbounded == .unbounded)
    }

    @Test func closedZeroEndGivesClosedZero() {
        // [0, 2) × (3, 4): 0 × anything is 0, so 0 is attained although 3 is open.
        #expect(iv("[", 0, 2, ")") * iv("(", 3, 4, ")") == iv("[", 0, 8, ")"))
        #expect(iv("(", 0, 2, ")") * iv("(", 3, 4, ")") == iv("(", 0, 8, ")"))
        #expect(iv("[", 0, 1, ")") * iv("(", -1, 2, "]") == iv("(", -1, 2, ")"))
    }

    @Test func sharedExtremeIsClosedIfAnyPairIsClosed() {
        // [-2, 2) × [-2, 2): top 4 from (-2)(-2) closed and 2·2 open.
        #expect(iv("[", -2, 2, ")") * iv("[", -2, 2, ")") == iv("(", -4, 4, "]"))
        #expect(iv("(", -2, 2, ")") * iv("(", -2, 2, ")") == iv("(", -4, 4, ")"))
    }

    @Test func scaling() {
        #expect(iv("(", 1, 2, "]").scaled(by: 3) == iv("(", 3, 6, "]"))
        #expect(iv("(", 1, 2, "]").scaled(by: -1) == iv("[", -2, -1, ")"))
        #expect(Interval.moreThan(225).scaled(by: -2) == iv("(", -inf, -450, ")"))
        #expect(Interval.moreThan(225).scaled(by: 0) == .exact(0))
        #expect(Interval.unbounded.scaled(by: 0) == .exact(0))
        #expect(Interval.about(30).scaled(by: 2) == .about(60))
    }

    @Test func exactDivision() throws {
        #expect(try Interval.exact(6).dividing(by: .exact(3)) == .exact(2))
        #expect(try Interval.exact(1).dividing(by: .exact(-4)) == .exact(-0.25))
        #expect(try iv("[", 2, 4, ")").dividing(by: iv("(", 1, 2, "]")) == iv("[", 1, 4, ")"))
        #expect(try iv("[", -4, 2, "]").dividing(by: iv("[", -2, -1, "]")) == iv("[", -2, 4, "]"))
    }

    @Test func divisionByZeroIsAnError() {
        #expect(throws: IntervalError.divisionByZero) {
            try Interval.exact(1).dividing(by: .exact(0))
        }
        #expect(throws: IntervalError.divisionByZero) {
            try Interval.exact(0).dividing(by: .exact(0))
        }
    }

    @Test func divisorStraddlingZeroIsAnError() {
        #expect(throws: IntervalError.divisorStraddlesZero) {
            try Interval.exact(1).dividing(by: iv("[", -1, 1, "]"))
        }
        #expect(throws: IntervalError.divisorStraddlesZero) {
            try Interval.exact(1).dividing(by: .unbounded)
        }
        #expect(throws: IntervalError.divisorStraddlesZero) {
            try Interval.exact(1).dividing(by: iv("(", -0.001, 1e9, ")"))
        }
    }

    @Test func divisorTouchingZeroFromAbove() throws {
        // x / [0, b) is (x/b, ∞) for x > 0.
        #expect(try Interval.exact(10).dividing(by: .lessThan(2500)) == .moreThan(0.004))
        #expect(try Interval.exact(10).dividing(by: .atMost(2500)) == .atLeast(0.004))
        #expect(try Interval.exact(10).dividing(by: iv("(", 0, 4, ")")) == .moreThan(2.5))
        #expect(try Interval.exact(-10).dividing(by: .atMost(4)) == iv("(", -inf, -2.5, "]"))
        #expect(try iv("[", -1, 2, "]").dividing(by: iv("(", 0, 4, "]")) == .unbounded)
        #expect(try iv("[", 0, 2, "]").dividing(by: iv("(", 0, 4, "]")) == .atLeast(0))
        #expect(try iv("(", 0, 2, "]").dividing(by: iv("(", 0, 4, "]")) == .moreThan(0))
        #expect(try Interval.exact(0).dividing(by: .atMost(4)) == .exact(0))
    }

    @Test func divisorTouchingZeroFromBelow() throws {
        #expect(try Interval.exact(10).dividing(by: iv("(", -4, 0, "]")) == iv("(", -inf, -2.5, ")"))
        #expect(try Interval.exact(10).dividing(by: iv("[", -4, 0, ")")) == iv("(", -inf, -2.5, "]"))
        #expect(try Interval.exact(-10).dividing(by: iv("[", -4, 0, ")")) == .atLeast(2.5))
    }

    @Test func divisionByUnboundedDivisors() throws {
        // at_least(45) / more_than(1000): from just above 0 up to anything.
        #expect(try Interval.atLeast(45).dividing(by: .moreThan(1000)) == .moreThan(0))
        #expect(try Interval.exact(45).dividing(by: .moreThan(1000)) == iv("(", 0, 0.045, ")"))
        #expect(try Interval.exact(45).dividing(by: .atLeast(1000)) == iv("(", 0, 0.045, "]"))
        #expect(try Interval.exact(2).dividing(by: iv("[", 0, inf, ")")) == .moreThan(0))
        #expect(try Interval.unbounded.dividing(by: .atLeast(1)) == .unbounded)
        #expect(try Interval.exact(0).dividing(by: .moreThan(1)) == .exact(0))
    }

    @Test func divisionRoundsOnceNotViaReciprocal() throws {
        // 1/3 × 3 is not always 1 in binary; 3 / 3 must be exactly 1.
        #expect(try Interval.exact(0.3).dividing(by: .exact(3)) == .exact(0.3 / 3))
        #expect(try Interval.exact(49).dividing(by: .exact(49)) == .exact(1))
    }

    @Test func powers() {
        #expect(Interval.exact(3).power(2) == .exact(9))
        #expect(Interval.exact(-2).power(3) == .exact(-8))
        #expect(iv("(", 1, 2, "]").power(2) == iv("(", 1, 4, "]"))
        #expect(iv("[", -3, -1, ")").power(2) == iv("(", 1, 9, "]"))
        #expect(iv("[", -3, -1, ")").power(3) == iv("[", -27, -1, ")"))
        #expect(iv("(", -3, 2, "]").power(2) == iv("[", 0, 9, ")"))
        #expect(iv("[", -1, 2, ")").power(2) == iv("[", 0, 4, ")"))
        #expect(iv("(", -2, 2, "]").power(2) == iv("[", 0, 4, "]"))
        #expect(iv("(", -2, 2, ")").power(4) == iv("[", 0, 16, ")"))
        #expect(iv("(", -2, 2, ")").power(3) == iv("(", -8, 8, ")"))
        #expect(Interval.moreThan(2).power(2) == .moreThan(4))
        #expect(Interval.unbounded.power(2) == .atLeast(0))
        #expect(iv("[", -5, 7, ")").power(0) == .exact(1))
        #expect(iv("[", -5, 7, ")").power(1) == iv("[", -5, 7, ")"))
    }

    @Test func negativePowers() throws {
        #expect(Interval.exact(2).power(-1) == .exact(0.5))
        #expect(Interval.exact(2).power(-2) == .exact(0.25))
        #expect(iv("[", 1, 2, ")").power(-1) == iv("(", 0.5, 1, "]"))
        // Even power of an interval around 0 touches 0 only at an end, so it divides.
        #expect(iv("[", -2, 1, "]").power(-2) == .atLeast(0.25))
        #expect(try iv("[", -2, 1, "]").checkedPower(-2) == .atLeast(0.25))
        #expect(Interval.lessThan(2).power(-1) == .moreThan(0.5))
    }

    @Test func undefinedNegativePowers() {
        #expect(throws: IntervalError.divisionByZero) { try Interval.exact(0).checkedPower(-1) }
        #expect(throws: IntervalError.divisorStraddlesZero) {
            try iv("[", -2, 1, "]").checkedPower(-1)
        }
        #expect(Interval.exact(0).power(-1) == .unbounded)
        #expect(iv("[", -2, 1, "]").power(-3) == .unbounded)
    }
}

@Suite struct IntervalRelationTests {
    @Test func meets() {
        #expect(Interval.moreThan(225).meets(.exact(238)))
        #expect(!Interval.lessThan(2500).meets(.exact(2666)))
        #expect(!Interval.lessThan(2500).meets(.exact(2500)))
        #expect(Interval.atMost(2500).meets(.exact(2500)))
        #expect(!Interval.moreThan(225).meets(.exact(225)))
        #expect(Interval.atLeast(225).meets(.exact(225)))
        #expect(!iv("[", 0, 1, ")").meets(iv("[", 1, 2, "]")))
        #expect(!iv("[", 0, 1, "]").meets(iv("(", 1, 2, "]")))
        #expect(iv("[", 0, 1, "]").meets(iv("[", 1, 2, "]")))
        #expect(iv("[", 0, 10, "]").meets(iv("[", 2, 3, "]")))
        #expect(Interval.unbounded.meets(.exact(-1e300)))
        #expect(Interval.moreThan(5).meets(.lessThan(6)))
        #expect(!Interval.moreThan(5).meets(.atMost(5)))
        #expect(Interval.exact(13).meets(.exact(13)))
        #expect(!Interval.exact(13).meets(.exact(19)))
    }

    @Test func meetsIsSymmetric() {
        let samples: [Interval] = [
            .exact(0), .exact(2500), .lessThan(2500), .atMost(2500), .moreThan(225),
            .atLeast(225), .unbounded, iv("(", 1, 3, ")"), iv("[", 3, 4, "]"),
        ]
        for a in samples {
            for b in samples {
                #expect(a.meets(b) == b.meets(a), "\(a) meets \(b)")
            }
        }
    }

    @Test func greaterThanWithOpenEnds() {
        let more = Interval.moreThan(225)
        #expect(more.compare(.gt, .exact(225)) == .yes)
        #expect(more.compare(.gt, .exact(200)) == .yes)
        #expect(more.compare(.gt, .exact(300)) == .unknown)
        #expect(more.compare(.ge, .exact(225)) == .yes)
        #expect(Interval.atLeast(225).compare(.gt, .exact(225)) == .unknown)
        #expect(Interval.atLeast(225).compare(.ge, .exact(225)) == .yes)
        #expect(more.compare(.lt, .exact(225)) == .no)
        #expect(more.compare(.le, .exact(225)) == .no)
        #expect(Interval.atLeast(225).compare(.le, .exact(225)) == .unknown)
        #expect(Interval.atLeast(225).compare(.lt, .exact(225)) == .no)
    }

    @Test func equality() {
        #expect(Interval.moreThan(225).compare(.eq, .exact(238)) == .unknown)
        #expect(Interval.moreThan(225).compare(.ne, .exact(238)) == .unknown)
        #expect(Interval.exact(13).compare(.eq, .exact(19)) == .no)
        #expect(Interval.exact(13).compare(.ne, .exact(19)) == .yes)
        #expect(Interval.exact(13).compare(.eq, .exact(13)) == .yes)
        #expect(Interval.exact(13).compare(.ne, .exact(13)) == .no)
        #expect(Interval.moreThan(225).compare(.eq, .exact(225)) == .no)
        #expect(Interval.lessThan(2500).compare(.eq, .exact(2500)) == .no)
        #expect(Interval.atMost(2500).compare(.eq, .exact(2500)) == .unknown)
        // Two identical ranges still hold different figures, possibly.
        #expect(Interval.about(30).compare(.eq, .about(30)) == .unknown)
    }

    @Test func lessThanBetweenRanges() {
        let a = iv("[", 1, 2, "]")
        #expect(a.compare(.lt, iv("(", 2, 3, "]")) == .yes)
        #expect(a.compare(.lt, iv("[", 2, 3, "]")) == .unknown)
        #expect(a.compare(.le, iv("[", 2, 3, "]")) == .yes)
        #expect(iv("[", 1, 2, ")").compare(.lt, iv("[", 2, 3, "]")) == .yes)
        #expect(a.compare(.lt, iv("[", 0, 1, "]")) == .no)
        #expect(a.compare(.le, iv("[", 0, 1, "]")) == .unknown)
        #expect(a.compare(.le, iv("[", 0, 1, ")")) == .no)
        #expect(a.compare(.lt, .exact(1.5)) == .unknown)
        #expect(Interval.unbounded.compare(.lt, .exact(0)) == .unknown)
        #expect(Interval.lessThan(5).compare(.lt, .moreThan(5)) == .yes)
    }

    @Test func flippedRelationsAgree() {
        let samples: [Interval] = [
            .exact(0), .exact(225), .lessThan(225), .atMost(225), .moreThan(225),
            .atLeast(225), .unbounded, iv("(", 200, 300, ")"),
        ]
        for a in samples {
            for b in samples {
                for op in ComparisonOp.allCases {
                    #expect(a.compare(op, b) == b.compare(op.flipped, a), "\(a) \(op.symbol) \(b)")
                }
                #expect(a.compare(.ne, b) == a.compare(.eq, b).negated)
                #expect(a.compare(.ge, b) == a.compare(.lt, b).negated)
                #expect(a.compare(.gt, b) == a.compare(.le, b).negated)
            }
        }
    }
}
