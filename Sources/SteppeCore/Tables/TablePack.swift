/// Fact packs written as tables: CSV (a header row, then a fact a row), JSON
/// (an array of objects) and JSON Lines (an object a line). A row becomes
/// the same fact a `fact` statement makes, through the same all-or-nothing
/// load; see LANGUAGE.md, "Packs from CSV and JSON".

/// The columns of a CSV pack and the keys of a JSON one.
enum TableColumn: Int, CaseIterable {
    case subject, property, value, unit, bound, low, high, source, at, quote, on, topic, by, hedge

    var name: String { String(describing: self) }

    static let byName: [String: TableColumn] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })
    static let list = allCases.map(\.name).joined(separator: ", ")
}

/// How a pack file is written, from its extension.
public enum PackFormat: Sendable {
    case steppe, csv, json, jsonl

    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "steppe": self = .steppe
        case "csv": self = .csv
        case "json": self = .json
        case "jsonl": self = .jsonl
        default: return nil
        }
    }
}

/// A cell of a table pack: where it is written and what it holds.
struct TableCell {
    enum Content {
        case csv(CSVCell)
        case string(String)
        case number(Double, String)
        case bool(Bool)
        case null
    }
    /// Where errors about the cell point: its first byte (a JSON string's
    /// opening quote), up to `end`.
    var start: Int
    var end: Int
    var content: Content

    var isAbsent: Bool {
        switch content {
        case .csv(let c): return c.isEmpty
        case .string(let s): return s.isEmpty
        case .null: return true
        default: return false
        }
    }
}

/// What `:save` needs to write a loaded table pack back as statements.
struct TablePackRecord {
    var file: SourceFile
    var format: PackFormat
    var source: String?
    var newEntities: [(id: String, name: String)]
    /// Subject and claimant texts (in lower case) to the entity ids they meant.
    var resolved: [String: String]
}

/// Reads one table pack into the session's store, or, for `:save`, into
/// the statements it amounts to.
struct TablePackLoader {
    let session: Session
    let file: SourceFile
    let bytes: [UInt8]
    let format: PackFormat
    let pack: Int
    /// The source of every row, from `:load FILE from SOURCE`.
    let fromSource: String?
    /// When set, rows become statement text here instead of facts.
    var writing: [String]?

    /// Lower-cased ids, names and aliases to entity ids.
    var index: [String: String] = [:]
    var newEntities: [(id: String, name: String)] = []
    var csv: CSVReader
    /// Which column each header cell is (CSV).
    var columnOf: [TableColumn] = []
    /// For the row in hand: the cell of each column, or -1.
    var slot = [Int](repeating: -1, count: TableColumn.allCases.count)
    var cells: [TableCell] = []
    var rowNumber = 0
    var rowStart = 0
    var rowLine = 1
    var units: [String: Unit] = [:]
    /// Subjects as written to their entity ids (and the ids' name numbers in
    /// the store), and properties as written to theirs: a file names the
    /// same few often, in any order.
    var subjects = CellTable<(id: String, name: Int32)>()
    var properties = CellTable<(name: String, id: Int32)>()
    var lastSource: (start: Int, end: Int, id: String, index: Int32)?
    var lastUnit: (start: Int, end: Int, unit: Unit)?

    init(session: Session, file: SourceFile, format: PackFormat, pack: Int, fromSource: String?, resolved: [String: String]? = nil) {
        self.session = session
        self.file = file
        self.bytes = file.bytes
        self.format = format
        self.pack = pack
        self.fromSource = fromSource
        csv = CSVReader(bytes: file.bytes)
        if let resolved {
            index = resolved
            writing = []
            return
        }
        let store = session.store
        for id in store.entityOrder { index[id.lowercased()] = id }
        for id in store.entityOrder {
            guard let e = store.entities[id] else { continue }
            for key in [e.name] + e.aliases where index[key.lowercased()] == nil { index[key.lowercased()] = id }
        }
    }

    // MARK: - Errors

