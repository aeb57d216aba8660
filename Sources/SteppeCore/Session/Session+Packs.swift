/// The fact-pack statements: `source`, `entity`, `fact`, `unit`, `rule`.
extension Session {
    /// Loads a pack whole or not at all: every statement must succeed, or the
    /// store is left as it was and the first error is thrown.
    public func loadPack(_ file: SourceFile) throws(Diagnostic) {
        let script = try Parser.parse(file)
        let saved = store
        let pack = store.beginPack(file.name)
        do {
            for statement in script.statements {
                guard Session.isPackStatement(statement) else {
                    throw Diagnostic("a fact pack holds only source, entity, fact, unit and rule statements",
                                     file: file, range: statement.range)
                }
                try located(file) { try self.declare(statement, pack: pack, file: file) }
            }
        } catch let d as Diagnostic {
            store = saved
            invalidate()
            throw d
        } catch {
            store = saved
            invalidate()
            throw Diagnostic("\(error)", file: file)
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
                        throw EvalError("'year' takes a whole number", c.value.range)
                    }
                    year = Int(q.nominal)
                } else {
                    fields[c.keyword] = try word(c)
                }
            }
            store.add(SourceInfo(id: id, title: title, author: fields["by"], publisher: fields["publisher"], year: year,
                                 address: fields["address"], kind: fields["kind"] ?? "reference", note: fields["note"]))
        case .entity(let id, let name, let clauses, _):
            var kind = "thing"
            var aliases: [String] = []
            for c in clauses {
                if c.keyword == "kind" { kind = try word(c) } else { aliases.append(try word(c)) }
            }
            store.add(Entity(id: id, name: name, kind: kind, aliases: aliases))
        case .fact(let subject, let property, let expr, let clauses, let range):
            try declareFact(subject: subject, property: property, expr: expr, clauses: clauses,
                            range: range, pack: pack, file: file)
        case .unit(let name, let expr, let range):
            try declareUnit(name, expr, range: range)
        case .rule(let subject, let property, let expr, _):
            store.add(Rule(subject: store.entity(subject)?.id ?? subject, property: property,
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
        default: throw EvalError("'\(c.keyword)' takes a word or a text", c.value.range)
        }
    }

    func declareFact(subject: String, property: String, expr: Expr, clauses: [Clause],
                     range: SourceRange, pack: Int, file: SourceFile) throws {
        let value = try evaluate(expr, Env.global)
        var source: SourceInfo?
        var at: String?, quote: String?, topic: String?, claimant: String?
        var on: CivilDate?
        for c in clauses {
            switch c.keyword {
            case "from":
                let id = try word(c)
                guard let s = store.sources[id] else {
                    throw EvalError("unknown source '\(id)'", c.value.range,
                                    notes: suggestions(id, among: store.sourceOrder))
                }
                source = s
            case "at": at = try text(c)
            case "quote": quote = try text(c)
            case "topic": topic = try word(c)
            case "on":
                let v = try evaluate(c.value, Env.global)
                guard case .date(let d) = v.payload else { throw EvalError("'on' takes a date, such as 2022-01", c.value.range) }
                on = d
            case "by":
                let id = try word(c)
                guard let e = store.entity(id) else {
                    throw EvalError("unknown entity '\(id)'", c.value.range, notes: suggestions(id, among: store.entityOrder))
                }
                claimant = e.id
            default: break
            }
        }
        guard let source = source ?? store.sourceOrder.last.flatMap({ store.sources[$0] }) else {
            throw EvalError("a fact needs a source: add 'from SOURCE'", range)
        }
        let (line, _) = file.location(of: range.start)
        let subjectID = store.entity(subject)?.id ?? subject
        // Keep the notes a figure carries (less_than's floor), not the facts it was built from.
        let notes = Lineage(value.lineage.items.filter { if case .note = $0 { return true } else { return false } })
        store.add(Fact(subject: subjectID, property: property, value: Value(value.payload, lineage: notes), source: source, at: at,
                       quote: quote, on: on, topic: topic, claimant: claimant, pack: pack, origin: "\(file.name):\(line)"))
    }

    func text(_ c: Clause) throws -> String {
        guard case .text(let s, _) = c.value else { throw EvalError("'\(c.keyword)' takes a text in double quotes", c.value.range) }
        return s
    }

    func declareUnit(_ name: String, _ expr: Expr, range: SourceRange) throws {
        guard store.units.atom(named: name) == nil else {
            throw EvalError("unit '\(name)' already exists", range)
        }
        let v = try evaluate(expr, Env.global)
        guard case .quantity(let q) = v.payload, q.isExact || q.interval.low.value == q.interval.high.value, q.nominal > 0 else {
            throw EvalError("a unit is defined by a positive exact figure, such as unit Mt = 1e6 t", expr.range)
        }
        let currencies = q.unit.factors.filter { store.units.atom(named: $0.atom)?.currency != nil }
        if let c = currencies.first {
            guard currencies.count == 1, q.unit.factors.count == 1, c.exponent == 1,
                  let atom = store.units.atom(named: c.atom), let currency = atom.currency else {
                throw EvalError("a money unit is defined in one currency alone, such as unit kUSD = 1000 USD", expr.range)
            }
            store.units.add(UnitAtom(name: name, dimension: .money, scale: q.nominal * atom.scale, currency: currency))
        } else {
            let (k, _) = try scale(of: q.unit, pivot: nil, range: expr.range)
            store.units.add(UnitAtom(name: name, dimension: store.units.dimension(of: q.unit), scale: q.nominal * k))
        }
    }
}
