import Testing
@testable import SteppeCore

/// The syntax and pack catalogues (issue 11, item 6): every diagnostic steppe
/// raises names its case, and each case's text is written once.
@Suite struct SyntaxProblemTests {
    /// One of each case. `ordinal` is an exhaustive switch: a case added to
    /// the catalogue does not compile here until it has a sample.
    static let samples: [SyntaxProblem] = [
        .unexpectedCharacter("×"), .unexpectedByte(1), .numberOutOfRange, .impossibleDate("2022-13-45"),
        .unknownEscape("q"), .unterminatedText, .expected("a value", found: "end of input"),
        .expectedEndOfStatement(found: "a number"),
        .unclosed(closer: ")", opener: "(", line: 1, column: 9, found: "']'"),
        .neverClosed(opener: "(", line: 1, column: 1, closer: ")"), .nestedTooDeeply(limit: 200),
        .tooManyOperations(limit: 500), .reservedName("where", keyword: "let"), .notAClause("colour", of: "source"),
        .clauseTwice("kind"), .assignIsNotComparison, .comparisonsDoNotChain, .sessionCommandInside,
        .afterExpression(found: "a number"),
    ]

    static func ordinal(_ p: SyntaxProblem) -> Int {
        switch p {
        case .unexpectedCharacter: 0
        case .unexpectedByte: 1
        case .numberOutOfRange: 2
        case .impossibleDate: 3
        case .unknownEscape: 4
        case .unterminatedText: 5
        case .expected: 6
        case .expectedEndOfStatement: 7
        case .unclosed: 8
        case .neverClosed: 9
        case .nestedTooDeeply: 10
        case .tooManyOperations: 11
        case .reservedName: 12
        case .notAClause: 13
        case .clauseTwice: 14
        case .assignIsNotComparison: 15
        case .comparisonsDoNotChain: 16
        case .sessionCommandInside: 17
        case .afterExpression: 18
        }
    }

    @Test func everyCaseHasItsOwnText() {
        #expect(Set(Self.samples.map(Self.ordinal)) == Set(0...18))
        let texts = Self.samples.map(\.message)
        #expect(texts.allSatisfy { !$0.isEmpty })
        #expect(Set(texts).count == texts.count)
    }

    private func kind(_ text: String) -> SyntaxProblem? {
        guard case .syntax(let p)? = parseError(text)?.kind else { return nil }
        return p
    }

    @Test func lexerErrorsCarryTheirCase() {
        #expect(kind("1 × 2") == .unexpectedCharacter("×"))
        #expect(kind("1 \u{01} 2") == .unexpectedByte(1))
        #expect(kind("1e999") == .numberOutOfRange)
        #expect(kind("2022-13-45") == .impossibleDate("2022-13-45"))
        #expect(kind(#""a\qb""#) == .unknownEscape("q"))
        #expect(kind("\"abc") == .unterminatedText)
    }

    @Test func parserErrorsCarryTheirCase() {
        #expect(kind("1 2") == .expectedEndOfStatement(found: "a number"))
        #expect(kind("(1 ]") == .unclosed(closer: ")", opener: "(", line: 1, column: 1, found: "']'"))
        #expect(kind("let where = 1") == .reservedName("where", keyword: "let"))
        #expect(kind("source s \"T\" colour 1") == .notAClause("colour", of: "source"))
        #expect(kind("source s \"T\" kind a kind b") == .clauseTwice("kind"))
        #expect(kind("1 = 2") == .assignIsNotComparison)
        #expect(kind("1 < 2 < 3") == .comparisonsDoNotChain)
        #expect(kind("facts | group") == .expected("'by' after 'group'", found: nil))
        #expect(kind("1 + 1") == nil)
    }

    /// An open bracket or a trailing operator at the end: the prompt asks for more.
    @Test func incompleteInputFollowsFromTheKind() {
        let open = parseError("(1 + 2")
        #expect(open?.kind == .syntax(.neverClosed(opener: "(", line: 1, column: 1, closer: ")")))
        #expect(open?.incomplete == true)
        let trailing = parseError("1 +")
        #expect(trailing?.kind == .syntax(.expected("a value", found: "end of input")))
        #expect(trailing?.incomplete == true)
        #expect(parseError("1 = 2")?.incomplete == false)
        #expect(parseError("(1 ]")?.incomplete == false)
    }

    /// The texts users and the script tests see, byte for byte.
    @Test func messagesAreUnchanged() {
        #expect(SyntaxProblem.unexpectedByte(0x1B).message == "unexpected character byte 0x1B")
        #expect(SyntaxProblem.unexpectedCharacter("×").message == "unexpected character '×'")
        #expect(SyntaxProblem.unknownEscape("q").message == "unknown escape '\\q' in text")
        #expect(SyntaxProblem.expected("a value", found: "end of input").message == "expected a value, found end of input")
        #expect(SyntaxProblem.expected("'by' after 'group'", found: nil).message == "expected 'by' after 'group'")
        #expect(SyntaxProblem.neverClosed(opener: "[", line: 2, column: 5, closer: "]").message
            == "'[' at 2:5 is never closed: expected ']' before the end")
        #expect(SyntaxProblem.unclosed(closer: ")", opener: "(", line: 1, column: 9, found: "end of line").message
            == "expected ')' to close '(' at 1:9, found end of line")
        #expect(SyntaxProblem.reservedName("where", keyword: "let").message == "'where' is a reserved word and cannot be a let name")
    }
}

