/// Where names are looked up while evaluating: the current row of a stage,
/// a function's parameters, and (outside packs and rules) the `let` bindings.
struct Env {
    var row: Row?
    var locals: [String: Value] = [:]
    var useLets: Bool
    /// Names that mean the same on every row of a stage (`gen` in
    /// `where source == gen`), resolved once per stage.
    var constants: ConstantCache?

    static var global: Env { Env(row: nil, useLets: false) }
    static var session: Env { Env(row: nil, useLets: true) }

    /// The current row of a stage: values in hand, or a fact read from its
    /// record only for the columns the condition names.
    struct Row {
        var columns: [String]
        var values: [Value]
        var fact: (store: FactStore, index: Int)?

        init(columns: [String], values: [Value]) {
            self.columns = columns
            self.values = values
        }

        init(store: FactStore, index: Int) {
            columns = Session.factColumns
            values = []
            fact = (store, index)
        }

        func value(_ name: String) -> Value? {
            if let (store, index) = fact { return store.column(name, of: index) }
            guard let i = columns.firstIndex(of: name), i < values.count else { return nil }
            return values[i]
        }
    }
}

/// Values of names that are not columns, kept for the rows of one stage.
final class ConstantCache {
    var values: [String: Value] = [:]
}

extension Session {
    /// Runs `body`, giving any unplaced error the file it belongs to.
    func located<T>(_ file: SourceFile, _ body: () throws -> T) throws(Diagnostic) -> T {
        do {
            return try body()
        } catch let d as Diagnostic {
            throw d
        } catch let e as EvalError {
            throw Diagnostic(e, file: file)
        } catch let e as CommandError {
            throw Diagnostic(.evaluation(.command(e.message)), file: file, notes: e.notes)
        } catch {
            throw Diagnostic(.evaluation(.foreign(error)), file: file)
        }
    }

    func evaluate(_ expr: Expr, _ env: Env) throws -> Value {
        // def recursion times the depth of its body, rules that call rules:
        // a fixed limit cannot bound the stack; the stack itself can.
        guard StackGuard.hasRoom() else {
            throw EvalError(.outOfStack, expr.range,
                            notes: ["is a def or a rule recursive without end?"])
        }
        switch expr {
        case .number(let x, let unitExpr, _):
            guard let unitExpr else { return .number(x) }
            return Value(.quantity(Quantity(x, unit: try resolveUnit(unitExpr))))
        case .text(let s, _): return .text(s)
        case .date(let d, _): return Value(.date(d))
        case .truth(let t, _): return .truth(t)
        case .name(let n, let range): return try resolveName(n, range: range, env)
        case .previous(let range):
            guard let v = previousResult else {
                throw EvalError(.noResultYet, range,
                                notes: ["a line starting with '|' goes on from the last result shown"])
            }
            return v
        case .member(let base, let field, let range): return try member(base, field, range: range, env)
        case .call(let name, let args, let nameRange, let range):
            return try call(name, args, nameRange: nameRange, range: range, env).value
        case .command(let name, let args, let nameRange, let range):
            return try invoke(name, .statementStart, args, input: nil, nameRange: nameRange, range: range, env).value
        case .list(let items, let range):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            var lineage = Lineage()
            for item in items {
                let v = try evaluate(item, env)
                lineage = lineage.merged(with: v.lineage)
                values.append(v)
            }
            return try Session.checkedDepth(Value(.list(values), lineage: lineage), range)
        case .record(let fields, let range):
            var values: [(name: String, value: Value)] = []
            for (name, e) in fields { values.append((name, try evaluate(e, env))) }
            return try Session.checkedDepth(Value(.record(Record(values))), range)
        case .negate(let e, let range):
            return try negate(try evaluate(e, env), range: range)
        case .not(let e, let range):
            let v = try evaluate(e, env)
            guard case .truth(let t) = v.payload else { throw EvalError(.notNeedsTruth(found: v.kindName), range) }
            return Value(.truth(t.negated), lineage: v.lineage)
        case .binary(let op, let l, let r, let opRange, _):
            return try binary(op, l, r, opRange: opRange, env)
        case .convert(let e, let unitExpr, let range):
            let v = try evaluate(e, env)
            return try convert(v, to: try resolveUnit(unitExpr), range: range)
        case .pipeline(let head, let stages, _):
            return try runPipeline(head, stages, env).value
        }
    }

    /// A list or record nested deeper than `Value.maxDepth` is refused:
    /// freeing it would overflow the stack.
    static func checkedDepth(_ v: Value, _ range: SourceRange) throws -> Value {
        guard v.depth <= Value.maxDepth else {
            throw EvalError(.valueTooDeep(limit: Int(Value.maxDepth)), range)
        }
        return v
    }

