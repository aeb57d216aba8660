import Testing
@testable import SteppeCore

/// The CSV and JSON readers of table packs, and loads of hostile files.
@Suite struct TableReaderTests {
    /// Every row of a CSV text, each cell's text.
    func rows(_ text: String) throws -> [[String]] {
        try rows(Array(text.utf8))
    }

    func rows(_ bytes: [UInt8]) throws -> [[String]] {
        var reader = CSVReader(bytes: bytes)
        var cells: [CSVCell] = []
        var out: [[String]] = []
        while try reader.nextRow(&cells) { out.append(cells.map(reader.text)) }
        return out
    }

    func csvError(_ text: String) -> CSVError? {
        do { _ = try rows(text); return nil } catch { return error as? CSVError }
    }

    // MARK: - RFC 4180, section 2, its own examples

    @Test func rfcRecordsEndWithCRLF() throws {
        #expect(try rows("aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n") == [["aaa", "bbb", "ccc"], ["zzz", "yyy", "xxx"]])
    }

    @Test func rfcLastRecordNeedsNoLineBreak() throws {
        #expect(try rows("aaa,bbb,ccc\r\nzzz,yyy,xxx") == [["aaa", "bbb", "ccc"], ["zzz", "yyy", "xxx"]])
    }

    @Test func rfcHeaderLine() throws {
        #expect(try rows("field_name,field_name,field_name\r\naaa,bbb,ccc\r\n").count == 2)
    }

    @Test func rfcQuotedFields() throws {
        #expect(try rows("\"aaa\",\"bbb\",\"ccc\"\r\nzzz,yyy,xxx") == [["aaa", "bbb", "ccc"], ["zzz", "yyy", "xxx"]])
    }

    @Test func rfcLineBreaksCommasAndQuotesInsideQuotes() throws {
        #expect(try rows("\"aaa\",\"b\r\nbb\",\"ccc\"\r\nzzz,yyy,xxx") == [["aaa", "b\r\nbb", "ccc"], ["zzz", "yyy", "xxx"]])
        #expect(try rows("\"aaa\",\"b\"\"bb\",\"ccc\"") == [["aaa", "b\"bb", "ccc"]])
        #expect(try rows("\"a,b\",c") == [["a,b", "c"]])
    }

    // MARK: - Real-world oddities

