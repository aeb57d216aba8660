/// Pipelines: `EXPR | STAGE | STAGE ...`, and the built-in tables.
extension Session {
    /// Runs a pipeline; the result of a final command keeps its presentation.
    /// Over the built-in `facts` table, leading `where`, `take` and `count`
    /// stages work on the fact records themselves, reading only the columns
    /// a condition names, so a million facts are never all made into rows.
    func runPipeline(_ head: Expr, _ stages: [Stage], _ env: Env) throws -> CommandResult {
        var current: CommandResult
        var rest = stages[...]
        if case .name("facts", _) = head, case .table = resolve("facts", .value, env) {
            var kept: [Int]? = nil
            scan: while let stage = rest.first {
                switch stage {
                case .whereStage(let cond, let range):
                    // The first `where` reads every fact by its own number:
                    // no list of a million numbers is made to say so.
                    let candidates = kept
                    let count = candidates?.count ?? store.factCount
                    let fact: (Int) -> Int = candidates.map { c in { c[$0] } } ?? { $0 }
                    let facts = store
                    let test = compiledFactCondition(cond, env, sample: count > 0 ? fact(0) : nil).map { c in
                        { (i: Int) throws -> Truth in try self.test(c, fact: fact(i)) }
                    }
                    let passed = try filter(count, cond, range, env, test: test) { Env.Row(store: facts, index: fact($0)) }
                    kept = candidates == nil ? passed : passed.map(fact)
                case .take(let n, let range):
                    let count = try rowCount(n, range, env)
                    kept = kept.map { Array($0.prefix(count)) } ?? Array(0..<min(count, store.factCount))
                case .count:
                    current = CommandResult(.number(Double(kept?.count ?? store.factCount)))
                    rest = rest.dropFirst()
                    return try runStages(rest, from: current, env)
                default:
                    break scan
                }
                rest = rest.dropFirst()
            }
            current = CommandResult(factsTable(kept))
        } else {
            current = CommandResult(try evaluate(head, env))
        }
        return try runStages(rest, from: current, env)
    }

    func runStages(_ stages: ArraySlice<Stage>, from start: CommandResult, _ env: Env) throws -> CommandResult {
        var current = start
        for stage in stages {
            try checkInterrupt(stage.range)
            let lineage = current.value.lineage
            current = try run(stage, on: current.value, env)
            // Built-in stages keep what their input came from (a count of
            // csto.members still rests on its six facts).
            if case .call = stage {} else if current.value.lineage.isEmpty {
                current.value.lineage = lineage
            }
        }
        return current
    }

    /// The value as rows, for stages: a list is one column named `value`.
    func rows(_ v: Value, for stage: String, range: SourceRange) throws -> Table {
        switch v.payload {
        case .table(let t): return t
        case .list(let items): return Table(columns: ["value"], rows: items.map { [$0] })
        default:
            throw EvalError(.stageNeedsTable(stage, found: v.kindName), range)
        }
    }

