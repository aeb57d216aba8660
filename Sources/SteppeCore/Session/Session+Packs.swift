/// The fact-pack statements: `source`, `entity`, `fact`, `unit`, `rule`.
extension Session {
    /// Loads a pack whole or not at all: every statement must succeed, or the
    /// store is left as it was and the first error is thrown. The pack is read
    /// a statement at a time; plain `fact` lines take a fast path that reads
    /// the bytes directly (`PackReader`), everything else goes through the parser.
    public func loadPack(_ file: SourceFile) throws(Diagnostic) {
        let saved = store.copy()
        let pack = store.beginPack(file.name)
        packSources[pack] = nil
        currentPackFile = file
        defer { currentPackFile = nil }
        var reader = PackReader(file: file)
        if file.bytes.count > 1 << 20 {
            // A big pack: make room for a fact a line, so nothing grows twice.
            store.reserve(facts: file.lineCount)
        }
        do {
            var offset = 0
            var line = 1
            while offset < file.bytes.count {
                // A blank or comment line is stepped over here, so that the
                // statement after it can take the fast path too.
                if packFastPath, let next = reader.blankLine(at: offset) {
                    line += 1
                    offset = next
                    continue
                }
                if packFastPath, let next = reader.fastSource(at: offset, session: self, pack: pack) {
                    line += 1
                    offset = next
                    continue
                }
                if packFastPath, let next = reader.fastEntity(at: offset, session: self) {
                    line += 1
                    offset = next
                    continue
                }
                if packFastPath, let next = try reader.fastFact(at: offset, line: line, session: self, pack: pack) {
                    line += 1
                    offset = next
                    continue
                }
                packStatementsParsed += 1
                let (tokens, end) = try Lexer.tokenizeStatement(file, from: offset)
                var parser = Parser(file: file, tokens: tokens)
                for statement in try parser.script() {
                    guard Session.isPackStatement(statement) else {
                        throw Diagnostic(.pack(.notPackStatement), file: file, range: statement.range)
                    }
                    try located(file) { try self.declare(statement, pack: pack, file: file) }
                }
                line += file.bytes[offset..<end].reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                offset = end
            }
        } catch let d as Diagnostic {
            store = saved
            invalidate()
            throw d
        } catch {
            store = saved
            invalidate()
            throw Diagnostic(.evaluation(.foreign(error)), file: file)
        }
        invalidate()
    }

    static func isPackStatement(_ s: Statement) -> Bool {
        switch s {
        case .source, .entity, .fact, .unit, .rule: return true
        default: return false
        }
    }

    /// Runs one pack statement into the store.
    func declare(_ statement: Statement, pack: Int, file: SourceFile) throws {
        switch statement {
        case .source(let id, let title, let clauses, _):
            var fields: [String: String] = [:]
            var year: Int?
            for c in clauses {
                if c.keyword == "year" {
                    let v = try evaluate(c.value, Env.global)
                    guard let q = v.quantity, q.isPlainNumber, q.nominal == q.nominal.rounded(), abs(q.nominal) < 100_000 else {
                        throw EvalError(.yearNeedsWholeNumber, c.value.range)
                    }
                    year = Int(q.nominal)
                } else {
                    fields[c.keyword] = try word(c)
                }
            }
            var source = SourceInfo(id: id, title: title, author: fields["by"], publisher: fields["publisher"], year: year,
                                    address: fields["address"], kind: fields["kind"] ?? "reference", note: fields["note"])
            if let old = store.sources[id] {
                // The same title and kind is the same source, declared again (a
                // pack loaded twice, or one that names the article): what was
                // known stays, and what it adds fills the gaps, as a restated
                // fact adds nothing. Anything else is an id taken by another
                // document.
                guard old.title == source.title, fields["kind"] == nil || old.kind == source.kind else {
                    let what = old.title == source.title ? "of kind \(old.kind)" : "as \"\(old.title)\""
                    throw EvalError(.sourceRedeclared(id, what), statement.range,
                                    notes: ["give this source another id"])
                }
                source = SourceInfo(id: id, title: title, author: old.author ?? source.author,
                                    publisher: old.publisher ?? source.publisher, year: old.year ?? source.year,
                                    address: old.address ?? source.address, kind: old.kind, note: old.note ?? source.note)
            }
            store.add(source)
            packSources[pack] = id
        case .entity(let id, let name, let clauses, _):
            var kind = "thing"
            var aliases: [String] = []
            for c in clauses {
                if c.keyword == "kind" { kind = try word(c) } else { aliases.append(try word(c)) }
            }
            let entity = Entity(id: id, name: name, kind: kind, aliases: aliases)
            if let old = store.entities[id], !(old.name == name && old.kind == kind && old.aliases == aliases) {
                throw EvalError(.entityRedeclared(id, as: old.name), statement.range,
                                notes: ["give this entity another id"])
            }
            for alias in aliases {
                if let other = store.entity(alias), other.id != id {
                    throw EvalError(.aliasTaken(alias, entity: other.id), statement.range)
                }
            }
            store.add(entity)
        case .fact(let subject, let property, let expr, let clauses, let range):
            try declareFact(subject: subject, property: property, expr: expr, clauses: clauses,
                            range: range, pack: pack, file: file)
        case .unit(let name, let expr, let range):
            try declareUnit(name, expr, range: range)
        case .rule(let subject, let property, let expr, let range):
            store.add(Rule(subject: try subjectID(subject, range: range), property: property,
                           expression: expr, file: file, pack: pack))
        default:
            break
        }
        invalidate()
    }

