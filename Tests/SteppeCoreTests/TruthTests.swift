import Testing
@testable import SteppeCore

@Suite struct TruthTests {
    static let all: [Truth] = [.yes, .no, .unknown]

    @Test func fromBool() {
        #expect(Truth(true) == .yes)
        #expect(Truth(false) == .no)
    }

    @Test func names() {
        #expect(Truth.yes.name == "true")
        #expect(Truth.no.name == "false")
        #expect(Truth.unknown.name == "unknown")
        #expect("\(Truth.unknown)" == "unknown")
    }

    @Test func bool() {
        #expect(Truth.yes.bool == true)
        #expect(Truth.no.bool == false)
        #expect(Truth.unknown.bool == nil)
    }

    @Test func negation() {
        #expect(Truth.yes.negated == .no)
        #expect(Truth.no.negated == .yes)
        #expect(Truth.unknown.negated == .unknown)
    }

    @Test func kleeneAndTable() {
        let expected: [Truth: [Truth: Truth]] = [
            .yes: [.yes: .yes, .no: .no, .unknown: .unknown],
            .no: [.yes: .no, .no: .no, .unknown: .no],
            .unknown: [.yes: .unknown, .no: .no, .unknown: .unknown],
        ]
        for a in Self.all {
            for b in Self.all {
                #expect(a.and(b) == expected[a]?[b], "\(a) and \(b)")
            }
        }
    }

    @Test func kleeneOrTable() {
        let expected: [Truth: [Truth: Truth]] = [
            .yes: [.yes: .yes, .no: .yes, .unknown: .yes],
            .no: [.yes: .yes, .no: .no, .unknown: .unknown],
            .unknown: [.yes: .yes, .no: .unknown, .unknown: .unknown],
        ]
        for a in Self.all {
            for b in Self.all {
                #expect(a.or(b) == expected[a]?[b], "\(a) or \(b)")
            }
        }
    }

    @Test func deMorganHolds() {
        for a in Self.all {
            for b in Self.all {
                #expect(a.and(b).negated == a.negated.or(b.negated))
                #expect(a.or(b).negated == a.negated.and(b.negated))
            }
        }
    }

    @Test func agreesWithBoolOnKnownValues() {
        for a in [true, false] {
            for b in [true, false] {
                #expect(Truth(a).and(Truth(b)) == Truth(a && b))
                #expect(Truth(a).or(Truth(b)) == Truth(a || b))
            }
            #expect(Truth(a).negated == Truth(!a))
        }
    }
}