    func error(_ kind: DiagnosticKind, at start: Int, _ end: Int? = nil, notes: [String] = []) -> Diagnostic {
        Diagnostic(kind, file: file, range: SourceRange(start, end ?? start + 1), notes: notes)
    }

    func error(_ kind: DiagnosticKind, _ cell: TableCell, notes: [String] = []) -> Diagnostic {
        error(kind, at: cell.start, max(cell.start + 1, cell.end), notes: notes)
    }

    func error(_ e: CSVError) -> Diagnostic {
        error(.pack(e.problem), at: e.offset, notes: e.notes)
    }

    // MARK: - Reading rows

    mutating func run() throws(Diagnostic) {
        if let bad = UTF8Check.firstInvalidByte(in: bytes) {
            throw error(.pack(.invalidUTF8(bytes[bad])), at: bad,
                        notes: ["save the file as UTF-8 (in a spreadsheet: CSV UTF-8)"])
        }
        switch format {
        case .csv: try readCSV()
        case .json, .jsonl: try readJSON()
        case .steppe: break
        }
    }

    mutating func readCSV() throws(Diagnostic) {
        var header: [CSVCell] = []
        let gotHeader: Bool
        do { gotHeader = try csv.nextRow(&header) } catch { throw self.error(error) }
        guard gotHeader else {
            throw error(.pack(.emptyCSV), at: 0)
        }
        var seen: [TableColumn: CSVCell] = [:]
        for cell in header {
            let name = csv.text(cell).trimmed.lowercased()
            guard let column = TableColumn.byName[name] else {
                let notes = name.isEmpty ? ["the columns are: \(TableColumn.list)"]
                    : session.suggestions(name, among: TableColumn.allCases.map(\.name)) + ["the columns are: \(TableColumn.list)"]
                throw error(.pack(name.isEmpty ? .unnamedColumn : .unknownColumn(csv.text(cell))),
                            at: cell.start, max(cell.start + 1, cell.end), notes: notes)
            }
            if seen[column] != nil {
                throw error(.pack(.columnTwice(name)), at: cell.start, max(cell.start + 1, cell.end))
            }
            seen[column] = cell
            columnOf.append(column)
        }
        let headerStart = csv.rowStart
        let headerEnd = header.last?.end ?? headerStart
        for column in [TableColumn.subject, .property] where seen[column] == nil {
            throw error(.pack(.headerLacks(column.name)), at: headerStart, headerEnd,
                        notes: ["the columns are: \(TableColumn.list); subject, property and value are required"])
        }
        if seen[.value] == nil && seen[.low] == nil && seen[.high] == nil {
            throw error(.pack(.headerLacksValue), at: headerStart, headerEnd)
        }
        if seen[.source] == nil && fromSource == nil {
            throw error(.pack(.headerLacks("source")), at: headerStart, headerEnd,
                        notes: ["add one, or give every row a source: :load FILE from SOURCE (--load FILE --from SOURCE)"])
        }
        var row: [CSVCell] = []
        while true {
            let more: Bool
            do { more = try csv.nextRow(&row) } catch { throw self.error(error) }
            guard more else { break }
            rowNumber += 1
            rowStart = csv.rowStart
            rowLine = csv.rowLine
            if row.count != header.count {
                let ragged = DiagnosticKind.pack(.raggedRow(row: rowNumber, cells: row.count, header: header.count))
                if row.count > header.count {
                    throw error(ragged, at: row[header.count].start, notes: ["a cell holding a comma is put in double quotes"])
                }
                let end = row.last?.end ?? rowStart
                throw error(ragged, at: end, notes: ["an empty cell still needs its comma"])
            }
            cells.removeAll(keepingCapacity: true)
            for i in slot.indices { slot[i] = -1 }
            for (i, c) in row.enumerated() {
                slot[columnOf[i].rawValue] = i
                cells.append(TableCell(start: c.start, end: c.end, content: .csv(c)))
            }
            try take()
        }
    }