    /// A clause written as a bare word or a text.
    func word(_ c: Clause) throws -> String {
        switch c.value {
        case .name(let n, _): return n
        case .text(let s, _): return s
        default: throw EvalError(.clauseNeedsWordOrText(c.keyword), c.value.range)
        }
    }

    func declareFact(subject: String, property: String, expr: Expr, clauses: [Clause],
                     range: SourceRange, pack: Int, file: SourceFile) throws {
        let value = try evaluate(expr, Env.global)
        var source: SourceInfo?
        var at: String?, quote: String?, topic: String?, claimant: String?, hedge: String?
        var on: CivilDate?
        for c in clauses {
            switch c.keyword {
            case "from":
                let id = try word(c)
                guard let s = store.sources[id] ?? (id == "session" ? sessionSource(pack) : nil) else {
                    throw EvalError(.unknownSource(id), c.value.range,
                                    notes: suggestions(id, among: store.sourceOrder))
                }
                source = s
            case "at": at = try text(c)
            case "quote": quote = try text(c)
            case "hedge": hedge = try text(c)
            case "topic": topic = try word(c)
            case "on":
                let v = try evaluate(c.value, Env.global)
                guard case .date(let d) = v.payload else { throw EvalError(.onNeedsDate, c.value.range) }
                on = d
            case "by":
                let id = try word(c)
                guard let e = store.entity(id) else {
                    throw EvalError(.unknownEntity(id), c.value.range, notes: suggestions(id, among: store.entityOrder))
                }
                claimant = e.id
            default: break
            }
        }
        guard let source = source ?? packSources[pack].flatMap({ store.sources[$0] }) ?? sessionSource(pack) else {
            throw EvalError(.factNeedsSource, range)
        }
        let line = lineNumber(of: range.start, in: file)
        let subjectID = try self.subjectID(subject, range: range)
        store.addFact(subject: subjectID, property: property, value: value, source: source.id,
                      at: at, quote: quote, on: on, topic: topic, claimant: claimant, hedge: hedge,
                      pack: pack, line: line)
    }

    /// The entity a fact or rule is about; a subject nobody declared is
    /// usually a typo, so it is an error with the closest ids.
    func subjectID(_ subject: String, range: SourceRange) throws -> String {
        if let e = store.entity(subject) { return e.id }
        throw EvalError(.unknownSubject(subject), subjectRange(in: range, named: subject),
                        notes: suggestions(subject, among: store.entityOrder)
                            + ["declare it first: entity \(subject) \"NAME\" kind KIND"])
    }

    /// The line of `offset` in `file`.
    func lineNumber(of offset: Int, in file: SourceFile) -> Int {
        file.location(of: offset).line
    }

    /// Where the subject is written in `fact S.P`, `rule S.P`, `set S.P`: the
    /// first word after the keyword.
    func subjectRange(in range: SourceRange, named subject: String) -> SourceRange {
        guard let file = currentFile ?? currentPackFile, range.end <= file.bytes.count else { return range }
        var i = range.start
        while i < range.end, file.bytes[i] != UInt8(ascii: " ") && file.bytes[i] != UInt8(ascii: "\t") { i += 1 }
        while i < range.end, file.bytes[i] == UInt8(ascii: " ") || file.bytes[i] == UInt8(ascii: "\t") { i += 1 }
        return SourceRange(i, min(range.end, i + subject.utf8.count))
    }

    /// Facts typed at the prompt or in a script without `from` are the session's own.
    func sessionSource(_ pack: Int) -> SourceInfo? {
        guard pack == sessionPack else { return nil }
        if let s = store.sources["session"] { return s }
        let s = SourceInfo(id: "session", title: "Typed in this session", author: nil, publisher: nil, year: nil,
                           address: nil, kind: "session", note: nil)
        store.add(s)
        return s
    }

    func text(_ c: Clause) throws -> String {
        guard case .text(let s, _) = c.value else { throw EvalError(.clauseNeedsQuotedText(c.keyword), c.value.range) }
        return s
    }

    func declareUnit(_ name: String, _ expr: Expr, range: SourceRange) throws {
        let v = try evaluate(expr, Env.global)
        if let existing = store.units.atom(named: name) {
            // Loading the same pack twice is harmless; a different meaning is not.
            if case .quantity(let q) = v.payload, let (k, _) = try? scale(of: q.unit, pivot: nil, range: range),
               existing.currency == nil, (q.nominal * k - existing.scale).magnitude <= 1e-12 * existing.scale {
                return
            }
            throw EvalError(.unitExists(name), range)
        }
        guard case .quantity(let q) = v.payload, q.isExact || q.interval.low.value == q.interval.high.value, q.nominal > 0 else {
            throw EvalError(.unitNeedsExactFigure, expr.range)
        }
        let currencies = q.unit.factors.filter { store.units.atom(named: $0.atom)?.currency != nil }
        if let c = currencies.first {
            guard currencies.count == 1, q.unit.factors.count == 1, c.exponent == 1,
                  let atom = store.units.atom(named: c.atom), let currency = atom.currency else {
                throw EvalError(.moneyUnitOneCurrency, expr.range)
            }
            store.units.add(UnitAtom(name: name, dimension: .money, scale: q.nominal * atom.scale, currency: currency))
        } else {
            let (k, _) = try scale(of: q.unit, pivot: nil, range: expr.range)
            store.units.add(UnitAtom(name: name, dimension: store.units.dimension(of: q.unit), scale: q.nominal * k))
        }
    }
}