    func run(_ stage: Stage, on input: Value, _ env: Env) throws -> CommandResult {
        switch stage {
        case .whereStage(let cond, let range):
            let t = try rows(input, for: "where", range: range)
            let kept = try filter(t.rows.count, cond, range, env) { Env.Row(columns: t.columns, values: t.rows[$0]) }
            return CommandResult(Value(.table(Table(columns: t.columns, rows: kept.map { t.rows[$0] }))))
        case .select(let items, let range):
            let t = try rows(input, for: "select", range: range)
            for item in items {
                if case .name(let n, let r) = item.expr, t.column(named: n) == nil, item.name == n {
                    throw EvalError(.noColumn(n), r, notes: suggestions(n, among: t.columns) + ["columns: " + t.columns.joined(separator: ", ")])
                }
            }
            var out: [[Value]] = []
            out.reserveCapacity(t.rows.count)
            for (i, row) in t.rows.enumerated() {
                if i & 255 == 0 { try checkInterrupt(range) }
                let rowEnv = Env(row: Env.Row(columns: t.columns, values: row), locals: env.locals, useLets: env.useLets)
                out.append(try items.map { try evaluate($0.expr, rowEnv) })
            }
            return CommandResult(Value(.table(Table(columns: items.map(\.name), rows: out))))
        case .sort(let key, let descending, let range):
            let t = try rows(input, for: "sort", range: range)
            var keyed: [(Value, [Value])] = []
            for (i, row) in t.rows.enumerated() {
                if i & 255 == 0 { try checkInterrupt(range) }
                let rowEnv = Env(row: Env.Row(columns: t.columns, values: row), locals: env.locals, useLets: env.useLets)
                keyed.append((try evaluate(key, rowEnv), row))
            }
            let sorted = try sortedInGroups(keyed, descending: descending, range: key.range)
            return CommandResult(Value(.table(Table(columns: t.columns, rows: sorted))))
        case .take(let n, let range):
            let t = try rows(input, for: "take", range: range)
            let count = try rowCount(n, range, env)
            return CommandResult(Value(.table(Table(columns: t.columns, rows: Array(t.rows.prefix(count))))))
        case .groupBy(let column, let range):
            let t = try rows(input, for: "group by", range: range)
            guard let c = t.column(named: column) else {
                throw EvalError(.noColumn(column), range, notes: suggestions(column, among: t.columns) + ["columns: " + t.columns.joined(separator: ", ")])
            }
            var order: [String] = []
            var groups: [String: (Value, Int)] = [:]
            for row in t.rows {
                let key = groupKey(row[c])
                if let g = groups[key] { groups[key] = (g.0, g.1 + 1) } else {
                    groups[key] = (row[c], 1)
                    order.append(key)
                }
            }
            let out = order.compactMap { groups[$0] }.map { [$0.0, Value.number(Double($0.1))] }
            return CommandResult(Value(.table(Table(columns: [column, "rows"], rows: out))))
        case .count(let range):
            let t = try rows(input, for: "count", range: range)
            return CommandResult(.number(Double(t.rows.count)))
        case .call(let name, let args, let nameRange, let range):
            return try invoke(name, .stage, args, input: input, nameRange: nameRange, range: range, env)
        }
    }

    /// The rows (of `count`) whose condition is true. Rows that are
    /// `unknown`, or that cannot be compared, do not match; how many there
    /// were goes to stderr.
    /// `test`, when given, is the condition compiled for the facts table
    /// (FactCondition.swift): the same truth for each row, without an Env.
    func filter(_ count: Int, _ cond: Expr, _ range: SourceRange, _ env: Env,
                test: ((Int) throws -> Truth)? = nil, row: (Int) -> Env.Row) throws -> [Int] {
        var kept: [Int] = []
        var unknown = 0
        var incomparable = 0
        var firstProblem: String?
        var firstNotes: [String] = []
        let constants = ConstantCache()
        for i in 0..<count {
            if i & 1023 == 0 { try checkInterrupt(range) }
            let result: Value
            do {
                if let test {
                    result = .truth(try test(i))
                } else {
                    result = try evaluate(cond, Env(row: row(i), locals: env.locals, useLets: env.useLets, constants: constants))
                }
            } catch let e as EvalError where e.problem.isIncomparable {
                incomparable += 1
                if firstProblem == nil {
                    firstProblem = e.message
                    firstNotes = e.notes
                }
                continue
            }
            guard case .truth(let truth) = result.payload else {
                throw EvalError(.whereNeedsTruth(found: result.kindName), cond.range)
            }
            switch truth {
            case .yes: kept.append(i)
            case .unknown: unknown += 1
            case .no: break
            }
        }
        if unknown > 0 || incomparable > 0 {
            warn(.rowsLeftOut(unknown: unknown, incomparable: incomparable), range: range,
                 notes: firstProblem.map { ["first: \($0)"] + firstNotes } ?? [])
        }
        return kept
    }

    func rowCount(_ n: Expr, _ range: SourceRange, _ env: Env) throws -> Int {
        let v = try evaluate(n, env)
        guard let q = v.quantity, q.isPlainNumber, q.nominal >= 0, q.nominal == q.nominal.rounded() else {
            throw EvalError(.takeNeedsWholeNumber(found: ValueText.plain(v)), n.range)
        }
        return q.nominal > Double(Int.max / 2) ? Int.max / 2 : Int(q.nominal)
    }