@Suite struct PackProblemTests {
    static let samples: [PackProblem] = [
        .invalidUTF8(0xFF), .quoteNeverClosed, .textAfterClosingQuote, .quoteInsideCell, .emptyCSV, .unnamedColumn,
        .unknownColumn("colour"), .columnTwice("value"), .headerLacks("property"), .headerLacksValue,
        .raggedRow(row: 2, cells: 3, header: 4), .jsonLineGoesOn, .emptyJSON, .notAnArray,
        .arrayNeverClosed(afterObject: true), .expectedCommaOrBracket, .commaBeforeBracket, .textAfterArray,
        .itemNotObject, .expectedKey, .objectNeverClosed, .expectedColon, .expectedCommaOrBrace, .expectedValue,
        .expectedScalar, .nestedValue(array: true), .numberNeedsDigits, .leadingZero, .digitsAfterPoint,
        .digitsAfterExponent, .numberOutOfRange, .textNeverClosed, .textNeverClosedOnLine, .controlCharacter,
        .hexEscape, .loneHighSurrogate, .loneLowSurrogate, .notACharacter, .unknownEscape("q"), .unknownKey("colour"),
        .keyTwice("value"), .emptyCell("subject"), .nullValue("subject"), .noKey("subject"), .takesText("unit"),
        .takesNumber("low"), .notADate("2022-13"), .notAUnit("furlongs"), .notAPropertyName("oil reserves"),
        .entityIDTaken("KZ", id: "kz", by: "Kazakhstan"), .noSource, .sourceDiffers("ngo", from: "hrw"),
        .unitNeedsPlainNumber(column: "value", found: "a text"), .valueAndBounds, .boundWithLowHigh,
        .unknownBound("roughly"), .boundNeedsFigure(found: "a text"), .boundNeedsExact, .onNeedsDate,
        .notPackStatement, .fromNeedsTablePack("ngo"),
    ]

    static func ordinal(_ p: PackProblem) -> Int {
        switch p {
        case .invalidUTF8: 0
        case .quoteNeverClosed: 1
        case .textAfterClosingQuote: 2
        case .quoteInsideCell: 3
        case .emptyCSV: 4
        case .unnamedColumn: 5
        case .unknownColumn: 6
        case .columnTwice: 7
        case .headerLacks: 8
        case .headerLacksValue: 9
        case .raggedRow: 10
        case .jsonLineGoesOn: 11
        case .emptyJSON: 12
        case .notAnArray: 13
        case .arrayNeverClosed: 14
        case .expectedCommaOrBracket: 15
        case .commaBeforeBracket: 16
        case .textAfterArray: 17
        case .itemNotObject: 18
        case .expectedKey: 19
        case .objectNeverClosed: 20
        case .expectedColon: 21
        case .expectedCommaOrBrace: 22
        case .expectedValue: 23
        case .expectedScalar: 24
        case .nestedValue: 25
        case .numberNeedsDigits: 26
        case .leadingZero: 27
        case .digitsAfterPoint: 28
        case .digitsAfterExponent: 29
        case .numberOutOfRange: 30
        case .textNeverClosed: 31
        case .textNeverClosedOnLine: 32
        case .controlCharacter: 33
        case .hexEscape: 34
        case .loneHighSurrogate: 35
        case .loneLowSurrogate: 36
        case .notACharacter: 37
        case .unknownEscape: 38
        case .unknownKey: 39
        case .keyTwice: 40
        case .emptyCell: 41
        case .nullValue: 42
        case .noKey: 43
        case .takesText: 44
        case .takesNumber: 45
        case .notADate: 46
        case .notAUnit: 47
        case .notAPropertyName: 48
        case .entityIDTaken: 49
        case .noSource: 50
        case .sourceDiffers: 51
        case .unitNeedsPlainNumber: 52
        case .valueAndBounds: 53
        case .boundWithLowHigh: 54
        case .unknownBound: 55
        case .boundNeedsFigure: 56
        case .boundNeedsExact: 57
        case .onNeedsDate: 58
        case .notPackStatement: 59
        case .fromNeedsTablePack: 60
        }
    }

    @Test func everyCaseHasItsOwnText() {
        #expect(Set(Self.samples.map(Self.ordinal)) == Set(0...60))
        let texts = Self.samples.map(\.message)
        #expect(texts.allSatisfy { !$0.isEmpty })
        #expect(Set(texts).count == texts.count)
    }

