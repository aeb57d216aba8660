/// Arithmetic and comparison on values: interval arithmetic on the bounds,
/// the nominal figures side by side, and unit algebra.
extension Session {
    func arithmetic(_ op: BinaryOp, _ a: Value, _ b: Value, range: SourceRange) throws -> Value {
        let lineage = a.lineage.merged(with: b.lineage)
        switch (a.payload, b.payload) {
        case (.quantity(let x), .quantity(let y)):
            var (q, used) = try quantityArithmetic(op, x, y, range: range)
            q.nominal = q.nominal == 0 ? 0 : q.nominal
            if !q.nominal.isFinite && x.nominal.isFinite && y.nominal.isFinite && !(op == .div && y.nominal == 0) {
                throw EvalError(.numberOutOfRange, range)
            }
            return Value(.quantity(q), lineage: lineage.merged(with: used))
        case (.text(let x), .text(let y)) where op == .add:
            return Value(.text(x + y), lineage: lineage)
        default:
            throw EvalError(.cannotApply(op.rawValue, a.kindName, b.kindName), range)
        }
    }

    func quantityArithmetic(_ op: BinaryOp, _ x: Quantity, _ y: Quantity, range: SourceRange) throws -> (Quantity, Lineage) {
        switch op {
        case .add where x.unit == y.unit, .sub where x.unit == y.unit:
            var q = Quantity(op == .add ? x.nominal + y.nominal : x.nominal - y.nominal, unit: x.unit)
            q.interval = op == .add ? x.interval + y.interval : x.interval - y.interval
            return (q, Lineage())
        case .add, .sub:
            let d1 = store.units.dimension(of: x.unit)
            let d2 = store.units.dimension(of: y.unit)
            guard d1 == d2 else {
                throw EvalError(.unitMismatch(adding: op == .add, unitName(y.unit), to: unitName(x.unit), dimension: d2.name, expected: d1.name), range)
            }
            let (k, used) = try conversionFactor(from: y.unit, to: x.unit, range: range)
            let z = y.scaled(by: k)
            var q = Quantity(op == .add ? x.nominal + z.nominal : x.nominal - z.nominal, unit: x.unit)
            q.interval = op == .add ? x.interval + z.interval : x.interval - z.interval
            return (q, used)
        case .mul, .div:
            let unit = x.unit.combined(with: y.unit, sign: op == .mul ? 1 : -1)
            let interval: Interval
            let nominal: Double
            if op == .mul {
                interval = x.interval * y.interval
                nominal = x.nominal * y.nominal
            } else {
                do {
                    interval = try x.interval.dividing(by: y.interval)
                } catch IntervalError.divisionByZero {
                    throw EvalError(.divisionByZero, range)
                } catch {
                    throw EvalError(.divisionStraddlingZero, range,
                                    notes: ["the divisor lies in \(intervalText(y)), which has 0 inside it"])
                }
                nominal = y.nominal == 0 ? (x.nominal == 0 ? 0 : (x.nominal > 0 ? .infinity : -.infinity)) : x.nominal / y.nominal
            }
            var q = Quantity(nominal, unit: unit, interval: interval)
            let keepAbout = (x.isAbout && y.isExact && y.nominal > 0) || (y.isAbout && x.isExact && x.nominal > 0 && op == .mul)
            q.isAbout = keepAbout
            let (k, simplified, used) = try simplify(unit, range: range)
            q.unit = simplified
            if k != 1 { q = q.scaled(by: k) }
            q.isAbout = keepAbout
            return (q, used)
        case .pow:
            guard y.isPlainNumber, y.nominal == y.nominal.rounded(), abs(y.nominal) <= 64 else {
                throw EvalError(.powerNeedsWholeNumber, range)
            }
            let n = Int(y.nominal)
            if n < 0 && x.interval.low.value <= 0 && x.interval.high.value >= 0 && !(x.interval.low.value == 0 && x.interval.high.value == 0) && (x.interval.low.value < 0 && x.interval.high.value > 0) {
                throw EvalError(.negativePowerStraddlingZero, range)
            }
            if n < 0 && x.nominal == 0 && x.isExact { throw EvalError(.divisionByZero, range) }
            var q = Quantity(pow(x.nominal, n), unit: x.unit.power(n), interval: x.interval.power(n))
            let (k, simplified, used) = try simplify(q.unit, range: range)
            q.unit = simplified
            if k != 1 { q = q.scaled(by: k) }
            return (q, used)
        default:
            throw EvalError(.notArithmetic(op.rawValue), range)
        }
    }

