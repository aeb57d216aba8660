import Testing
@testable import SteppeCore

/// The one table of declarations and the one resolver (LANGUAGE.md, "Names and paths").
@Suite struct NameTableTests {
    @Test func reservedWordsAreExactlyLanguageMdsList() {
        let listed: Set<String> = ["let", "set", "def", "why", "fact", "entity", "source", "unit", "rule",
                                   "where", "select", "sort", "take", "group", "count",
                                   "in", "not", "and", "or", "to", "vs", "by", "true", "false", "unknown"]
        #expect(Builtins.reserved == listed)
    }

    @Test func everyReservedWordIsRefusedAsALetDefOrParameterName() {
        for word in Builtins.reserved {
            #expect(parseError("let \(word) = 1")?.message == "'\(word)' is a reserved word and cannot be a let name", "\(word)")
            #expect(parseError("def \(word)(x) = 1")?.message == "'\(word)' is a reserved word and cannot be a def name", "\(word)")
            #expect(parseError("def f(\(word)) = 1")?.message == "'\(word)' is a reserved word and cannot be a parameter name", "\(word)")
        }
        #expect(place(parseError("def in(x) = x")) == "1:5")
    }

    @Test func introducerWordsAreTheParsersWords() {
        #expect(IntroducerWord.allCases.map(\.rawValue) == ["vs", "by", "to"])
        #expect(IntroducerWord.allCases.allSatisfy { Parser.clauseWords.contains($0.rawValue) })
    }

    @Test func namesAreDeclaredOnce() throws {
        let s = try session()
        var seen: [String: Declaration.Kind] = [:]
        for d in s.declarations {
            let key = "\(d.kind.rawValue) \(d.name)"
            #expect(seen[key] == nil, "\(key) is declared twice")
            seen[key] = d.kind
            #expect(!d.usage.isEmpty && !d.summary.isEmpty, "\(key)")
        }
        // Nothing but the table decides: a function is a declaration and its implementation.
        #expect(Set(Builtins.functions.map(\.declaration.name)) == Set(s.declarations.filter { $0.kind == .function }.map(\.name)))
    }

    @Test func resolutionOrderForABareName() throws {
        let s = try session()
        let env = Env.session
        if case .table = s.resolve("facts", .value, env) {} else { Issue.record("facts is the table") }
        if case .entity = s.resolve("kazakhstan", .value, env) {} else { Issue.record("kazakhstan is an entity") }
        if case .source = s.resolve("article", .value, env) {} else { Issue.record("article is a source") }
        if case .builtin = s.resolve("about", .call, env) {} else { Issue.record("about( is the function") }
        if case .unknown = s.resolve("nosuch", .value, env) {} else { Issue.record("nosuch is unknown") }
        try run("def facts(x) = x\nlet about = 1", in: s)
        if case .function = s.resolve("facts", .value, env) {} else { Issue.record("def facts hides the table") }
        if case .variable = s.resolve("about", .call, env) {} else { Issue.record("let about hides the function") }
        // Packs and rules see only the built-in names.
        if case .table = s.resolve("facts", .value, Env.global) {} else { Issue.record("a pack's facts is the table") }
        if case .builtin = s.resolve("about", .call, Env.global) {} else { Issue.record("a pack's about( is the function") }
    }

    @Test func aboutIsExactForExactInputs() {
        #expect(Interval.about(225) == Interval(low: .closed(202.5), high: .closed(247.5)))
        #expect(Interval.about(30) == Interval(low: .closed(27), high: .closed(33)))
        let huge = Double.greatestFiniteMagnitude
        // 1.1 times the largest double is beyond it; 0.9 times it is not.
        #expect(Interval.about(huge).low.value == huge / 10 * 9)
        #expect(Interval.about(-huge).high.value == -huge / 10 * 9)
    }

    /// The copy the language uses: `about(x)` as typed.
    @Test func aboutAsTheLanguageHasIt() throws {
        let s = try session()
        s.options.format = .json
        #expect(try eval("about(225 people)", in: s)
            == #"{"value": 225, "unit": "people", "bound": "about", "low": 202.5, "high": 247.5}"#)
        #expect(try eval("low(about(30))", in: s) == "27")
        #expect(try eval("high(about(30))", in: s) == "33")
    }

    @Test func betweenTheSameFigureIsThatFigure() throws {
        for x in ["1.7976931348623157e308", "1", "0.1", "1e-300", "-1.7976931348623157e308"] {
            #expect(try eval("nominal(between(\(x), \(x))) == \(x)") == "true", "\(x)")
        }
        #expect(Interval.midpoint(.greatestFiniteMagnitude, .greatestFiniteMagnitude) == .greatestFiniteMagnitude)
        #expect(Interval.midpoint(-.greatestFiniteMagnitude, .greatestFiniteMagnitude) == 0)
        #expect(try eval("between(200 people, 300 people)") == "200–300 people")
    }

    /// No behaviour reads an error's text: `where` asks which problem it is.
    @Test func errorsHaveIdentities() throws {
        let s = try session()
        do {
            _ = try s.evaluate(.binary(.gt, .text("x", .none), .number(1, unit: nil, .none), opRange: .none, .none), Env.session)
            Issue.record("a text and a number compared")
        } catch let e as EvalError {
            #expect(e.problem.isIncomparable)
            if case .cannotCompare = e.problem {} else { Issue.record("\(e.problem)") }
        }
        #expect(Problem.valueNotCallable("x", as: .stage).message == "x is a value, not a stage")
        #expect(Problem.argumentCount("f", expected: 1...1, given: 2).message == "f takes 1 argument, given 2")
    }
}