    /// The kind of the error of loading `text` as the pack `name`.
    private func kind(_ name: String, _ text: String, bytes: [UInt8]? = nil, source: String? = nil) throws -> DiagnosticKind? {
        let s = try session()
        _ = try run("source ngo \"Casualty counts of three NGOs\" kind reference", in: s)
        do {
            try s.loadPackFile(SourceFile(name: name, bytes: bytes ?? Array(text.utf8)), source: source)
            return nil
        } catch {
            return error.kind
        }
    }

    @Test func packErrorsCarryTheirCase() throws {
        let header = "subject,property,value,source\n"
        #expect(try kind("r.csv", header + "kazakhstan,a,1,ngo\nkazakhstan,b,2\n") == .pack(.raggedRow(row: 2, cells: 3, header: 4)))
        #expect(try kind("q.csv", header + "kazakhstan,b,\"2,ngo\n") == .pack(.quoteNeverClosed))
        #expect(try kind("h.csv", "subject,value,source\nkazakhstan,1,ngo\n") == .pack(.headerLacks("property")))
        #expect(try kind("c.csv", header + "kazakhstan,a,,ngo\n") == .pack(.emptyCell("value")))
        #expect(try kind("u.csv", "", bytes: Array(header.utf8) + [0x6B, 0xFF]) == .pack(.invalidUTF8(0xFF)))
        #expect(try kind("d.csv", header + "kazakhstan,a,2022-13,ngo\n") == .pack(.notADate("2022-13")))
        #expect(try kind("s.csv", header + "kazakhstan,a,1,nosuch\n") == .evaluation(.unknownSource("nosuch")))
        #expect(try kind("n.json", "[{\"subject\": \"kazakhstan\", \"property\": \"a\", \"value\": [1]}]") == .pack(.nestedValue(array: true)))
        #expect(try kind("k.jsonl", "{\"subject\": \"kazakhstan\", \"colour\": 1}\n") == .pack(.unknownKey("colour")))
        #expect(try kind("p.steppe", "1 + 1\n") == .pack(.notPackStatement))
        #expect(try kind("f.steppe", "", source: "ngo") == .pack(.fromNeedsTablePack("ngo")))
        #expect(try kind("ok.csv", header + "kazakhstan,a,1,ngo\n") == nil)
    }

    /// An `=` cell's expression reports the language's own kinds, in the cell.
    @Test func cellExpressionsKeepTheirKind() throws {
        let header = "subject,property,value,source\n"
        #expect(try kind("e.csv", header + "kazakhstan,a,=1 / 0,ngo\n") == .evaluation(.divisionByZero))
        #expect(try kind("e.csv", header + "kazakhstan,a,=(1 + 2,ngo\n")
            == .syntax(.neverClosed(opener: "(", line: 2, column: 15, closer: ")")))
        #expect(try kind("e.csv", header + "kazakhstan,a,=1 2,ngo\n") == .syntax(.afterExpression(found: "a number")))
    }

    @Test func messagesAreUnchanged() {
        #expect(PackProblem.invalidUTF8(0x8).message == "the file is not valid UTF-8: byte 0x08 here")
        #expect(PackProblem.raggedRow(row: 2, cells: 1, header: 4).message == "row 2 has 1 cell, but the header has 4")
        #expect(PackProblem.arrayNeverClosed(afterObject: false).message == "the array is never closed: expected an object")
        #expect(PackProblem.noKey("value").message == "this row has no \"value\" key; 'value' is required")
        #expect(PackProblem.nullValue("value").message == "this row has \"value\": null; 'value' is required")
        #expect(PackProblem.unknownEscape("q").message == "unknown escape '\\q' in a text")
    }
}

/// Warnings are catalogue cases too, with the texts users see.
@Suite struct WarningTests {
    @Test func warningTextsAreUnchanged() {
        #expect(Problem.rowsLeftOut(unknown: 1, incomparable: 0).message == "where: 1 row dropped as unknown")
        #expect(Problem.rowsLeftOut(unknown: 2, incomparable: 1).message
            == "where: 2 rows dropped as unknown, 1 row could not be compared")
        #expect(Problem.sortedInGroups(2, ["numbers", "texts"]).message
            == "sort: the column mixes kinds, so it is sorted in 2 groups: numbers, texts")
        #expect(Problem.hides("def", "stats", "the command stats (Statistics)").message
            == "def stats hides the command stats (Statistics)")
    }
}

/// An error steppe does not know is shown by its text, never as a dump of its fields.
@Suite struct ForeignErrorTests {
    struct Opaque: Error { var code = 7 }
    struct Described: Error, CustomStringConvertible { var description: String { "the service is down" } }

    @Test func foreignErrorsAreShownByTheirText() {
        #expect(Problem.foreign(Opaque()).message == "an error with no message (Opaque)")
        #expect(Problem.foreign(Described()).message == "the service is down")
        #expect(Problem.foreign(CommandError("compare: nothing to compare")).message == "compare: nothing to compare")
    }
}
