import SteppeCore

/// One plain sentence that says what a ratio means:
/// "Kazakhstan's oil wealth per person is worth more than 68.7 years of its
/// average income, which the article gives as a ceiling."
struct Sentence {
    var a: Value
    var b: Value
    var ratio: Value
    var context: CommandContext

    var text: String {
        guard let q = ratio.quantity else { return "" }
        let pathA = context.path(of: a)
        let pathB = context.path(of: b)
        let sameSubject = pathA != nil && pathA?.subject == pathB?.subject
        let bounded = q.bound != .exact
        let qualifierA = bounded ? qualifier(a) : ""
        let nameA = describe(a, pathA, pronoun: false) + (qualifierA.isEmpty ? "" : qualifierA + ",")
        let nameB = describe(b, pathB, pronoun: sameSubject) + (bounded ? qualifier(b) : "")
        let plural = Sentence.isPlural(pathA?.property)
        let sentence: String
        if q.unit.isNone && q.isExact && q.nominal == 1 {
            sentence = "\(nameA) \(plural ? "are" : "is") the same as \(nameB)"
        } else if q.unit.isNone {
            // Below 1, a share reads better than a fraction of "times".
            if q.nominal < 1 && q.interval.high.value <= 1 {
                sentence = "\(nameA) \(plural ? "are" : "is") \(Sentence.amount(q.scaled(by: 100))) % of \(nameB)"
            } else {
                sentence = "\(nameA) \(plural ? "are" : "is") \(Sentence.amount(q)) times \(nameB)"
            }
        } else if let words = Sentence.timeWords(q) {
            let verb = isMoney(a) ? (plural ? "are worth" : "is worth") : (plural ? "equal" : "equals")
            sentence = "\(nameA) \(verb) \(Sentence.amount(q)) \(words)\(inYears(q)) of \(nameB)"
        } else {
            sentence = "\(nameA) divided by \(nameB) is \(Sentence.amount(q)) \(q.unit.description)"
        }
        return Sentence.capitalized(sentence) + "."
    }

    /// " (44 years)" after a long count of days or months.
    func inYears(_ q: Quantity) -> String {
        guard let atom = q.unit.factors.first?.atom, atom == "day" || atom == "month",
              let yr = try? context.unit("yr"),
              let years = try? context.convert(Value(.quantity(q)), to: yr), let y = years.quantity,
              Swift.max(y.nominal, y.interval.low.value) >= 2 else { return "" }
        return " (\(Sentence.amount(y)) years)"
    }

    /// "reserves", "borders", "killed": a property named in the plural
    /// (the killed, the arrested are people).
    static func isPlural(_ property: String?) -> Bool {
        guard let last = property?.split(separator: "_").last else { return false }
        if last.hasSuffix("ed") { return true }
        guard last.hasSuffix("s") else { return false }
        return !(last.hasSuffix("ss") || last.hasSuffix("us") || last.hasSuffix("is"))
    }

    /// Money, or money per something (USD/person): it "is worth" so many years.
    func isMoney(_ v: Value) -> Bool {
        guard let unit = v.quantity?.unit else { return false }
        return unit.factors.contains { f in
            f.exponent == 1 && context.dimension(of: Unit([Unit.Factor(f.atom, 1)])) == .money
        }
    }

    /// "Kazakhstan's oil wealth per person", "killed in the January 2022
    /// protests", "the price of Crude oil (Brent)"; "its …" for a second
    /// property of the same subject.
    func describe(_ v: Value, _ path: (subject: String, property: String)?, pronoun: Bool) -> String {
        guard let path else { return ValueText.plain(v) }
        let words = path.property.split(separator: "_").joined(separator: " ")
        guard let entity = context.entity(path.subject) else { return "\(path.subject).\(path.property)" }
        switch entity.kind {
        case "event":
            return pronoun ? "the \(words)" : "\(words) in the \(entity.name)"
        case "country", "region", "person", "organisation", "group", "place":
            if pronoun { return "its \(words)" }
            return entity.name + (entity.name.hasSuffix("s") ? "' " : "'s ") + words
        default:
            return pronoun ? "its \(words)" : "the \(words) of \(entity.name)"
        }
    }

    /// ", which the article gives as a ceiling": why the ratio is a bound.
    func qualifier(_ v: Value) -> String {
        guard let q = v.quantity else { return "" }
        let what: String
        switch q.bound {
        case .exact: return ""
        case .lessThan, .atMost: what = "as a ceiling"
        case .moreThan, .atLeast: what = "as a floor"
        case .about: what = "roughly"
        case .range: what = "as a range"
        }
        for item in v.lineage.items {
            switch item {
            case .fact(let f):
                return ", which " + (f.source.isArticle ? "the article" : f.source.publisher ?? f.source.title) + " gives " + what
            case .assumption: return ", which you set " + what
            case .rule: return ", which works out " + what
            case .rate, .note: continue
            }
        }
        return ", given " + what
    }

    /// "more than 68.7", "about 30", "between 2 and 3": the figure a reader needs.
    static func amount(_ q: Quantity) -> String {
        let lo = q.interval.low.value, hi = q.interval.high.value
        switch q.bound {
        case .exact: return figure(q.nominal)
        case .moreThan: return "more than " + figure(lo)
        case .atLeast: return "at least " + figure(lo)
        case .lessThan: return "less than " + figure(hi)
        case .atMost: return "at most " + figure(hi)
        case .about: return "about " + figure(q.nominal)
        case .range: return "between " + figure(lo) + " and " + figure(hi)
        }
    }

    /// "years", "months", "days" when the ratio is a plain duration.
    static func timeWords(_ q: Quantity) -> String? {
        guard q.unit.factors.count == 1, let f = q.unit.factors.first, f.exponent == 1 else { return nil }
        switch f.atom {
        case "yr": return "years"
        case "month": return "months"
        case "day": return "days"
        default: return nil
        }
    }

    /// Three significant digits, never dropping a digit before the point: 68.72 → 68.7, 1234.5 → 1,235.
    static func figure(_ x: Double) -> String {
        guard x.isFinite, x != 0 else { return NumberFormat.display(x) }
        // Digits before the point; negative for 0.00x.
        var integerDigits = 0
        var m = x.magnitude
        while m >= 1 { m /= 10; integerDigits += 1 }
        while m < 0.1 { m *= 10; integerDigits -= 1 }
        let decimals = Swift.min(12, 3 - integerDigits)
        if decimals > 0 {
            var scale = 1.0
            for _ in 0..<decimals { scale *= 10 }
            return NumberFormat.display((x * scale).rounded() / scale)
        }
        return NumberFormat.display(x.rounded())
    }

    static func capitalized(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }
}
