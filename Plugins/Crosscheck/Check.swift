import SteppeCore

/// Whether two figures for one property agree.
enum Verdict: String {
    /// Their bounds meet: some figure lies within both.
    case consistent
    /// Their bounds are apart.
    case inconsistent
    /// They cannot be compared: different dimensions, no rate, text against a figure.
    case undecided
}

/// The article's statement of a property against one other source's.
struct Check {
    var article: Fact
    var reference: Fact
    var verdict: Verdict
    /// The reference figure in the article's unit, when the units differ.
    var converted: Value?
    /// The rates that conversion used.
    var rates: [Fact] = []
    /// Why the verdict is undecided.
    var reason: String?

    init(article: Fact, reference: Fact, _ context: CommandContext) {
        self.article = article
        self.reference = reference
        (verdict, converted, reason) = Check.judge(article.tracedValue, reference.tracedValue, context)
        for case .rate(let f) in converted?.lineage.items ?? [] where !rates.contains(f) {
            rates.append(f)
        }
    }

    /// The verdict from the bounds: figures after converting to the
    /// article's unit, dates as the periods they stand for.
    static func judge(_ a: Value, _ r: Value, _ context: CommandContext) -> (Verdict, Value?, String?) {
        switch (a.payload, r.payload) {
        case (.quantity(let qa), .quantity(let qr)):
            let da = context.dimension(of: qa.unit), dr = context.dimension(of: qr.unit)
            guard da == dr else { return (.undecided, nil, "\(dr.name) is not \(da.name)") }
            let converted: Value
            do {
                converted = qr.unit == qa.unit ? r : try context.convert(r, to: qa.unit)
            } catch let e as EvalError {
                return (.undecided, nil, e.message)
            } catch {
                return (.undecided, nil, "cannot convert \(qr.unit.description) to \(qa.unit.description)")
            }
            guard let qc = converted.quantity else { return (.undecided, nil, nil) }
            let verdict: Verdict = qa.interval.meets(qc.interval) ? .consistent : .inconsistent
            return (verdict, qr.unit == qa.unit ? nil : converted, nil)
        case (.date(let x), .date(let y)):
            return (x.meets(y) ? .consistent : .inconsistent, nil, nil)
        case (.truth(let x), .truth(let y)):
            if x == .unknown || y == .unknown { return (.undecided, nil, "one of them is unknown") }
            return (x == y ? .consistent : .inconsistent, nil, nil)
        case (.text(let x), .text(let y)):
            return x == y ? (.consistent, nil, nil) : (.undecided, nil, "two texts that differ may still agree")
        case (.entity(let x), .entity(let y)):
            return x.id == y.id ? (.consistent, nil, nil) : (.undecided, nil, "\(x.name) and \(y.name) may both be right")
        default:
            return (.undecided, nil, "\(a.kindName) against \(r.kindName)")
        }
    }

    /// `subject, property, article, reference, source, verdict`; the verdict
    /// carries the lineage of both figures and of the rates used.
    func row(_ context: CommandContext) -> [Value] {
        let subject = context.entity(article.subject).map { Value(.entity($0)) } ?? .text(article.subject)
        var lineage = article.tracedValue.lineage.merged(with: reference.tracedValue.lineage)
        for f in rates { lineage.append(.rate(f)) }
        return [subject, .text(article.property), article.tracedValue, reference.tracedValue,
                Value(.source(reference.source)), Value(.text(verdict.rawValue), lineage: lineage)]
    }
}
