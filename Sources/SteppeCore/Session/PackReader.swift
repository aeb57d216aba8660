/// Reads the common `fact` line straight from the bytes, without tokens or a
/// syntax tree:
///
///     fact SUBJECT.PROPERTY = NUMBER [UNIT] [from S] [at "…"] [quote "…"] [on DATE] [topic T] [by C] [hedge "…"]
///
/// Anything it does not recognise in full (a bounded figure, an escape in a
/// text, an unknown name, a second statement on the line) it leaves to the
/// parser, which also gives every error; so both paths store the same fact.
struct PackReader {
    let file: SourceFile
    let bytes: [UInt8]
    init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
    }

    /// The subject, source and unit of the last fact line, as written and
    /// as resolved: a pack states many facts in a row about one subject.
    private var lastSubject: (bytes: ArraySlice<UInt8>, id: String)?
    private var lastSource: (bytes: ArraySlice<UInt8>, id: String, index: Int32)?
    private var lastUnit: (bytes: ArraySlice<UInt8>, unit: Unit)?
    /// Subjects and properties already met, by their bytes packed into a
    /// number (names of up to 8 bytes): a pack written property by property
    /// changes subject on every line, and a name looked up once costs one
    /// integer hash after that, whatever the order of the facts.
    private var subjectIDs: [UInt64: (id: String, name: Int32)] = [:]
    private var propertyIDs: [UInt64: Int32] = [:]

    /// The bytes of a name of at most 8 bytes, as one number (a name has no
    /// zero byte, so the number tells its length too).
    func shortKey(_ start: Int, _ end: Int) -> UInt64? {
        guard end - start <= 8 else { return nil }
        var k: UInt64 = 0
        for j in start..<end { k = k << 8 | UInt64(bytes[j]) }
        return k
    }

    /// Stores the fact whose line starts at `offset` and returns the offset of
    /// the next line; nil when the line is not a plain fact line.
    mutating func fastFact(at offset: Int, line: Int, session: Session, pack: Int) throws -> Int? {
        var i = offset
        guard match("fact ", at: &i) else { return nil }
        skipBlanks(&i)
        let subjectStart = i
        guard skipName(&i) else { return nil }
        let subjectBytes = bytes[subjectStart..<i]
        guard i < bytes.count, bytes[i] == UInt8(ascii: ".") else { return nil }
        i += 1
        let propertyStart = i
        guard skipName(&i) else { return nil }
        let propertyEnd = i
        skipBlanks(&i)
        guard i < bytes.count, bytes[i] == UInt8(ascii: "="), i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "=") else { return nil }
        i += 1
        skipBlanks(&i)
        // A plain figure, or a text, truth or entity as the evaluator would read it.
        let valueStart = i
        var nominal = 0.0
        var other: Value? = nil
        if let n = number(&i) {
            nominal = n
        } else if let v = plainValue(&i, session: session) {
            other = v
        } else if let d = date(&i) {
            other = Value(.date(d))
        } else {
            i = valueStart
            guard let v = figureCall(&i, session: session) else { return nil }
            other = v
        }
        let subject: String
        let subjectKey = shortKey(subjectStart, subjectStart + subjectBytes.count)
        var subjectName: Int32? = nil
        if let key = subjectKey, let known = subjectIDs[key] {
            subject = known.id
            subjectName = known.name
        } else if let last = lastSubject, last.bytes.elementsEqual(subjectBytes) {
            subject = last.id
        } else {
            guard let e = session.store.entity(String(decoding: subjectBytes, as: UTF8.self)) else { return nil }
            subject = e.id
            lastSubject = (subjectBytes, e.id)
            if let key = subjectKey {
                let id = session.store.names.intern(e.id)
                subjectIDs[key] = (e.id, id)
                subjectName = id
            }
        }
        let property = String(decoding: bytes[propertyStart..<propertyEnd], as: UTF8.self)
        var propertyName: Int32? = nil
        if let key = shortKey(propertyStart, propertyEnd) {
            if let known = propertyIDs[key] {
                propertyName = known
            } else {
                let id = session.store.names.intern(property)
                propertyIDs[key] = id
                propertyName = id
            }
        }
        var unit = Unit()
        var blanks = skipBlanks(&i)
        if other != nil {
            // No unit after a text, truth or entity.
        } else if blanks, i < bytes.count, let last = lastUnit, startsWith(last.bytes, at: i) {
            // The unit of the line before, ending where a unit ends: unitWord
            // would read the same bytes and resolve them the same.
            unit = last.unit
            i += last.bytes.count
            blanks = skipBlanks(&i)
        } else if blanks, i < bytes.count, let unitRange = unitWord(&i) {
            if let last = lastUnit, last.bytes.elementsEqual(bytes[unitRange]) {
                unit = last.unit
            } else {
                guard let resolved = resolve(String(decoding: bytes[unitRange], as: UTF8.self), session.store.units) else { return nil }
                unit = resolved
                lastUnit = (bytes[unitRange], resolved)
            }
            blanks = skipBlanks(&i)
        }
        var sourceIndex: Int32? = nil
        var sourceName: String? = nil
        var at: String? = nil, quote: String? = nil, topic: String? = nil, claimant: String? = nil, hedge: String? = nil
        var on: CivilDate? = nil
        var seen: UInt8 = 0
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n"), bytes[i] != UInt8(ascii: "#") {
            guard blanks, let keyword = clause(&i), seen & keyword.rawValue == 0, skipBlanks(&i) else { return nil }
            seen |= keyword.rawValue
            switch keyword {
            case .from:
                let start = i
                guard skipName(&i) else { return nil }
                if let last = lastSource, last.bytes.elementsEqual(bytes[start..<i]) {
                    sourceIndex = last.index
                    sourceName = last.id
                } else {
                    let id = String(decoding: bytes[start..<i], as: UTF8.self)
                    guard let index = session.store.sourceID(id) else { return nil }
                    sourceIndex = index
                    sourceName = id
                    lastSource = (bytes[start..<i], id, index)
                }
            case .topic: guard let v = name(&i) else { return nil }; topic = v
            case .by: guard let v = name(&i), let e = session.store.entity(v) else { return nil }; claimant = e.id
            case .at: guard let v = text(&i) else { return nil }; at = v
            case .quote: guard let v = text(&i) else { return nil }; quote = v
            case .hedge: guard let v = text(&i) else { return nil }; hedge = v
            case .on:
                // A date as written (`2022-01-14`) or as a call (`date(2021)`).
                if let v = date(&i) {
                    on = v
                } else if let v = figureCall(&i, session: session), case .date(let d) = v.payload {
                    on = d
                } else {
                    return nil
                }
            }
            blanks = skipBlanks(&i)
        }
        i = nextLine(after: i)
        if sourceIndex == nil, let id = session.packSources[pack] {
            sourceIndex = session.store.sourceID(id)
            sourceName = id
        }
        guard let sourceIndex, let sourceName else { return nil }
        if let other {
            session.store.addFact(subject: subject, property: property, value: other, source: sourceName, at: at,
                                  quote: quote, on: on, topic: topic, claimant: claimant, hedge: hedge,
                                  pack: pack, line: line)
            return i
        }
        session.store.addExactFact(subject: subject, property: property, ids: (subjectName, propertyName),
                                   nominal: nominal, unit: unit,
                                   source: sourceIndex, at: at, quote: quote, topic: topic,
                                   claimant: claimant, hedge: hedge, on: on?.packed ?? 0, pack: pack, line: line)
        return i
    }

    /// Declares the entity whose line starts at `offset` and returns the offset
    /// of the next line; nil when the line is not a plain entity line
    ///
    ///     entity ID "NAME" [kind WORD] [aka "ALIAS", …]
    ///
    /// or when declaring it would be an error (which the parser then gives).
    mutating func fastEntity(at offset: Int, session: Session) -> Int? {
        var i = offset
        guard match("entity ", at: &i) else { return nil }
        skipBlanks(&i)
        guard let id = name(&i), skipBlanks(&i), let title = text(&i) else { return nil }
        var kind: String?
        var aliases: [String] = []
        var blanks = skipBlanks(&i)
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n"), bytes[i] != UInt8(ascii: "#") {
            guard blanks, let clause = name(&i), skipBlanks(&i) else { return nil }
            switch clause {
            case "kind":
                guard kind == nil, let v = wordOrText(&i) else { return nil }
                kind = v
            case "aka":
                while true {
                    guard let v = wordOrText(&i) else { return nil }
                    aliases.append(v)
                    skipBlanks(&i)
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ",") else { break }
                    i += 1
                    skipBlanks(&i)
                }
            default:
                return nil
            }
            blanks = skipBlanks(&i)
        }
        i = nextLine(after: i)
        // What `declare` refuses, the parser's path reports.
        let entity = Entity(id: id, name: title, kind: kind ?? "thing", aliases: aliases)
        if let old = session.store.entities[id], !(old.name == title && old.kind == entity.kind && old.aliases == aliases) {
            return nil
        }
        for alias in aliases {
            if let other = session.store.entity(alias), other.id != id { return nil }
        }
        session.store.add(entity)
        session.invalidate()
        return i
    }

    /// Declares the source whose line starts at `offset`, as `declare` does,
    /// and returns the offset of the next line; nil when the line is not a
    /// plain source line
    ///
    ///     source ID "TITLE" [by …] [publisher …] [year N] [address …] [kind …] [note …]
    ///
    /// or when the id is known already (the parser's path merges the two).
    mutating func fastSource(at offset: Int, session: Session, pack: Int) -> Int? {
        var i = offset
        guard match("source ", at: &i) else { return nil }
        skipBlanks(&i)
        guard let id = name(&i), skipBlanks(&i), let title = text(&i), session.store.sources[id] == nil else { return nil }
        var fields: [String: String] = [:]
        var year: Int?
        var seenYear = false
        var blanks = skipBlanks(&i)
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n"), bytes[i] != UInt8(ascii: "#") {
            guard blanks, let clause = name(&i), Parser.sourceClauses.contains(clause), skipBlanks(&i) else { return nil }
            if clause == "year" {
                guard !seenYear, let n = number(&i), n == n.rounded(), abs(n) < 100_000 else { return nil }
                seenYear = true
                year = Int(n)
            } else {
                guard fields[clause] == nil, let v = wordOrText(&i) else { return nil }
                fields[clause] = v
            }
            blanks = skipBlanks(&i)
        }
        i = nextLine(after: i)
        session.store.add(SourceInfo(id: id, title: title, author: fields["by"], publisher: fields["publisher"], year: year,
                                     address: fields["address"], kind: fields["kind"] ?? "reference", note: fields["note"]))
        session.packSources[pack] = id
        session.invalidate()
        return i
    }

    /// A clause's value written as a bare word or a text with no escapes,
    /// ending where a value ends.
    func wordOrText(_ i: inout Int) -> String? {
        let start = i
        guard let v = text(&i) ?? name(&i) else { return nil }
        guard i >= bytes.count || bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") || bytes[i] == UInt8(ascii: "\n")
                || bytes[i] == UInt8(ascii: ",") || bytes[i] == UInt8(ascii: "#") || bytes[i] == UInt8(ascii: "\r") else {
            i = start
            return nil
        }
        return v
    }

    /// The start of the next line, from where a statement's clauses end (at a
    /// comment, the line's end or the file's).
    func nextLine(after end: Int) -> Int {
        var i = end
        if i < bytes.count, bytes[i] == UInt8(ascii: "#") {
            while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
        }
        return i < bytes.count ? i + 1 : i
    }

    /// The offset after the line at `offset` when it holds only blanks or a
    /// comment; nil otherwise.
    func blankLine(at offset: Int) -> Int? {
        var i = offset
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") || bytes[i] == UInt8(ascii: "\r") {
            i += 1
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "#") {
            while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
        }
        if i >= bytes.count { return i > offset ? i : nil }
        return bytes[i] == UInt8(ascii: "\n") ? i + 1 : nil
    }

    /// The clauses of a fact, as bits so a repeated one is noticed cheaply.
    enum Clause: UInt8 {
        case from = 1, at = 2, quote = 4, on = 8, topic = 16, by = 32, hedge = 64
    }

    func clause(_ i: inout Int) -> Clause? {
        let start = i
        guard skipName(&i) else { return nil }
        switch i - start {
        case 2 where bytes[start] == UInt8(ascii: "a") && bytes[start + 1] == UInt8(ascii: "t"): return .at
        case 2 where bytes[start] == UInt8(ascii: "o") && bytes[start + 1] == UInt8(ascii: "n"): return .on
        case 2 where bytes[start] == UInt8(ascii: "b") && bytes[start + 1] == UInt8(ascii: "y"): return .by
        case 4 where bytes[start..<i].elementsEqual("from".utf8): return .from
        case 5 where bytes[start..<i].elementsEqual("quote".utf8): return .quote
        case 5 where bytes[start..<i].elementsEqual("topic".utf8): return .topic
        case 5 where bytes[start..<i].elementsEqual("hedge".utf8): return .hedge
        default: return nil
        }
    }

    // MARK: - Pieces

    /// A text without escapes, `true`, `false`, `unknown`, or the name of an
    /// entity standing alone, read as the evaluator reads them in a pack
    /// (nil for anything else: a table, a command, a source, `china.x`).
    func plainValue(_ i: inout Int, session: Session) -> Value? {
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "\"") {
            guard let s = text(&i) else { return nil }
            return .text(s)
        }
        var k = i
        guard let word = name(&k),
              k >= bytes.count || bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\t")
                || bytes[k] == UInt8(ascii: "\n") else { return nil }
        let v: Value
        switch word {
        case "true": v = .truth(.yes)
        case "false": v = .truth(.no)
        case "unknown": v = .truth(.unknown)
        case "facts", "entities", "sources", "not": return nil
        default:
            guard session.registry.command(word) == nil, let e = session.store.entity(word) else { return nil }
            v = Value(.entity(e))
        }
        i = k
        return v
    }

    /// `NAME(FIGURE)`, a built-in function of one figure (`more_than(225
    /// people)`, `about(30 yr)`, `date(2019)`), run as the evaluator runs it:
    /// in a pack a call always means the built-in function. Nil for anything
    /// else, and when the call fails: the parser gives the error.
    func figureCall(_ i: inout Int, session: Session) -> Value? {
        let start = i
        guard let word = name(&i), i < bytes.count, bytes[i] == UInt8(ascii: "("),
              let f = Builtins.functionsByName[word], f.arity.contains(1) else { return nil }
        i += 1
        skipBlanks(&i)
        let argumentStart = i
        guard let n = number(&i) else { return nil }
        var argumentEnd = i
        var unit = Unit()
        if skipBlanks(&i), i < bytes.count, bytes[i] != UInt8(ascii: ")") {
            guard let range = unitWord(&i, closing: true),
                  let u = resolve(String(decoding: bytes[range], as: UTF8.self), session.store.units) else { return nil }
            unit = u
            argumentEnd = i
            skipBlanks(&i)
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: ")") else { return nil }
        i += 1
        guard i >= bytes.count || bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t")
                || bytes[i] == UInt8(ascii: "\n") else { return nil }
        let call = FunctionCall(session: session, name: word, values: [Value(.quantity(Quantity(n, unit: unit)))],
                                ranges: [SourceRange(argumentStart, argumentEnd)], range: SourceRange(start, i))
        return try? f.run(call)
    }

    /// Whether `word` is written at `i` and a unit would end right after it.
    func startsWith(_ word: ArraySlice<UInt8>, at i: Int) -> Bool {
        let end = i + word.count
        guard end <= bytes.count, bytes[i..<end].elementsEqual(word) else { return false }
        return end == bytes.count || bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t")
            || bytes[end] == UInt8(ascii: "\n")
    }

    func match(_ word: StaticString, at i: inout Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        let p = word.utf8Start
        for k in 0..<count where bytes[i + k] != p[k] { return false }
        i += count
        return true
    }

    /// Skips spaces and tabs; reports whether there were any.
    @discardableResult
    func skipBlanks(_ i: inout Int) -> Bool {
        let start = i
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
        return i > start
    }

    func isNameStart(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 }
    func isNameChar(_ b: UInt8) -> Bool { isNameStart(b) || (b >= 48 && b <= 57) }
    func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    func name(_ i: inout Int) -> String? {
        let start = i
        guard skipName(&i) else { return nil }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    func skipName(_ i: inout Int) -> Bool {
        guard i < bytes.count, isNameStart(bytes[i]) else { return false }
        while i < bytes.count, isNameChar(bytes[i]) { i += 1 }
        return true
    }

    /// A plain number (`225`, `2_500`, `1.732e12`); nil for anything else,
    /// dates included, with `i` where it was (so that `2022-01` can be read
    /// as a date next). Whole numbers are read here; others go through the
    /// standard library's parser.
    func number(_ i: inout Int) -> Double? {
        var k = i
        guard let n = scanNumber(&k) else { return nil }
        i = k
        return n
    }

    private func scanNumber(_ i: inout Int) -> Double? {
        let start = i
        var whole: UInt64 = 0
        var digitCount = 0
        while i < bytes.count, isDigit(bytes[i]) || (bytes[i] == UInt8(ascii: "_") && digitCount > 0 && i + 1 < bytes.count && isDigit(bytes[i + 1])) {
            if bytes[i] != UInt8(ascii: "_") {
                whole = whole &* 10 &+ UInt64(bytes[i] - 48)
                digitCount += 1
            }
            i += 1
        }
        guard digitCount > 0 else { return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { return nil }
        var plain = digitCount <= 15
        if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "."), isDigit(bytes[i + 1]) {
            plain = false
            i += 1
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            var k = i + 1
            if k < bytes.count, bytes[k] == UInt8(ascii: "+") || bytes[k] == UInt8(ascii: "-") { k += 1 }
            guard k < bytes.count, isDigit(bytes[k]) else { return nil }
            plain = false
            i = k
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        guard i >= bytes.count || !(isNameChar(bytes[i]) || bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "(")) else {
            return nil
        }
        if plain { return Double(whole) }
        let text = String(decoding: bytes[start..<i].filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        guard let x = Double(text), x.isFinite else { return nil }
        return x
    }

    /// A unit written without spaces (`people`, `KZT/person/month`, `km^2`, `%`),
    /// not a clause word; gives its bytes.
    func unitWord(_ i: inout Int, closing: Bool = false) -> Range<Int>? {
        let start = i
        if bytes[i] == UInt8(ascii: "%") {
            i += 1
        } else {
            var probe = i
            if clause(&probe) != nil { return nil }
            guard let first = name(&i), !Parser.clauseWords.contains(first) else { i = start; return nil }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "/") || b == UInt8(ascii: "*") {
                i += 1
                guard skipName(&i) else { i = start; return nil }
            } else if b == UInt8(ascii: "^") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
                let d = i
                while i < bytes.count, isDigit(bytes[i]) { i += 1 }
                guard i > d else { i = start; return nil }
            } else {
                break
            }
        }
        guard i >= bytes.count || bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t")
                || bytes[i] == UInt8(ascii: "\n") || (closing && bytes[i] == UInt8(ascii: ")")) else { i = start; return nil }
        return start..<i
    }

    /// The unit as the evaluator would resolve it, or nil to leave it to the parser.
    func resolve(_ text: String, _ table: UnitTable) -> Unit? {
        if let unit = compoundUnit(text, table) { return unit }
        let file = SourceFile(name: "<unit>", text: "1 " + text)
        guard let script = try? Parser.parse(file), script.statements.count == 1,
              case .expression(.number(_, let u?, _)) = script.statements[0], u.text == text else { return nil }
        return combined(u.factors.map { ($0.name, $0.exponent) }, table)
    }

    /// The unit of these factors, each atom found by any of its names.
    func combined(_ factors: [(name: String, exponent: Int)], _ table: UnitTable) -> Unit? {
        var unit = Unit()
        for f in factors {
            guard let atom = table.atom(named: f.name) else { return nil }
            unit = unit.combined(with: Unit([.init(atom.name, f.exponent)]))
        }
        return unit
    }

    /// A unit (`people`, `%`, `KZT/person/month`, `km^2`) read as the
    /// parser's `unitExpr` reads it: `/` and `*` start a factor of power
    /// -1 and 1, `^N` or `^-N` (a whole number under 100) raises the factor
    /// before it. Nil for anything else, which the parser then reads.
    func compoundUnit(_ text: String, _ table: UnitTable) -> Unit? {
        let b = Array(text.utf8)
        var factors: [(name: String, exponent: Int)] = []
        var i = 0
        func name() -> String? {
            let start = i
            guard i < b.count, isNameStart(b[i]) else { return nil }
            while i < b.count, isNameChar(b[i]) { i += 1 }
            return i > start ? String(decoding: b[start..<i], as: UTF8.self) : nil
        }
        if b.first == UInt8(ascii: "%") {
            factors.append(("%", 1))
            i = 1
        } else {
            guard let first = name(), !Parser.clauseWords.contains(first) else { return nil }
            factors.append((first, 1))
        }
        while i < b.count {
            switch b[i] {
            case UInt8(ascii: "/"), UInt8(ascii: "*"):
                let sign = b[i] == UInt8(ascii: "/") ? -1 : 1
                i += 1
                guard let n = name() else { return nil }
                factors.append((n, sign))
            case UInt8(ascii: "^"):
                i += 1
                var negative = false
                if i < b.count, b[i] == UInt8(ascii: "-") { negative = true; i += 1 }
                var power = 0, digits = 0
                while i < b.count, isDigit(b[i]), power < 100 {
                    power = power * 10 + Int(b[i] - 48)
                    digits += 1
                    i += 1
                }
                guard digits > 0, power < 100, i >= b.count || !isDigit(b[i]) else { return nil }
                factors[factors.count - 1].exponent *= negative ? -power : power
            default:
                return nil
            }
        }
        return combined(factors, table)
    }

    /// A text with no escapes, on one line.
    func text(_ i: inout Int) -> String? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
        var k = i + 1
        while k < bytes.count, bytes[k] != UInt8(ascii: "\"") {
            if bytes[k] == UInt8(ascii: "\\") || bytes[k] == UInt8(ascii: "\n") { return nil }
            k += 1
        }
        guard k < bytes.count else { return nil }
        let s = String(decoding: bytes[(i + 1)..<k], as: UTF8.self)
        i = k + 1
        return s
    }

    /// `DDDD-DD` or `DDDD-DD-DD`.
    func date(_ i: inout Int) -> CivilDate? {
        var k = i
        while k < bytes.count, isDigit(bytes[k]) || bytes[k] == UInt8(ascii: "-") { k += 1 }
        guard k >= bytes.count || !isNameChar(bytes[k]),
              let d = CivilDate.parse(Substring(String(decoding: bytes[i..<k], as: UTF8.self))) else { return nil }
        i = k
        return d
    }
}
