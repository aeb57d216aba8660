/// Unit conversion, including currencies chained through the `rate` facts in
/// scope (`gbp.rate = 1.3557 USD/GBP`); the rates used join the lineage.
extension Session {
    /// The factor that turns a figure in `from` into one in `to`, and the
    /// rates it used. Throws when the dimensions differ or a rate is missing.
    func conversionFactor(from: Unit, to: Unit, range: SourceRange) throws -> (Double, Lineage) {
        if from == to { return (1, Lineage()) }
        let units = store.units
        let d1 = units.dimension(of: from)
        let d2 = units.dimension(of: to)
        guard d1 == d2 else {
            throw EvalError(.cannotConvert("\(unitName(from)) to \(unitName(to)): \(d1.name) is not \(d2.name)"), range)
        }
        if from == to { return (1, Lineage()) }
        let pivot = firstCurrency(to) ?? firstCurrency(from)
        let (a, l1) = try scale(of: from, pivot: pivot, range: range)
        let (b, l2) = try scale(of: to, pivot: pivot, range: range)
        return (a / b, l1.merged(with: l2))
    }

    func unitName(_ u: Unit) -> String { u.isNone ? "a plain number" : u.description }

    func firstCurrency(_ u: Unit) -> String? {
        for f in u.factors { if let c = store.units.atom(named: f.atom)?.currency { return c } }
        return nil
    }

    /// Size of `unit` in base units, currencies counted in `pivot`.
    func scale(of unit: Unit, pivot: String?, range: SourceRange) throws -> (Double, Lineage) {
        var k = 1.0
        var lineage = Lineage()
        for f in unit.factors {
            guard let atom = store.units.atom(named: f.atom) else {
                throw EvalError(.unknownUnit(f.atom), range)
            }
            var s = atom.scale
            if let currency = atom.currency, let pivot, currency != pivot {
                let (rate, used) = try exchangeRate(from: currency, to: pivot, range: range)
                s *= rate
                lineage = lineage.merged(with: used)
            }
            k *= pow(s, f.exponent)
        }
        return (k, lineage)
    }

    /// How many `to` one `from` is worth, by the shortest chain of rate facts.
    func exchangeRate(from: String, to: String, range: SourceRange) throws -> (Double, Lineage) {
        if from == to { return (1, Lineage()) }
        let edges = try rateEdges()
        var best: [String: (Double, Lineage)] = [from: (1, Lineage())]
        var queue = [from]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            guard let (k, lineage) = best[next] else { continue }
            for edge in edges where edge.from == next && best[edge.to] == nil {
                best[edge.to] = (k * edge.factor, lineage.merged(with: edge.lineage))
                if edge.to == to, let found = best[to] { return found }
                queue.append(edge.to)
            }
        }
        throw EvalError(.noExchangeRate(from: "\(from)", to: "\(to)"), range,
                        notes: ["rates are facts named 'rate' on a currency, such as gbp.rate = 1.3557 USD/GBP"])
    }

    struct RateEdge {
        var from: String
        var to: String
        var factor: Double
        var lineage: Lineage
    }

    /// Every `rate` fact in scope (preferred value, so a `set` wins), both ways.
    func rateEdges() throws -> [RateEdge] {
        if let cached = cache.rateEdges { return cached }
        var edges: [RateEdge] = []
        var subjects = store.subjects(with: "rate")
        for key in assumptions.keys where key.hasSuffix(".rate") {
            let subject = String(key.dropLast(5))
            if !subjects.contains(subject) { subjects.append(subject) }
        }
        for subject in subjects {
            guard let value = try? propertyValue(subject: subject, property: "rate", range: .none),
                  case .quantity(let q) = value.payload else { continue }
            let money = q.unit.factors.compactMap { f -> (String, Int)? in
                guard let c = store.units.atom(named: f.atom)?.currency, f.atom == c else { return nil }
                return (c, f.exponent)
            }
            guard money.count == 2, let per = money.first(where: { $0.1 == -1 }), let unit = money.first(where: { $0.1 == 1 }),
                  q.nominal > 0 else { continue }
            var lineage = Lineage()
            for item in value.lineage.items {
                if case .fact(let f) = item { lineage.append(.rate(f)) } else { lineage.append(item) }
            }
            edges.append(RateEdge(from: per.0, to: unit.0, factor: q.nominal, lineage: lineage))
            edges.append(RateEdge(from: unit.0, to: per.0, factor: 1 / q.nominal, lineage: lineage))
        }
        cache.rateEdges = edges
        return edges
    }
}

/// Integer power without Foundation.
func pow(_ x: Double, _ n: Int) -> Double {
    if n == 0 { return 1 }
    var result = 1.0
    var base = n < 0 ? 1 / x : x
    var e = n.magnitude
    while e > 0 {
        if e & 1 == 1 { result *= base }
        base *= base
        e >>= 1
    }
    return result
}