    /// Cancels atoms of one dimension that meet with opposite signs (`bbl/day * yr`
    /// is bbl; `USD / GBP` is a plain number through the rate), and folds `%`
    /// into the figure once other units stand beside it.
    func simplify(_ unit: Unit, range: SourceRange) throws -> (Double, Unit, Lineage) {
        var factors = unit.factors
        var k = 1.0
        var lineage = Lineage()
        var changed = true
        while changed {
            changed = false
            search: for i in factors.indices {
                for j in factors.indices where j > i {
                    let a = factors[i], b = factors[j]
                    guard a.atom != b.atom, (a.exponent > 0) != (b.exponent > 0),
                          let atomA = store.units.atom(named: a.atom), let atomB = store.units.atom(named: b.atom),
                          atomA.dimension == atomB.dimension, !atomA.dimension.isNone else { continue }
                    guard let (factor, used) = try? conversionFactor(from: Unit([.init(b.atom, 1)]), to: Unit([.init(a.atom, 1)]), range: range) else { continue }
                    k *= pow(factor, b.exponent)
                    lineage = lineage.merged(with: used)
                    factors[i].exponent += b.exponent
                    factors.remove(at: j)
                    factors.removeAll { $0.exponent == 0 }
                    changed = true
                    break search
                }
            }
        }
        if let p = factors.firstIndex(where: { $0.atom == "%" }), factors.count > 1 || factors[p].exponent != 1 {
            k *= pow(0.01, factors[p].exponent)
            factors.remove(at: p)
        }
        return (k, Unit(factors), lineage)
    }

    func negate(_ v: Value, range: SourceRange) throws -> Value {
        guard case .quantity(var q) = v.payload else {
            throw EvalError(.cannotNegate(v.kindName), range)
        }
        q.nominal = -q.nominal
        q.interval = -q.interval
        q.isAbout = false
        return Value(.quantity(q), lineage: v.lineage)
    }

    /// Converts a quantity to `unit`; `about` survives conversion.
    func convert(_ v: Value, to unit: Unit, range: SourceRange) throws -> Value {
        guard case .quantity(let q) = v.payload else {
            throw EvalError(.cannotConvert("\(v.kindName) to \(unit.description)"), range)
        }
        let (k, used) = try conversionFactor(from: q.unit, to: unit, range: range)
        var r = q.scaled(by: k)
        r.isAbout = q.isAbout
        r.unit = unit
        return Value(.quantity(r), lineage: v.lineage.merged(with: used))
    }

    /// `y`'s interval in `x`'s unit, snapped to `x`'s ends, and the rates the
    /// conversion used: how comparisons and `in` set two quantities side by
    /// side. Two dimensions cannot meet.
    func interval(of y: Quantity, in x: Quantity, range: SourceRange) throws -> (Interval, Lineage) {
        if x.unit == y.unit { return (Session.snapped(y.interval, to: x.interval), Lineage()) }
        let d1 = store.units.dimension(of: x.unit)
        let d2 = store.units.dimension(of: y.unit)
        guard d1 == d2 else {
            throw EvalError(.cannotCompare("\(unitName(x.unit)) with \(unitName(y.unit)): \(d1.name) is not \(d2.name)"), range)
        }
        let (k, used) = try conversionFactor(from: y.unit, to: x.unit, range: range)
        return (Session.snapped(y.scaled(by: k).interval, to: x.interval), used)
    }