    func groupKey(_ v: Value) -> String {
        switch v.payload {
        case .entity(let e): return "e:" + e.id
        case .source(let s): return "s:" + s.id
        case .quantity(let q): return "q:" + ValueText.quantity(q, grouping: false)
        default: return "v:" + ValueText.plain(v)
        }
    }

    /// Sort order: quantities by nominal figure, dates as dates order, texts
    /// and names alphabetically; empty cells last.
    func sortOrder(_ a: Value, _ b: Value, range: SourceRange, failure: inout EvalError?) -> Order {
        switch (a.payload, b.payload) {
        case (.quantity(let x), .quantity(let y)):
            guard let (k, _) = try? conversionFactor(from: y.unit, to: x.unit, range: range) else {
                if failure == nil { failure = EvalError(.cannotSortTogether(unitName(x.unit), unitName(y.unit)), range) }
                return .same
            }
            let yn = y.nominal * k
            return x.nominal < yn ? .less : (x.nominal == yn ? .same : .more)
        case (.date(let x), .date(let y)):
            return CivilDate.sortsBefore(x, y) ? .less : (CivilDate.sortsBefore(y, x) ? .more : .same)
        case (.empty, .empty): return .same
        case (.empty, _): return .more
        case (_, .empty): return .less
        case (.truth(let x), .truth(let y)):
            func rank(_ t: Truth) -> Int { t == .no ? 0 : (t == .unknown ? 1 : 2) }
            return rank(x) < rank(y) ? .less : (rank(x) == rank(y) ? .same : .more)
        default:
            if case .quantity = a.payload { return .less }
            if case .quantity = b.payload { return .more }
            let x = ValueText.plain(a), y = ValueText.plain(b)
            return x.compare(y)
        }
    }

    // MARK: - Built-in tables

    static let factColumns = ["subject", "property", "value", "source", "at", "on", "topic", "claimant", "hedge", "quote"]

    /// The `facts` table, or the rows of it at `indices`.
    func factsTable(_ indices: [Int]? = nil) -> Value {
        var rows: [[Value]] = []
        rows.reserveCapacity(indices?.count ?? store.factCount)
        for i in indices ?? Array(0..<store.factCount) {
            let f = store.fact(i)
            let subject = store.entities[f.subject].map { Value(.entity($0)) } ?? .text(f.subject)
            rows.append([
                subject, .text(f.property), f.tracedValue, Value(.source(f.source)),
                f.at.map(Value.text) ?? .empty, f.on.map { Value(.date($0)) } ?? .empty,
                f.topic.map(Value.text) ?? .empty,
                f.claimant.flatMap { store.entities[$0] }.map { Value(.entity($0)) } ?? .empty,
                f.hedge.map(Value.text) ?? .empty, f.quote.map(Value.text) ?? .empty,
            ])
        }
        return Value(.table(Table(columns: Session.factColumns, rows: rows)))
    }

    func entitiesTable() -> Value {
        let rows = store.entityOrder.compactMap { store.entities[$0] }.map { e -> [Value] in
            [.text(e.id), .text(e.name), .text(e.kind), Value(.list(e.aliases.map(Value.text)))]
        }
        return Value(.table(Table(columns: ["id", "name", "kind", "aliases"], rows: rows)))
    }

    func sourcesTable() -> Value {
        let rows = store.sourceOrder.compactMap { store.sources[$0] }.map { s -> [Value] in
            [.text(s.id), .text(s.title), s.author.map(Value.text) ?? .empty, s.publisher.map(Value.text) ?? .empty,
             s.year.flatMap { CivilDate(year: $0) }.map { Value(.date($0)) } ?? .empty, s.address.map(Value.text) ?? .empty, .text(s.kind),
             s.note.map(Value.text) ?? .empty]
        }
        return Value(.table(Table(columns: ["id", "title", "author", "publisher", "year", "address", "kind", "note"], rows: rows)))
    }
}
