import Testing
@testable import SteppeCore

@Suite struct LexerTests {
    func kinds(_ text: String) throws -> [Token.Kind] {
        try Lexer.tokenize(SourceFile(name: "t", text: text)).map(\.kind)
    }

    @Test func numbersWithUnderscoresAndExponents() throws {
        #expect(try kinds("2_500 0.03 1.732e12") == [.number(2500), .number(0.03), .number(1.732e12), .end])
    }

    @Test func datesAreLiteralsWithoutSpaces() throws {
        let d = try kinds("2022-01-05 2022-01 2022 - 01")
        #expect(d[0] == .date(CivilDate(year: 2022, month: 1, day: 5)!))
        #expect(d[1] == .date(CivilDate(year: 2022, month: 1)!))
        #expect(d[2] == .number(2022))
        #expect(d[3] == .symbol(.minus))
    }

    @Test func impossibleDateIsASyntaxErrorAtTheDate() {
        let d = parseError("let x = 2022-13-45")
        #expect(d?.message == "impossible date '2022-13-45'")
        #expect(place(d) == "1:9")
    }

    @Test func textEscapes() throws {
        #expect(try kinds(#""a\"b\\c\nd\te""#) == [.text("a\"b\\c\nd\te"), .end])
    }

    @Test func unterminatedText() {
        let d = parseError("x = \"abc\n")
        #expect(d?.message == "unterminated text")
        #expect(place(d) == "1:5")
    }

    @Test func commentsAndShebang() throws {
        #expect(try kinds("#!/usr/bin/env steppe\n1 # one\n2") == [.number(1), .newline, .number(2), .end])
    }

    @Test func lineContinuesAfterOperatorPipeCommaAndInsideBrackets() throws {
        #expect(try kinds("1 +\n2") == [.number(1), .symbol(.plus), .number(2), .end])
        #expect(try kinds("facts |\ncount") == [.name("facts"), .symbol(.pipe), .name("count"), .end])
        #expect(try kinds("[1,\n2]").contains(.newline) == false)
        #expect(try kinds("(1\n+ 2)").contains(.newline) == false)
        #expect(try kinds("1\n2").contains(.newline))
    }

    @Test func sessionCommandTakesTheRestOfTheLine() throws {
        #expect(try kinds(":run a b.steppe\n1") == [.sessionCommand(":run a b.steppe"), .newline, .number(1), .end])
    }

    @Test func strayCharacterPointsAtIt() {
        let d = parseError("3 × 4")
        #expect(d?.message == "unexpected character '×'")
        #expect(place(d) == "1:3")
        #expect(d?.notes.first == "write '*' for multiplication")
    }

    @Test func longLinesAreAccepted() throws {
        let text = "[" + Array(repeating: "1", count: 1_000_000).joined(separator: ",") + "] | count"
        #expect(text.utf8.count > 1_900_000)
        #expect(parseError(text) == nil)
    }
}

@Suite struct ParserTests {
    @Test func unclosedBracketNamesWhereItOpened() {
        let d = parseError("let x = (1 + 2\nlet y = 3")
        #expect(d?.message.contains("expected ')' to close '(' at 1:9") == true)
    }

    @Test func endOfInputIsIncomplete() {
        #expect(parseError("facts |")?.incomplete == true)
        #expect(parseError("[1, 2")?.incomplete == true)
        #expect(parseError("1 +")?.incomplete == true)
        #expect(parseError("1 + )")?.incomplete == false)
    }

    @Test func missingOperandCaret() {
        let d = parseError("protests.killed > ")
        #expect(d?.message == "expected a value, found end of input")
    }

    @Test func assignmentIsNotComparison() {
        let d = parseError("facts | where topic = \"x\"")
        #expect(d?.message == "'=' is not a comparison")
        #expect(place(d) == "1:21")
    }

    @Test func comparisonsDoNotChain() {
        #expect(parseError("1 < 2 < 3")?.message == "comparisons do not chain")
    }

    @Test func twoExpressionsOnALine() {
        let d = parseError("1 2")
        #expect(d?.message == "expected end of statement, found a number")
        #expect(place(d) == "1:3")
    }

    @Test func commandCallSyntax() throws {
        let script = try Parser.parse(SourceFile(name: "t", text: "compare a vs b, c: 1\nchart value by x to \"f.svg\""))
        guard case .expression(.command(let name, let args, _, _)) = script.statements[0] else {
            Issue.record("not a command"); return
        }
        #expect(name == "compare")
        #expect(args.map(\.label) == [nil, "vs", "c"])
        guard case .expression(.command(_, let args2, _, _)) = script.statements[1] else {
            Issue.record("not a command"); return
        }
        #expect(args2.map(\.label) == [nil, "by", "to"])
    }

    @Test func toWithAUnitIsConversion() throws {
        let script = try Parser.parse(SourceFile(name: "t", text: "x to USD/person/yr"))
        guard case .expression(.convert(_, let unit, _)) = script.statements[0] else {
            Issue.record("not a conversion"); return
        }
        #expect(unit.factors.map(\.name) == ["USD", "person", "yr"])
        #expect(unit.factors.map(\.exponent) == [1, -1, -1])
    }

    @Test func unitsHaveNoSpacesInside() throws {
        let script = try Parser.parse(SourceFile(name: "t", text: "5 people / 2"))
        guard case .expression(.binary(.div, .number(5, let u?, _), .number(2, nil, _), _, _)) = script.statements[0] else {
            Issue.record("expected (5 people) / 2"); return
        }
        #expect(u.text == "people")
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let text = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(parseError(text)?.message.contains("nested too deeply") == true)
        let minus = String(repeating: "-", count: 5000) + "1"
        #expect(parseError(minus)?.message.contains("nested too deeply") == true)
    }

    @Test func factClausesAreChecked() {
        let d = parseError("fact a.b = \"x\" form article")
        #expect(d?.message == "'form' is not a clause of 'fact'")
        #expect(place(d) == "1:16")
    }
}

@Suite struct DiagnosticRendererTests {
    @Test func caretUnderTheRangeWithNote() {
        let file = SourceFile(name: "<stdin>", text: "kazakstan.region")
        let d = Diagnostic(.evaluation(.unknownName("kazakstan")), file: file, range: SourceRange(0, 9), notes: ["did you mean 'kazakhstan'?"])
        #expect(DiagnosticRenderer(color: false).render(d) == """
        <stdin>:1:1: error: unknown name 'kazakstan'
         1 | kazakstan.region
           | ^~~~~~~~~ did you mean 'kazakhstan'?

        """)
    }

    @Test func columnsCountCharactersNotBytes() {
        let file = SourceFile(name: "f", text: "let £ = 1\n\"Қазақстан\" + x")
        let offset = Array(file.bytes).count - 1
        let (line, column) = file.location(of: offset)
        #expect(line == 2)
        #expect(column == 15)
    }
}
