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
    /// The two sides as shown: a figure each, or for lists every statement.
    var articleValue: Value
    var referenceValue: Value
    /// For lists: how many of the reference's items the article names.
    var note: String?

    init(article: Fact, reference: Fact, _ context: CommandContext) {
        self.article = article
        self.reference = reference
        articleValue = article.tracedValue
        referenceValue = reference.tracedValue
        (verdict, converted, reason) = Check.judge(article.tracedValue, reference.tracedValue, context)
        for case .rate(let f) in converted?.lineage.items ?? [] where !rates.contains(f) {
            rates.append(f)
        }
    }

    /// The article's list against one reference source's (several statements
    /// of one property; a single statement is a list of one): consistent when
    /// every item the article gives is among the reference's.
    init(articleList: [Fact], referenceList: [Fact], _ context: CommandContext) {
        article = articleList[0]
        reference = referenceList[0]
        articleValue = Check.list(articleList)
        referenceValue = Check.list(referenceList)
        func among(_ f: Fact, _ list: [Fact]) -> Bool {
            list.contains { (try? context.compare(.eq, f.value, $0.value)) == .yes }
        }
        let named = referenceList.filter { among($0, articleList) }.count
        verdict = articleList.allSatisfy { among($0, referenceList) } ? .consistent : .inconsistent
        note = "the article names \(named) of \(referenceList.count)"
    }

    static func list(_ facts: [Fact]) -> Value {
        var lineage = Lineage()
        for f in facts { lineage.append(.fact(f)) }
        return Value(.list(facts.map(\.tracedValue)), lineage: lineage)
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

    /// `subject, property, article, reference, source, verdict, note`; the
    /// verdict carries the lineage of both figures and of the rates used.
    func row(_ context: CommandContext) -> [Value] {
        let subject = context.entity(article.subject).map { Value(.entity($0)) } ?? .text(article.subject)
        var lineage = articleValue.lineage.merged(with: referenceValue.lineage)
        for f in rates { lineage.append(.rate(f)) }
        return [subject, .text(article.property), articleValue, referenceValue,
                Value(.source(reference.source)), Value(.text(verdict.rawValue), lineage: lineage),
                note.map(Value.text) ?? .empty]
    }
}