    mutating func readJSON() throws(Diagnostic) {
        var reader = JSONRowReader(bytes: bytes, lines: format == .jsonl)
        while true {
            let next: JSONObject?
            do { next = try reader.next() } catch { throw self.error(error) }
            guard let object = next else { break }
            rowNumber += 1
            rowStart = object.start
            rowLine = object.line
            cells.removeAll(keepingCapacity: true)
            for i in slot.indices { slot[i] = -1 }
            for field in object.fields {
                guard let column = TableColumn.byName[field.key] else {
                    throw error(.pack(.unknownKey(field.key)), at: field.keyStart, field.keyStart + field.key.utf8.count + 2,
                                notes: session.suggestions(field.key, among: TableColumn.allCases.map(\.name)) + ["the keys are: \(TableColumn.list)"])
                }
                guard slot[column.rawValue] < 0 else {
                    throw error(.pack(.keyTwice(field.key)), at: field.keyStart)
                }
                let content: TableCell.Content
                switch field.value {
                case .string(let s): content = .string(s)
                case .number(let d, let text): content = .number(d, text)
                case .bool(let b): content = .bool(b)
                case .null: content = .null
                }
                slot[column.rawValue] = cells.count
                cells.append(TableCell(start: field.valueStart, end: field.valueEnd, content: content))
            }
            try take()
        }
    }

    // MARK: - Cells

    /// The cell of a column in the row in hand, unless it is absent (empty or null).
    func cell(_ column: TableColumn) -> TableCell? {
        let i = slot[column.rawValue]
        guard i >= 0, !cells[i].isAbsent else { return nil }
        return cells[i]
    }

    /// Where to point when a column is missing from the row: its empty cell,
    /// or the row (a JSON object's `{`).
    func placeOf(_ column: TableColumn) -> Int {
        let i = slot[column.rawValue]
        return i >= 0 ? cells[i].start : rowStart
    }

    func required(_ column: TableColumn) throws(Diagnostic) -> TableCell {
        if let c = cell(column) { return c }
        let name = column.name
        throw error(.pack(format == .csv ? .emptyCell(name) : (slot[column.rawValue] >= 0 ? .nullValue(name) : .noKey(name))), at: placeOf(column))
    }

    /// The cell's text as written (JSON: a string's text; other values are refused).
    func text(_ c: TableCell, _ column: TableColumn) throws(Diagnostic) -> String {
        switch c.content {
        case .csv(let cell): return csv.text(cell)
        case .string(let s): return s
        default: throw error(.pack(.takesText(column.name)), c)
        }
    }

    func sameBytes(_ c: TableCell, _ start: Int, _ end: Int) -> Bool {
        guard case .csv(let cell) = c.content, !cell.doubledQuotes, cell.contentEnd - cell.contentStart == end - start else { return false }
        return bytes[cell.contentStart..<cell.contentEnd].elementsEqual(bytes[start..<end])
    }

    func contentRange(_ c: TableCell) -> (Int, Int)? {
        guard case .csv(let cell) = c.content, !cell.doubledQuotes else { return nil }
        return (cell.contentStart, cell.contentEnd)
    }

    /// What a cell says, read as LANGUAGE.md's table reads it.
    enum Reading {
        case number(Double)
        case date(CivilDate)
        case truth(Bool)
        /// The text after `=`, and the offset in the file of its first byte.
        case expression(String, Int)
        case text(String)
        /// Not a valid cell of its kind (an impossible date): why.
        case invalid(PackProblem)
    }

    func reading(_ c: TableCell) throws(Diagnostic) -> Reading {
        let r = readingOrFailure(c)
        if case .invalid(let problem) = r { throw error(.pack(problem), c) }
        return r
    }