    func binary(_ op: BinaryOp, _ l: Expr, _ r: Expr, opRange: SourceRange, _ env: Env) throws -> Value {
        if op == .and || op == .or {
            let a = try evaluate(l, env)
            guard case .truth(let x) = a.payload else {
                throw EvalError(.logicNeedsTruth(op.rawValue, found: a.kindName), l.range)
            }
            // Kleene: false and … is false, true or … is true, whatever the other side.
            if (op == .and && x == .no) || (op == .or && x == .yes) { return a }
            let b = try evaluate(r, env)
            guard case .truth(let y) = b.payload else {
                throw EvalError(.logicNeedsTruth(op.rawValue, found: b.kindName), r.range)
            }
            return Value(.truth(op == .and ? x.and(y) : x.or(y)), lineage: a.lineage.merged(with: b.lineage))
        }
        let a = try evaluate(l, env)
        let b = try evaluate(r, env)
        if op == .member || op == .notMember {
            let (t, lineage) = try membership(a, b, range: opRange)
            return Value(.truth(op == .member ? t : t.negated), lineage: lineage)
        }
        if let cmp = op.comparison {
            let (t, lineage) = try compare(cmp, a, b, range: opRange)
            return Value(.truth(t), lineage: lineage)
        }
        return try arithmetic(op, a, b, range: opRange)
    }

    // MARK: - Names

    /// The value of a bare name, as `resolve` decides what it means.
    func resolveName(_ n: String, range: SourceRange, _ env: Env) throws -> Value {
        if let row = env.row, let v = row.value(n) { return v }
        if let cache = env.constants {
            if let v = cache.values[n] { return v }
            var outer = env
            outer.row = nil
            outer.constants = nil
            let v: Value
            do {
                v = try resolveName(n, range: range, outer)
            } catch var e as EvalError where e.problem == .unknownName(n) {
                // Suggest from the row's columns too (`topc` → `topic`).
                e.notes = suggestions(n, among: knownNames(env))
                throw e
            }
            // Commands may differ from call to call; everything else here is fixed for the stage.
            if case .command = resolve(n, .value, outer) {} else { cache.values[n] = v }
            return v
        }
        switch resolve(n, .value, env) {
        case .column(let v), .parameter(let v), .variable(let v): return v
        case .function(let d):
            throw EvalError(.functionNeedsCall(n, usage: "\(n)(\(d.params.joined(separator: ", ")))"), range)
        case .table(let name):
            switch name {
            case "entities": return entitiesTable()
            case "sources": return sourcesTable()
            default: return factsTable()
            }
        case .builtin(let f): throw EvalError(.functionNeedsCall(n, usage: f.declaration.usage), range)
        case .command(let c):
            guard c.runsBare else { throw EvalError(.commandNeedsArguments(n, usage: c.usage), range) }
            return try invoke(c, Arguments(), nameRange: range, range: range).value
        case .entity(let e): return Value(.entity(e))
        case .source(let s): return Value(.source(s))
        case .unknown: throw EvalError(.unknownName(n), range, notes: suggestions(n, among: knownNames(env)))
        }
    }

    func member(_ base: Expr, _ field: String, range: SourceRange, _ env: Env) throws -> Value {
        if case .name(let n, let nameRange) = base, !isBound(n, env) {
            if let e = store.entity(n) { return try entityMember(e, field, range: range) }
            if store.hasAnyFacts(subject: n) { return try propertyValue(subject: n, property: field, range: range) }
            if store.sources[n] == nil {
                throw EvalError(.unknownName(n), nameRange, notes: suggestions(n, among: knownNames(env)))
            }
        }
        let v = try evaluate(base, env)
        switch v.payload {
        case .entity(let e): return try entityMember(e, field, range: range)
        case .record(let r):
            guard let f = r[field] else {
                throw EvalError(.noField(field), range,
                                notes: ["its fields: " + r.fields.map(\.name).joined(separator: ", ")])
            }
            return f
        case .source(let s):
            let fields: [(String, Value)] = [
                ("id", .text(s.id)), ("title", .text(s.title)), ("author", s.author.map(Value.text) ?? .empty),
                ("publisher", s.publisher.map(Value.text) ?? .empty), ("year", s.year.flatMap { CivilDate(year: $0) }.map { Value(.date($0)) } ?? .empty),
                ("address", s.address.map(Value.text) ?? .empty), ("kind", .text(s.kind)), ("note", s.note.map(Value.text) ?? .empty),
            ]
            guard let f = fields.first(where: { $0.0 == field }) else {
                throw EvalError(.noSourceField(field), range,
                                notes: ["its fields: " + fields.map(\.0).joined(separator: ", ")])
            }
            return f.1
        default:
            throw EvalError(.noProperties(v.kindName, field: field), range)
        }
    }

