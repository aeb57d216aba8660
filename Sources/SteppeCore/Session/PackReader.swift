/// Reads the common `fact` line straight from the bytes, without tokens or a
/// syntax tree:
///
///     fact SUBJECT.PROPERTY = NUMBER [UNIT] [from S] [at "…"] [quote "…"] [on DATE] [topic T] [by C]
///
/// Anything it does not recognise in full (a bounded figure, an escape in a
/// text, an unknown name, a second statement on the line) it leaves to the
/// parser, which also gives every error; so both paths store the same fact.
struct PackReader {
    let file: SourceFile
    let bytes: [UInt8]
    /// Units as written (`people`, `KZT/person/month`) to their interned ids.
    var unitCache: [String: Int32] = [:]

    init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
    }

    /// Stores the fact whose line starts at `offset` and returns the offset of
    /// the next line; nil when the line is not a plain fact line.
    mutating func fastFact(at offset: Int, line: Int, session: Session, pack: Int) throws -> Int? {
        var i = offset
        guard match("fact ", at: &i) else { return nil }
        skipBlanks(&i)
        guard let subjectName = name(&i), i < bytes.count, bytes[i] == UInt8(ascii: "."), let _ = Optional(i += 1),
              let property = name(&i) else { return nil }
        skipBlanks(&i)
        guard i < bytes.count, bytes[i] == UInt8(ascii: "="), i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "=") else { return nil }
        i += 1
        skipBlanks(&i)
        guard let nominal = number(&i) else { return nil }
        // Read the store through the session only: a local copy would make
        // every fact added below copy the whole store.
        guard let subject = session.store.entity(subjectName)?.id else { return nil }
        var unit = Unit()
        var blanks = skipBlanks(&i)
        if blanks, i < bytes.count, let unitText = unitWord(&i) {
            if let cached = unitCache[unitText] {
                unit = session.store.unitIDs[cached]
            } else {
                guard let resolved = resolve(unitText, session.store.units) else { return nil }
                unit = resolved
            }
            blanks = skipBlanks(&i)
        }
        var source: String? = nil, at: String? = nil, quote: String? = nil, topic: String? = nil, claimant: String? = nil
        var on: CivilDate? = nil
        var seen = Set<String>()
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n"), bytes[i] != UInt8(ascii: "#") {
            guard blanks, let keyword = name(&i), seen.insert(keyword).inserted, skipBlanks(&i) else { return nil }
            switch keyword {
            case "from": guard let v = name(&i), session.store.sources[v] != nil else { return nil }; source = v
            case "topic": guard let v = name(&i) else { return nil }; topic = v
            case "by": guard let v = name(&i), let e = session.store.entity(v) else { return nil }; claimant = e.id
            case "at": guard let v = text(&i) else { return nil }; at = v
            case "quote": guard let v = text(&i) else { return nil }; quote = v
            case "on": guard let v = date(&i) else { return nil }; on = v
            default: return nil
            }
            blanks = skipBlanks(&i)
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "#") {
            while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
        }
        if i < bytes.count { i += 1 }
        guard let sourceID = source ?? session.packSources[pack], let sourceIndex = session.store.sourceID(sourceID) else { return nil }
        session.store.addExactFact(subject: subject, property: property, nominal: nominal, unit: unit, unitKey: unitKey,
                                   unitCache: &unitCache, source: sourceIndex, at: at, quote: quote, topic: topic,
                                   claimant: claimant, on: on?.packed ?? 0, pack: pack, line: line)
        unitKey = nil
        return i
    }

    /// The unit text of the line being read, to cache once its id is known.
    private var unitKey: String?

    // MARK: - Pieces

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
        guard i < bytes.count, isNameStart(bytes[i]) else { return nil }
        let start = i
        while i < bytes.count, isNameChar(bytes[i]) { i += 1 }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    /// A plain number (`225`, `2_500`, `1.732e12`); nil for anything else, dates included.
    func number(_ i: inout Int) -> Double? {
        let start = i
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        while i < bytes.count, isDigit(bytes[i]) || (bytes[i] == UInt8(ascii: "_") && !digits.isEmpty && i + 1 < bytes.count && isDigit(bytes[i + 1])) {
            if bytes[i] != UInt8(ascii: "_") { digits.append(bytes[i]) }
            i += 1
        }
        guard !digits.isEmpty else { return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { return nil }
        if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "."), isDigit(bytes[i + 1]) {
            digits.append(UInt8(ascii: "."))
            i += 1
            while i < bytes.count, isDigit(bytes[i]) { digits.append(bytes[i]); i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            var k = i + 1
            if k < bytes.count, bytes[k] == UInt8(ascii: "+") || bytes[k] == UInt8(ascii: "-") { k += 1 }
            guard k < bytes.count, isDigit(bytes[k]) else { return nil }
            digits.append(contentsOf: bytes[i..<k])
            i = k
            while i < bytes.count, isDigit(bytes[i]) { digits.append(bytes[i]); i += 1 }
        }
        guard i >= bytes.count || !(isNameChar(bytes[i]) || bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "(")),
              i > start, let x = Double(String(decoding: digits, as: UTF8.self)), x.isFinite else { return nil }
        return x
    }

    /// A unit written without spaces (`people`, `KZT/person/month`, `km^2`, `%`);
    /// not a clause word.
    mutating func unitWord(_ i: inout Int) -> String? {
        let start = i
        if bytes[i] == UInt8(ascii: "%") {
            i += 1
        } else {
            guard let first = name(&i), !Parser.clauseWords.contains(first) else { i = start; return nil }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "/") || b == UInt8(ascii: "*") {
                i += 1
                guard name(&i) != nil else { i = start; return nil }
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
                || bytes[i] == UInt8(ascii: "\n") else { i = start; return nil }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        unitKey = text
        return text
    }

    /// The unit as the evaluator would resolve it, or nil to leave it to the parser.
    func resolve(_ text: String, _ table: UnitTable) -> Unit? {
        let file = SourceFile(name: "<unit>", text: "1 " + text)
        guard let script = try? Parser.parse(file), script.statements.count == 1,
              case .expression(.number(_, let u?, _)) = script.statements[0], u.text == text else { return nil }
        var unit = Unit()
        for f in u.factors {
            guard let atom = table.atom(named: f.name) else { return nil }
            unit = unit.combined(with: Unit([.init(atom.name, f.exponent)]))
        }
        return unit
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
