/// A `where` condition over the built-in `facts` table, compiled once per
/// stage when it is made of comparisons joined by `and` and `or`, each
/// between a column and a column or a value that is the same on every row
/// (`source == gen and value > 500 people`). Each row then costs its column
/// reads and `compare`, the evaluator's own comparison, with the evaluator's
/// order and Kleene logic; nothing else is built per row. Any other
/// condition, or one whose values cannot be worked out before the rows (an
/// unknown name, a command), is left to the evaluator, which also gives
/// every error, so both ways give the same rows, warnings and errors.
indirect enum FactCondition {
    enum Operand {
        case column(String)
        case constant(Value)
    }

    case compare(ComparisonOp, Operand, Operand, opRange: SourceRange)
    case and(FactCondition, FactCondition)
    case or(FactCondition, FactCondition)
}

extension Session {
    /// The condition compiled, or nil for the evaluator. `sample` is a fact
    /// whose row tells which names are columns (none: nothing to gain).
    func compiledFactCondition(_ cond: Expr, _ env: Env, sample: Int?) -> FactCondition? {
        guard let sample else { return nil }
        let row = Env.Row(store: store, index: sample)
        func operand(_ e: Expr) -> FactCondition.Operand? {
            switch e {
            case .name(let n, _):
                // A column first, as resolveName reads them.
                if row.value(n) != nil { return .column(n) }
                // Bare commands may differ from call to call.
                guard registry.command(n) == nil || isBound(n, env) else { return nil }
                let outer = Env(row: nil, locals: env.locals, useLets: env.useLets)
                return (try? evaluate(e, outer)).map { .constant($0) }
            case .number, .text, .truth, .date:
                return (try? evaluate(e, env)).map { .constant($0) }
            default:
                return nil
            }
        }
        guard case .binary(let op, let l, let r, let opRange, _) = cond else { return nil }
        if op == .and || op == .or {
            guard let a = compiledFactCondition(l, env, sample: sample),
                  let b = compiledFactCondition(r, env, sample: sample) else { return nil }
            return op == .and ? .and(a, b) : .or(a, b)
        }
        guard let cmp = op.comparison else { return nil }
        guard let a = operand(l), let b = operand(r) else { return nil }
        return .compare(cmp, a, b, opRange: opRange)
    }

    /// The truth of a compiled condition for one fact.
    func test(_ c: FactCondition, fact index: Int) throws -> Truth {
        switch c {
        case .compare(let op, let a, let b, let opRange):
            return try compare(op, value(a, fact: index), value(b, fact: index), range: opRange).0
        case .and(let l, let r):
            let x = try test(l, fact: index)
            if x == .no { return x }
            return x.and(try test(r, fact: index))
        case .or(let l, let r):
            let x = try test(l, fact: index)
            if x == .yes { return x }
            return x.or(try test(r, fact: index))
        }
    }

    private func value(_ o: FactCondition.Operand, fact index: Int) -> Value {
        switch o {
        case .column(let name): return store.column(name, of: index) ?? .empty
        case .constant(let v): return v
        }
    }
}