    /// Three-valued comparison. Throws `EvalError` for values of kinds (or
    /// dimensions) that do not compare.
    func compare(_ op: ComparisonOp, _ a: Value, _ b: Value, range: SourceRange) throws -> (Truth, Lineage) {
        let lineage = a.lineage.merged(with: b.lineage)
        switch (a.payload, b.payload) {
        case (.quantity(let x), .quantity(let y)):
            let (other, used) = try interval(of: y, in: x, range: range)
            return (x.interval.compare(op, other), lineage.merged(with: used))
        case (.date(let x), .date(let y)):
            return (x.compare(op, y), lineage)
        case (.empty, .empty), (.empty, .text("")), (.text(""), .empty):
            // An empty cell equals "" and nothing else: `where hedge != ""` keeps the hedged facts.
            return (op == .eq || op == .le || op == .ge ? .yes : (op == .ne ? .no : .no), lineage)
        case (.empty, _), (_, .empty):
            return (op == .eq ? .no : (op == .ne ? .yes : .unknown), lineage)
        default:
            break
        }
        if let x = identity(a), let y = identity(b) {
            return (orderTruth(op, x.compare(y)), lineage)
        }
        if case .truth(let x) = a.payload, case .truth(let y) = b.payload, op == .eq || op == .ne {
            if x == .unknown || y == .unknown { return (.unknown, lineage) }
            return ((x == y) == (op == .eq) ? .yes : .no, lineage)
        }
        if case .list(let xs) = a.payload, case .list(let ys) = b.payload, op == .eq || op == .ne {
            // Lists nested thousands deep (`let a = [a]`, again and again), or
            // holding themselves twice over and over (2^n items): an error, or
            // Ctrl-C at the prompt, rather than a stack overflow or a hang.
            guard StackGuard.hasRoom() else { throw EvalError(.listsTooDeepToCompare, range) }
            try checkInterrupt(range)
            var result: Truth = xs.count == ys.count ? .yes : .no
            if xs.count == ys.count {
                for (x, y) in zip(xs, ys) { result = result.and(try compare(.eq, x, y, range: range).0) }
            }
            return (op == .eq ? result : result.negated, lineage)
        }
        throw EvalError(.cannotCompare("\(a.kindName) with \(b.kindName)"), range)
    }

    /// Moves ends of `b` that equal ends of `a` to 12 significant digits onto
    /// them, so figures compare as they are written and shown (0.1 + 0.2 == 0.3),
    /// not as their binary approximations.
    static func snapped(_ b: Interval, to a: Interval) -> Interval {
        func snap(_ e: Endpoint) -> Endpoint {
            for target in [a.low, a.high] where target.value.isFinite && e.value.isFinite && e.value != target.value {
                if (e.value - target.value).magnitude <= 1e-12 * max(e.value.magnitude, target.value.magnitude) {
                    return Endpoint(value: target.value, open: e.open)
                }
            }
            return e
        }
        return Interval(low: snap(b.low), high: snap(b.high))
    }

    /// Texts, entities and sources compare by their text (an entity by its id).
    func identity(_ v: Value) -> String? {
        switch v.payload {
        case .text(let s): return s
        case .entity(let e): return e.id
        case .source(let s): return s.id
        default: return nil
        }
    }

    func orderTruth(_ op: ComparisonOp, _ order: Order) -> Truth {
        let holds: Bool
        switch op {
        case .eq: holds = order == .same
        case .ne: holds = order != .same
        case .lt: holds = order == .less
        case .le: holds = order != .more
        case .gt: holds = order == .more
        case .ge: holds = order != .less
        }
        return Truth(holds)
    }

    func intervalText(_ q: Quantity) -> String {
        let lo = q.interval.low, hi = q.interval.high
        return (lo.open ? "(" : "[") + NumberFormat.display(lo.value) + ", " + NumberFormat.display(hi.value) + (hi.open ? ")" : "]")
    }
}

enum Order { case less, same, more }

extension String {
    func compare(_ other: String) -> Order {
        self < other ? .less : (self == other ? .same : .more)
    }
}