    /// A property of an entity, or one of its own fields (`id`, `name`, `kind`, `aliases`).
    func entityMember(_ e: Entity, _ field: String, range: SourceRange) throws -> Value {
        switch field {
        case "id", "name", "kind", "aliases":
            if store.hasProperty(subject: e.id, property: field) || (!assumptions.isEmpty && assumptions["\(e.id).\(field)"] != nil) {
                return try propertyValue(subject: e.id, property: field, range: range)
            }
        default:
            return try propertyValue(subject: e.id, property: field, range: range)
        }
        switch field {
        case "id": return .text(e.id)
        case "name": return .text(e.name)
        case "kind": return .text(e.kind)
        case "aliases": return Value(.list(e.aliases.map(Value.text)))
        default: return try propertyValue(subject: e.id, property: field, range: range)
        }
    }

    /// SUBJECT.PROPERTY from the most preferred source: a session `set`, then
    /// the article, then the latest pack; a rule when no fact states it.
    func propertyValue(subject: String, property: String, range: SourceRange) throws -> Value {
        if !assumptions.isEmpty, let a = assumptions["\(subject).\(property)"] {
            var v = a.value
            v.lineage = Lineage([.assumption(subject: subject, property: property, value: ValueText.plain(a.value), place: a.place)])
            return v
        }
        // Facts change only when the store does: a script that reads one
        // figure ten thousand times looks it up once.
        let key = PropertyKey(subject: subject, property: property)
        let current = (store: ObjectIdentifier(store), generation: store.generation)
        if let of = cache.propertiesOf, of == current {
            if let v = cache.properties[key] { return v }
        } else {
            cache.properties = [:]
            cache.propertiesOf = current
        }
        let facts = store.preferred(subject: subject, property: property)
        if facts.count == 1 {
            let v = facts[0].tracedValue
            cache.properties[key] = v
            return v
        }
        if facts.count > 1 {
            var lineage = Lineage()
            let values = facts.map { f -> Value in
                lineage.append(.fact(f))
                return f.tracedValue
            }
            let v = Value(.list(values), lineage: lineage)
            cache.properties[key] = v
            return v
        }
        if let rule = store.rules["\(subject).\(property)"] { return try evaluateRule(rule, range: range) }
        let known = store.properties(of: subject)
        let name = store.entity(subject)?.id ?? subject
        var notes = suggestions(property, among: known)
        if !known.isEmpty {
            notes.append("the properties of \(name): " + Suggest.ranked(property, known).joined(separator: ", "))
        } else {
            notes.append("no facts are stated about \(name)")
        }
        throw EvalError(.noProperty(name, property: property), range, notes: notes)
    }

    func evaluateRule(_ rule: Rule, range: SourceRange) throws -> Value {
        let key = "\(rule.subject).\(rule.property)"
        guard !rulesInProgress.contains(key) else {
            throw EvalError(.ruleDependsOnItself(key), range,
                            notes: ["the cycle: " + (rulesInProgress + [key]).joined(separator: " → ")])
        }
        rulesInProgress.append(key)
        defer { rulesInProgress.removeLast() }
        let v: Value
        do {
            v = try evaluate(rule.expression, Env.global)
        } catch let e as EvalError {
            var d = Diagnostic(e, file: rule.file)
            d.chain.append(Diagnostic.Frame(file: rule.file, range: rule.expression.range, what: "in rule \(key)"))
            throw d
        }
        let text = Session.ruleText(rule.file.text(rule.expression.range), subject: rule.subject)
        var out = v
        out.lineage = Lineage([.rule(subject: rule.subject, property: rule.property, text: text, inputs: v.lineage.items)])
        return out
    }

    /// `a * b / c` as `a × b ÷ c`, with the rule's own subject left out.
    static func ruleText(_ source: String, subject: String) -> String {
        var s = source.replacingAll(" * ", with: " × ").replacingAll(" / ", with: " ÷ ")
        s = s.replacingAll(" " + subject + ".", with: " ")
        if s.hasPrefix(subject + ".") { s.removeFirst(subject.count + 1) }
        return s
    }

    // MARK: - Units

    func resolveUnit(_ u: UnitExpr) throws -> Unit {
        if let cached = cache.units[u.text] { return cached }
        var unit = Unit()
        for f in u.factors {
            guard let atom = store.units.atom(named: f.name) else {
                throw EvalError(.unknownUnit(f.name), f.range,
                                notes: suggestions(f.name, among: store.units.allNames))
            }
            unit = unit.combined(with: Unit([.init(atom.name, f.exponent)]))
        }
        cache.units[u.text] = unit
        return unit
    }

    func parseUnit(_ text: String, range: SourceRange) throws -> Unit {
        let file = SourceFile(name: "<unit>", text: "1 " + text)
        do {
            let script = try Parser.parse(file)
            if script.statements.count == 1, case .expression(.number(_, let u?, _)) = script.statements[0],
               u.text == text {
                return try resolveUnit(u)
            }
        } catch {}
        throw EvalError(.notAUnit(text), range)
    }
}


extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let r = rest.firstRange(of: target) {
            result += rest[..<r.lowerBound]
            result += replacement
            rest = rest[r.upperBound...]
        }
        result += rest
        return result
    }
}