    @Test func excelBOMAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("subject,property\r\nKazakhstan,x\r\n".utf8)
        #expect(try rows(bytes) == [["subject", "property"], ["Kazakhstan", "x"]])
    }

    @Test func libreOfficeQuotesEveryText() throws {
        #expect(try rows("\"subject\",\"value\"\n\"Kazakhstan\",225\n\"\",\"\"\n") == [["subject", "value"], ["Kazakhstan", "225"], ["", ""]])
    }

    @Test func trailingEmptyFieldsAreCells() throws {
        #expect(try rows("a,b,,\n") == [["a", "b", "", ""]])
        #expect(try rows("a,\n") == [["a", ""]])
    }

    @Test func emptyLinesAndLoneCarriageReturns() throws {
        #expect(try rows("a,b\n\n\nc,d\n") == [["a", "b"], ["c", "d"]])
        #expect(try rows("a,b\rc,d\r") == [["a", "b"], ["c", "d"]])
    }

    @Test func linesAreCountedThroughQuotedLineBreaks() throws {
        var reader = CSVReader(bytes: Array("a\n\"x\ny\nz\"\nb\n".utf8))
        var cells: [CSVCell] = []
        var lines: [Int] = []
        while try reader.nextRow(&cells) { lines.append(reader.rowLine) }
        #expect(lines == [1, 2, 5])
    }

    @Test func strictness() {
        #expect(csvError("a,\"never closed\nb,c\n")?.offset == 2)
        #expect(csvError("a,\"never closed\nb,c\n")?.problem == .quoteNeverClosed)
        #expect(csvError("a,b\"c\n")?.offset == 3)
        #expect(csvError("a,b\"c\n")?.problem == .quoteInsideCell)
        #expect(csvError("\"a\"b,c\n")?.offset == 3)
        #expect(csvError("\"a\"b,c\n")?.problem == .textAfterClosingQuote)
    }

    @Test func tenThousandColumns() throws {
        let header = (0..<10_000).map { "c\($0)" }.joined(separator: ",")
        let r = try rows(header + "\n")
        #expect(r[0].count == 10_000)
    }

    @Test func fiveMegabyteCell() throws {
        let big = String(repeating: "ab,\"\n", count: 1 << 20)
        let quoted = "\"" + big.replacingAll("\"", with: "\"\"") + "\""
        let r = try rows("x," + quoted + "\n")
        #expect(r[0][1].utf8.count == big.utf8.count)
    }

    // MARK: - UTF-8

    @Test func utf8Check() {
        #expect(UTF8Check.firstInvalidByte(in: Array("Қазақстан £ 🙂".utf8)) == nil)
        #expect(UTF8Check.firstInvalidByte(in: [0x61, 0xE9, 0x62]) == 1)
        #expect(UTF8Check.firstInvalidByte(in: [0x61, 0xC3]) == 1)
        #expect(UTF8Check.firstInvalidByte(in: [0xC0, 0x80]) == 0)  // overlong
        #expect(UTF8Check.firstInvalidByte(in: [0xED, 0xA0, 0x80]) == 0)  // a surrogate
        #expect(UTF8Check.firstInvalidByte(in: [0xF4, 0x90, 0x80, 0x80]) == 0)  // above U+10FFFF
    }

    // MARK: - JSON

    func objects(_ text: String, lines: Bool = false) throws -> [JSONObject] {
        var reader = JSONRowReader(bytes: Array(text.utf8), lines: lines)
        var out: [JSONObject] = []
        while let o = try reader.next() { out.append(o) }
        return out
    }

    func jsonError(_ text: String, lines: Bool = false) -> CSVError? {
        do { _ = try objects(text, lines: lines); return nil } catch { return error as? CSVError }
    }

    @Test func jsonScalarsAndPlaces() throws {
        let o = try objects(#"[{"a": "x\"y\u00e9\ud83d\ude42", "b": -1.5e3, "c": true, "d": null}]"#)
        #expect(o.count == 1)
        #expect(o[0].start == 1)
        #expect(o[0].fields.map(\.key) == ["a", "b", "c", "d"])
        #expect(o[0].fields[0].value == .string("x\"yé🙂"))
        #expect(o[0].fields[0].valueStart == 7)
        #expect(o[0].fields[1].value == .number(-1500, "-1.5e3"))
        #expect(o[0].fields[2].value == .bool(true))
        #expect(o[0].fields[3].value == .null)
        #expect(try objects("[]").isEmpty)
        #expect(try objects("{\"a\": 1}\n\n{\"a\": 2}\n", lines: true).count == 2)
    }

    @Test func jsonNestedDeepIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(jsonError(deep)?.offset == 1)
        let deepValue = "[{\"value\": " + String(repeating: "[", count: 100_000) + "}]"
        #expect(jsonError(deepValue)?.offset == 11)
        let deepObject = String(repeating: "{\"a\": ", count: 100_000)
        #expect(jsonError(deepObject, lines: true)?.offset == 6)
    }

    @Test func jsonStrictness() {
        #expect(jsonError("[{\"a\": 01}]")?.offset == 7)
        #expect(jsonError("[{\"a\": 01}]")?.problem == .leadingZero)
        #expect(jsonError("[{\"a\": 1.}]")?.offset == 7)
        #expect(jsonError("[{\"a\": 1.}]")?.problem == .digitsAfterPoint)
        #expect(jsonError("[{\"a\": \"x}]")?.offset == 7)
        #expect(jsonError("[{\"a\": \"x}]")?.problem == .textNeverClosed)
        #expect(jsonError("[{\"a\": \"\\q\"}]")?.offset == 8)
        #expect(jsonError("[{\"a\": \"\\q\"}]")?.problem == .unknownEscape("q"))
        #expect(jsonError("[{\"a\": 1},]")?.offset == 9)
        #expect(jsonError("[{\"a\": 1},]")?.problem == .commaBeforeBracket)
        #expect(jsonError("[{\"a\": 1}] x")?.offset == 11)
        #expect(jsonError("[{\"a\": 1}] x")?.problem == .textAfterArray)
        #expect(jsonError("[{\"a\": 1}")?.offset == 9)
        #expect(jsonError("[{\"a\": 1}")?.problem == .arrayNeverClosed(afterObject: true))
        #expect(jsonError("[{\"a\" 1}]")?.offset == 6)
        #expect(jsonError("[{\"a\" 1}]")?.problem == .expectedColon)
        #expect(jsonError("[{\"a\": tru}]")?.offset == 7)
        #expect(jsonError("[{\"a\": tru}]")?.problem == .expectedScalar)
        #expect(jsonError("{\"a\": 1} {\"a\": 2}", lines: true)?.offset == 9)
        #expect(jsonError("{\"a\": 1} {\"a\": 2}", lines: true)?.problem == .jsonLineGoesOn)
    }

    // MARK: - Whole loads

    func load(_ name: String, _ bytes: [UInt8], source: String? = nil) throws -> (Session, Diagnostic?) {
        let s = try session()
        _ = try run("source ngo \"Casualty counts of three NGOs\" kind reference", in: s)
        do {
            try s.loadPackFile(SourceFile(name: name, bytes: bytes), source: source)
            return (s, nil)
        } catch {
            return (s, error)
        }
    }

    func count(_ s: Session) throws -> String {
        try eval("facts | where source == ngo | count", in: s)
    }

    @Test func aFiveMegabyteCellLoads() throws {
        let big = String(repeating: "Қазақстан, \"oil\"\n", count: 5 << 20 / 26 + 1)
        let csv = "subject,property,value,source\nKazakhstan,big,\"" + big.replacingAll("\"", with: "\"\"") + "\",ngo\n"
        #expect(csv.utf8.count > 5 << 20)
        let (s, e) = try load("big.csv", Array(csv.utf8))
        #expect(e == nil)
        #expect(try eval("length(kazakhstan.big)", in: s) == NumberFormat.display(Double(big.count)))
        var encoded = ""
        JSON.string(big, into: &encoded)
        let json = "[{\"subject\": \"Kazakhstan\", \"property\": \"big\", \"value\": \(encoded), \"source\": \"ngo\"}]"
        let (t, f) = try load("big.json", Array(json.utf8))
        #expect(f == nil)
        #expect(try eval("length(kazakhstan.big)", in: t) == NumberFormat.display(Double(big.count)))
    }

    @Test func hostileFilesLoadNothing() throws {
        let header = "subject,property,value,source"
        let cases: [(String, [UInt8], Int, Int, String)] = [
            ("wide.csv", Array(((0..<10_000).map { "c\($0)" }.joined(separator: ",") + "\n").utf8), 1, 1, "unknown column 'c0'"),
            ("unclosed.csv", Array("\(header)\nkazakhstan,a,1,ngo\nkazakhstan,b,\"2,ngo\n".utf8), 3, 14, "this quote is never closed"),
            ("utf8.csv", Array("\(header)\nkazakhstan,a,1,ngo\n".utf8) + [0x6B, 0xFF] + Array(",b,2,ngo\n".utf8), 3, 2, "not valid UTF-8"),
            ("ragged.csv", Array("\(header)\nkazakhstan,a,1,ngo\nkazakhstan,b,2\n".utf8), 3, 15, "row 2 has 3 cells, but the header has 4"),
            ("deep.json", Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8), 1, 2,
             "each item of a JSON pack is an object"),
            ("deep.jsonl", Array(("{\"subject\": \"kazakhstan\", \"property\": \"a\", \"value\": 1, \"source\": \"ngo\"}\n"
                                  + "{\"value\": " + String(repeating: "{", count: 100_000)).utf8), 2, 11, "not an object"),
            ("utf8.json", Array("[{\"subject\": \"kazakhstan\", \"property\": \"a\", \"value\": \"".utf8) + [0xC3, 0x28] + Array("\", \"source\": \"ngo\"}]".utf8),
             1, 55, "not valid UTF-8"),
        ]
        for (name, bytes, line, column, message) in cases {
            let (s, e) = try load(name, bytes)
            let d = try #require(e, "\(name) loaded")
            let file = try #require(d.file)
            #expect(file.location(of: d.range.start) == (line, column), "\(name): \(d.message)")
            #expect(d.message.contains(message), "\(name): \(d.message)")
            #expect(try count(s) == "0", "\(name) left facts behind")
        }
    }

    @Test func newEntityIDs() {
        #expect(TablePackLoader.entityID(for: "Amnesty International") == "amnesty_international")
        #expect(TablePackLoader.entityID(for: "  Human Rights -- Watch! ") == "human_rights_watch")
        #expect(TablePackLoader.entityID(for: "2022 Group") == "e_2022_group")
        #expect(TablePackLoader.entityID(for: "Қазақстан") == "e_")
        #expect(TablePackLoader.entityID(for: "Café Noir") == "caf_noir")
    }

    @Test func loadArgumentSplitsOffItsSource() {
        #expect(Session.splitLoadArgument("figures.csv from ngo") == ("figures.csv", "ngo"))
        #expect(Session.splitLoadArgument("\"my figures.csv\"  from  ngo") == ("\"my figures.csv\"", "ngo"))
        #expect(Session.splitLoadArgument("figures.csv") == ("figures.csv", nil))
        #expect(Session.splitLoadArgument("from.csv") == ("from.csv", nil))
    }
}