    func readingOrFailure(_ c: TableCell) -> Reading {
        switch c.content {
        case .number(let d, _): return .number(d)
        case .bool(let b): return .truth(b)
        case .null: return .text("")
        case .string(let s):
            return TablePackLoader.classify(Array(s.utf8), 0, s.utf8.count, textStart: c.start + 1)
        case .csv(let cell):
            if cell.doubledQuotes {
                let s = csv.text(cell)
                return TablePackLoader.classify(Array(s.utf8), 0, s.utf8.count, textStart: cell.contentStart)
            }
            return TablePackLoader.classify(bytes, cell.contentStart, cell.contentEnd, textStart: cell.contentStart)
        }
    }

    static func classify(_ b: [UInt8], _ start: Int, _ end: Int, textStart: Int) -> Reading {
        let n = end - start
        guard n > 0 else { return .text("") }
        let first = b[start]
        if first == UInt8(ascii: "=") {
            return .expression(String(decoding: b[(start + 1)..<end], as: UTF8.self), textStart + 1)
        }
        func digit(_ i: Int) -> Bool { i < end && b[i] >= 48 && b[i] <= 57 }
        if digit(start) || (first == UInt8(ascii: "-") && digit(start + 1)) {
            // A number: -?D+(.D+)?(e[+-]?D+)?
            var i = start
            if b[i] == UInt8(ascii: "-") { i += 1 }
            var whole: UInt64 = 0
            var count = 0
            while digit(i) { whole = whole &* 10 &+ UInt64(b[i] - 48); count += 1; i += 1 }
            if i == end && count <= 15 {
                return .number(first == UInt8(ascii: "-") ? -Double(whole) : Double(whole))
            }
            var isNumber = true
            if i < end, b[i] == UInt8(ascii: ".") {
                i += 1
                if !digit(i) { isNumber = false }
                while digit(i) { i += 1 }
            }
            if isNumber, i < end, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
                i += 1
                if i < end, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
                if !digit(i) { isNumber = false }
                while digit(i) { i += 1 }
            }
            if isNumber && i == end {
                let text = String(decoding: b[start..<end], as: UTF8.self)
                guard let d = Double(text), d.isFinite else { return .invalid(.numberOutOfRange) }
                return .number(d)
            }
            // A date: DDDD-DD or DDDD-DD-DD.
            if (n == 7 || n == 10), (0..<4).allSatisfy({ digit(start + $0) }), b[start + 4] == UInt8(ascii: "-"),
               digit(start + 5), digit(start + 6), n == 7 || (b[start + 7] == UInt8(ascii: "-") && digit(start + 8) && digit(start + 9)) {
                let text = String(decoding: b[start..<end], as: UTF8.self)
                guard let d = CivilDate.parse(text) else { return .invalid(.notADate(text)) }
                return .date(d)
            }
        }
        if n == 4, b[start..<end].elementsEqual("true".utf8) { return .truth(true) }
        if n == 5, b[start..<end].elementsEqual("false".utf8) { return .truth(false) }
        return .text(String(decoding: b[start..<end], as: UTF8.self))
    }

    /// Parses and evaluates the steppe expression of a `=` cell with the
    /// built-in names alone; its errors point into the cell.
    func evaluateExpression(_ text: String, at offset: Int, _ c: TableCell) throws(Diagnostic) -> Value {
        // The expression stands at its own line and column, so that places
        // named inside messages ("to close '(' at 2:31") are the file's.
        let (line, column) = file.location(of: min(offset, bytes.count))
        let pad = column - 1
        let sub = SourceFile(name: file.name, text: String(repeating: " ", count: pad) + text, firstLine: line)
        func moved(_ d: Diagnostic) -> Diagnostic {
            let limit = max(c.end, c.start + 1)
            let start = d.range == .none ? c.start : max(c.start, min(offset + d.range.start - pad, limit - 1))
            return Diagnostic(d.kind, file: file, range: SourceRange(start, min(max(start + 1, offset + d.range.end - pad), limit)),
                              notes: d.notes)
        }
        do {
            let tokens = try Lexer.tokenize(sub)
            var parser = Parser(file: sub, tokens: tokens)
            let expr = try parser.expression()
            while case .newline = parser.current.kind, parser.index + 1 < tokens.count { parser.index += 1 }
            guard case .end = parser.current.kind else {
                throw Diagnostic(.syntax(.afterExpression(found: parser.current.describe)), file: sub, range: parser.current.range,
                                 notes: ["a cell holds one expression"])
            }
            return try session.evaluate(expr, Env.global)
        } catch let d as Diagnostic {
            throw moved(d)
        } catch let e as EvalError {
            throw moved(Diagnostic(e, file: sub))
        } catch {
            throw moved(Diagnostic(.evaluation(.foreign(error)), file: sub))
        }
    }

    func value(_ c: TableCell) throws(Diagnostic) -> Value {
        switch try reading(c) {
        case .number(let d): return Value(.quantity(Quantity(d)))
        case .date(let d): return Value(.date(d))
        case .truth(let b): return Value(.truth(b ? .yes : .no))
        case .text(let s): return Value(.text(s))
        case .expression(let text, let offset): return try evaluateExpression(text, at: offset, c)
        case .invalid(let problem): throw error(.pack(problem), c)
        }
    }

    mutating func unit(_ c: TableCell) throws(Diagnostic) -> Unit {
        if let last = lastUnit, sameBytes(c, last.start, last.end) { return last.unit }
        let text = try self.text(c, .unit)
        if let u = units[text] { return u }
        // Read as the unit of `1 UNIT`, so its errors are the language's own.
        let offset = (contentRange(c)?.0 ?? c.start + 1) - 2
        let v = try evaluateExpression("1 " + text, at: offset, c)
        let sub = SourceFile(name: file.name, text: "1 " + text)
        var shapeOK = false
        if let tokens = try? Lexer.tokenize(sub) {
            var parser = Parser(file: sub, tokens: tokens)
            if let e = try? parser.expression(), case .number(_, unit: .some, let r) = e, r.end == sub.bytes.count { shapeOK = true }
        }
        guard shapeOK, case .quantity(let q) = v.payload, !q.unit.isNone else {
            throw error(.pack(.notAUnit(text)), c, notes: ["a unit is written as after a number: people, GBP/yr, KZT/person/month"])
        }
        units[text] = q.unit
        if let (s, e) = contentRange(c) { lastUnit = (s, e, q.unit) }
        return q.unit
    }

    // MARK: - Rows

    /// What `table` holds for the cell's text, read from the file's bytes
    /// where the text is written as is.
    func known<V>(_ table: CellTable<V>, _ c: TableCell) -> V? {
        guard let (s, e) = contentRange(c) else { return nil }
        return bytes.withUnsafeBufferPointer { table.find(UnsafeBufferPointer(rebasing: $0[s..<e])) }
    }

    /// The entity a subject cell names, and its name number in the store.
    mutating func subject(_ c: TableCell) throws(Diagnostic) -> (id: String, name: Int32) {
        if let known = known(subjects, c) { return known }
        var text = try self.text(c, .subject)
        if let known = text.withUTF8({ subjects.find($0) }) { return known }
        let key = text.lowercased()
        let id: String
        if let known = index[key] {
            id = known
        } else if writing != nil {
            id = TablePackLoader.entityID(for: text)
        } else {
            id = TablePackLoader.entityID(for: text)
            if let taken = session.store.entities[id] {
                throw error(.pack(.entityIDTaken(text, id: id, by: taken.name)), c,
                            notes: ["write \(id) (or a name or alias of \(taken.name)) for it, or name the subject apart"])
            }
            session.store.add(Entity(id: id, name: text, kind: "thing", aliases: []))
            index[key] = id
            if index[id] == nil { index[id] = id }
            newEntities.append((id, text))
        }
        let resolved = (id, writing == nil ? session.store.names.intern(id) : -1)
        text.withUTF8 { subjects.insert($0, resolved) }
        return resolved
    }

    /// LANGUAGE.md's rule for a new entity's id.
    static func entityID(for text: String) -> String {
        var out: [UInt8] = []
        var gap = false
        for b in text.lowercased().utf8 {
            let isAlnum = (b >= 97 && b <= 122) || (b >= 48 && b <= 57)
            if isAlnum {
                if gap && !out.isEmpty { out.append(UInt8(ascii: "_")) }
                gap = false
                out.append(b)
            } else {
                gap = true
            }
        }
        var id = String(decoding: out, as: UTF8.self)
        if id.isEmpty || (out.first.map { $0 >= 48 && $0 <= 57 } ?? true) { id = "e_" + id }
        return id
    }

    /// A property cell's name, and its name number in the store.
    mutating func property(_ c: TableCell) throws(Diagnostic) -> (name: String, id: Int32) {
        if let known = known(properties, c) { return known }
        var name = try text(c, .property)
        if let known = name.withUTF8({ properties.find($0) }) { return known }
        guard TablePackLoader.isName(name) else {
            throw error(.pack(.notAPropertyName(name)), c, notes: ["a property is a name: letters, digits and _, such as oil_reserves"])
        }
        let resolved = (name, writing == nil ? session.store.names.intern(name) : -1)
        name.withUTF8 { properties.insert($0, resolved) }
        return resolved
    }

    mutating func source(_ row: Int) throws(Diagnostic) -> (id: String, index: Int32) {
        guard let c = cell(.source) else {
            if let from = fromSource, let i = session.store.sourceID(from) { return (from, i) }
            throw error(.pack(.noSource), at: placeOf(.source),
                        notes: ["fill its 'source', or give every row a source: :load FILE from SOURCE"])
        }
        if let last = lastSource, sameBytes(c, last.start, last.end) { return (last.id, last.index) }
        let id = try text(c, .source)
        guard let i = session.store.sourceID(id) else {
            throw error(.evaluation(.unknownSource(id)), c, notes: session.suggestions(id, among: session.store.sourceOrder)
                        + ["declare it first: source \(TablePackLoader.entityID(for: id)) \"TITLE\" kind reference"])
        }
        if let from = fromSource, from != id {
            throw error(.pack(.sourceDiffers(id, from: from)), c)
        }
        if let (s, e) = contentRange(c) { lastSource = (s, e, id, i) }
        return (id, i)
    }

    /// A figure of `value`, `low` or `high` with the row's unit put on.
    mutating func figure(_ c: TableCell, unit: Unit?, _ column: TableColumn) throws(Diagnostic) -> Value {
        var v = try value(c)
        guard let unit else { return v }
        guard case .quantity(var q) = v.payload, q.unit.isNone else {
            let u = slot[TableColumn.unit.rawValue]
            throw error(.pack(.unitNeedsPlainNumber(column: column.name, found: v.kindName)), u >= 0 ? cells[u] : c)
        }
        q.unit = unit
        v.payload = .quantity(q)
        return v
    }

    /// `name(x)` or `name(x, y)` of the built-in bound functions, on values.
    func bounded(_ name: String, _ values: [Value], at c: TableCell) throws(Diagnostic) -> Value {
        let range = SourceRange(c.start, max(c.start + 1, c.end))
        var env = Env(row: nil, useLets: false)
        var args: [Argument] = []
        for (i, v) in values.enumerated() {
            env.locals["x\(i)"] = v
            args.append(Argument(label: nil, value: .name("x\(i)", range), range: range))
        }
        guard let f = Builtins.functionsByName[name] else { throw self.error(.evaluation(.unknownFunction(name)), c) }
        do {
            return try session.builtin(f, args, range: range, env)
        } catch let e as EvalError {
            throw Diagnostic(e, file: file)
        } catch {
            throw self.error(.evaluation(.foreign(error)), c)
        }
    }

    /// Reads the row in hand: stores its fact, or writes it as a statement.
    mutating func take() throws(Diagnostic) {
        if writing != nil { return try write() }
        let subject = try self.subject(try required(.subject))
        let property = try self.property(try required(.property))
        let unit = try cell(.unit).map { c throws(Diagnostic) in try self.unit(c) }
        var value: Value
        let low = cell(.low), high = cell(.high)
        if low != nil || high != nil {
            if let v = cell(.value) { throw error(.pack(.valueAndBounds), v) }
            if let b = cell(.bound) { throw error(.pack(.boundWithLowHigh), b) }
            var ends: [Value] = []
            for (c, column) in [(low, TableColumn.low), (high, .high)] {
                guard let c else { continue }
                let v = try figure(c, unit: unit, column)
                guard case .quantity(let q) = v.payload, q.isExact else {
                    throw error(.pack(.takesNumber(column.name)), c)
                }
                ends.append(v)
            }
            let name = ends.count == 2 ? "between" : (low != nil ? "at_least" : "at_most")
            guard let place = low ?? high else { return }
            value = try bounded(name, ends, at: place)
        } else {
            let c = try required(.value)
            value = try figure(c, unit: unit, .value)
            if let b = cell(.bound) {
                let word = try text(b, .bound)
                let words = ["exact", "more_than", "at_least", "less_than", "at_most", "about"]
                guard words.contains(word) else {
                    throw error(.pack(.unknownBound(word)), b, notes: ["the bounds are: " + words.joined(separator: ", ")])
                }
                guard case .quantity(let q) = value.payload else {
                    throw error(.pack(.boundNeedsFigure(found: value.kindName)), b)
                }
                guard q.isExact else { throw error(.pack(.boundNeedsExact), b) }
                if word != "exact" { value = try bounded(word, [value], at: c) }
            }
        }
        let (sourceID, sourceIndex) = try source(rowNumber)
        var at: String?, quote: String?, topic: String?, claimant: String?, hedge: String?
        var on: CivilDate?
        if let c = cell(.at) { at = try text(c, .at) }
        if let c = cell(.quote) { quote = try text(c, .quote) }
        if let c = cell(.topic) { topic = try text(c, .topic) }
        if let c = cell(.hedge) { hedge = try text(c, .hedge) }
        if let c = cell(.on) {
            guard case .date(let d) = try self.value(c).payload else {
                throw error(.pack(.onNeedsDate), c)
            }
            on = d
        }
        if let c = cell(.by) {
            let name = try text(c, .by)
            guard let id = index[name.lowercased()] else {
                throw error(.evaluation(.unknownEntity(name)), c, notes: session.suggestions(name, among: session.store.entityOrder)
                            + ["'by' names an entity already known: its id, name or alias"])
            }
            claimant = id
        }
        if case .quantity(let q) = value.payload, q.isExact, value.lineage.notesOnly.isEmpty {
            session.store.addExactFact(subject: subject.id, property: property.name, ids: (subject.name, property.id), nominal: q.nominal, unit: q.unit, source: sourceIndex,
                                       at: at, quote: quote, topic: topic, claimant: claimant, hedge: hedge, on: on?.packed ?? 0,
                                       pack: pack, line: rowLine)
        } else {
            session.store.addFact(subject: subject.id, property: property.name, value: value,
                                  source: sourceID, at: at, quote: quote, on: on, topic: topic, claimant: claimant,
                                  hedge: hedge, pack: pack, line: rowLine)
        }
    }

    // MARK: - Writing back as statements (for :save)

    static func quoted(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }

    static func isName(_ s: String) -> Bool {
        func start(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 }
        var first = true
        for b in s.utf8 {
            guard start(b) || (!first && b >= 48 && b <= 57) else { return false }
            first = false
        }
        return !first
    }

    /// The steppe expression a cell amounts to; `literal` when it is a plain number.
    func expressionText(_ c: TableCell) throws(Diagnostic) -> (text: String, number: Bool) {
        if case .number(_, let text) = c.content { return (text, true) }
        switch try reading(c) {
        case .number:
            if case .csv(let cell) = c.content { return (csv.text(cell), true) }
            if case .string(let s) = c.content { return (s, true) }
            return ("0", true)
        case .date(let d): return (d.description, false)
        case .truth(let b): return (b ? "true" : "false", false)
        case .text(let s): return (TablePackLoader.quoted(s), false)
        case .expression(let e, _): return ("(" + e + ")", false)
        case .invalid: return ("0", false)
        }
    }

    func figureText(_ c: TableCell, unit: String?) throws(Diagnostic) -> String {
        let (t, number) = try expressionText(c)
        guard let unit else { return t }
        return number ? "\(t) \(unit)" : "\(t) * 1 \(unit)"
    }

    mutating func write() throws(Diagnostic) {
        guard let s = cell(.subject), let p = cell(.property) else { return }
        let subject = try self.subject(s).id
        let property = try text(p, .property)
        let unit = try cell(.unit).map { c throws(Diagnostic) in try text(c, .unit) }
        var value: String
        if cell(.low) != nil || cell(.high) != nil {
            let ends = try [cell(.low), cell(.high)].compactMap { $0 }.map { c throws(Diagnostic) in try figureText(c, unit: unit) }
            value = ends.count == 2 ? "between(\(ends[0]), \(ends[1]))" : (cell(.low) != nil ? "at_least(\(ends[0]))" : "at_most(\(ends[0]))")
        } else {
            guard let v = cell(.value) else { return }
            value = try figureText(v, unit: unit)
            if let b = cell(.bound), case let word = try text(b, .bound), word != "exact" { value = "\(word)(\(value))" }
        }
        var line = "fact \(subject).\(property) = \(value)"
        if let c = cell(.source) { line += " from \(try text(c, .source))" } else if let from = fromSource { line += " from \(from)" }
        if let c = cell(.at) { line += " at \(TablePackLoader.quoted(try text(c, .at)))" }
        if let c = cell(.quote) { line += " quote \(TablePackLoader.quoted(try text(c, .quote)))" }
        if let c = cell(.on) { line += " on \(try expressionText(c).text)" }
        if let c = cell(.topic) {
            let t = try text(c, .topic)
            line += " topic \(TablePackLoader.isName(t) ? t : TablePackLoader.quoted(t))"
        }
        if let c = cell(.by), let id = index[try text(c, .by).lowercased()] { line += " by \(id)" }
        if let c = cell(.hedge) { line += " hedge \(TablePackLoader.quoted(try text(c, .hedge)))" }
        writing?.append(line)
    }
}

