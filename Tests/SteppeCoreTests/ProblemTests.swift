import Testing
@testable import SteppeCore

/// Errors carry their kind as a `Problem` case (issue 11, item 6): code and
/// tests ask which case an error is, and its text is written once in the catalogue.
@Suite struct ProblemTests {
    /// The problem raised by evaluating the one expression `text`, or nil if it evaluates.
    private func problem(_ text: String) throws -> Problem? {
        let s = try session()
        let script = try Parser.parse(SourceFile(name: "<test>", text: text))
        guard case .expression(let e) = script.statements.first else {
            Issue.record("not an expression: \(text)")
            return nil
        }
        do {
            _ = try s.evaluate(e, Env.session)
            return nil
        } catch let error as EvalError {
            return error.problem
        }
    }

    @Test func evaluationErrorsCarryTheirCase() throws {
        #expect(try problem("1 / 0") == .divisionByZero)
        #expect(try problem("1 / between(-1, 1)") == .divisionStraddlingZero)
        #expect(try problem("2 ^ 0.5") == .powerNeedsWholeNumber)
        #expect(try problem("facts | select nosuch") == .noColumn("nosuch"))
        #expect(try problem("kazakhstan.regionn") == .noProperty("kazakhstan", property: "regionn"))
        #expect(try problem("not 3") == .notNeedsTruth(found: "a number"))
        #expect(try problem("1 + 1") == nil)
    }

    @Test func noneOfTheseIsACatchAll() throws {
        for text in ["1 / 0", "2 ^ 0.5", "facts | select nosuch", "kazakhstan.regionn", "not 3", "facts | take 1.5", "-\"x\""] {
            let p = try problem(text)
            #expect(p != nil, "\(text) evaluated")
            if case .other(let m)? = p { Issue.record("\(text) fell to .other: \(m)") }
        }
    }

    /// The texts are those the script tests and users see, byte for byte.
    @Test func messagesAreUnchanged() {
        #expect(Problem.divisionByZero.message == "division by zero")
        #expect(Problem.divisionStraddlingZero.message == "division by a figure whose bounds hold zero")
        #expect(Problem.noColumn("x").message == "no column 'x'")
        #expect(Problem.needsFile("save", showUsage: true).message == ":save needs a file: :save FILE")
        #expect(Problem.needsFile("run", showUsage: false).message == ":run needs a file")
        #expect(Problem.commandExpected("chart", what: "a column", after: "by").message == "chart: expected a column after by")
        #expect(Problem.commandExpected("chart", what: "a column", after: nil).message == "chart: expected a column")
        #expect(Problem.unitMismatch(adding: true, "yr", to: "people", dimension: "time", expected: "count").message
            == "cannot add yr to people: time is not count")
        #expect(Problem.entityRedeclared("kz", as: "Kazakhstan").message == "entity 'kz' is already declared, as \"Kazakhstan\"")
        #expect(Problem.callsTooDeep(limit: 200, function: "f").message == "calls nested too deeply (more than 200): is f recursive without end?")
    }
}