extension Session {
    /// Loads a CSV, JSON or JSON Lines pack whole or not at all; `source`
    /// gives every row that source (`:load FILE from SOURCE`).
    func loadTablePack(_ file: SourceFile, format: PackFormat, source: String?) throws(Diagnostic) -> TablePackRecord {
        let saved = store.copy()
        let pack = store.beginPack(file.name)
        // What a session defines does not change what a pack says.
        let sessionDefs = defs
        defs = [:]
        defer { defs = sessionDefs }
        if file.bytes.count > 1 << 20 { store.reserve(facts: file.lineCount) }
        var loader = TablePackLoader(session: self, file: file, format: format, pack: pack, fromSource: source)
        do {
            try loader.run()
        } catch {
            store = saved
            invalidate()
            throw error
        }
        invalidate()
        let n = loader.newEntities.count
        if n > 0 { output.writeError("made \(n) new entit\(n == 1 ? "y" : "ies")\n") }
        return TablePackRecord(file: file, format: format, source: source, newEntities: loader.newEntities, resolved: loader.index)
    }

    /// The statements a loaded table pack amounted to: its new entities, then its facts.
    func statements(of record: TablePackRecord) -> [String] {
        var out = record.newEntities.map { "entity \($0.id) \(TablePackLoader.quoted($0.name)) kind thing" }
        var loader = TablePackLoader(session: self, file: record.file, format: record.format, pack: 0,
                                     fromSource: record.source, resolved: record.resolved)
        do {
            try loader.run()
        } catch {
            return out + ["# \(record.file.name) could not be read again: \(error.message)"]
        }
        out += loader.writing ?? []
        return out
    }
}
