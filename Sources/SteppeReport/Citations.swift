import SteppeCore

/// The numbered Sources list: one entry per source and place, numbered in
/// order of first citation, with the quotes of the facts cited there.
struct Citations {
    struct Entry {
        var number: Int
        var source: SourceInfo
        /// `¶3`, `table 1`; nil when the fact names no place.
        var place: String?
        /// The quotes of the cited facts at this place, in order, once each.
        var quotes: [String] = []
        /// Facts without a quote, as `subject.property = value`.
        var figures: [String] = []
    }

    struct Key: Hashable {
        var source: String
        var place: String?
    }

    private(set) var entries: [Entry] = []
    private var numbers: [Key: Int] = [:]

    /// The entry number of a fact (or rate), adding its entry or quote.
    mutating func mark(_ f: Fact) -> Int {
        let key = Key(source: f.source.id, place: f.at)
        let n: Int
        if let known = numbers[key] {
            n = known
        } else {
            n = entries.count + 1
            numbers[key] = n
            entries.append(Entry(number: n, source: f.source, place: f.at))
        }
        if let q = f.quote {
            if !entries[n - 1].quotes.contains(q) { entries[n - 1].quotes.append(q) }
        } else {
            let figure = "\(f.subject).\(f.property) = \(ValueText.plain(f.value))"
            if !entries[n - 1].figures.contains(figure) { entries[n - 1].figures.append(figure) }
        }
        return n
    }
}

/// What a value's lineage comes to: its facts and rates (cited), the
/// assumptions it rests on, in the order they were met.
struct LineageSummary {
    var facts: [Fact] = []
    var rates: [Fact] = []
    /// `kazakhstan.oil_reserves_share = 1.73 % (set at FILE:LINE)`, and notes.
    var assumptions: [String] = []

    init(_ lineage: Lineage) {
        add(lineage.items, depth: 0)
    }

    init(_ lineages: [Lineage]) {
        for l in lineages { add(l.items, depth: 0) }
    }

    private mutating func add(_ items: [Lineage.Item], depth: Int) {
        guard depth < 200 else { return }
        for item in items {
            switch item {
            case .fact(let f):
                if !facts.contains(f) { facts.append(f) }
                add(f.value.lineage.items, depth: depth + 1)
            case .rate(let f):
                if !rates.contains(f) { rates.append(f) }
            case .assumption(let subject, let property, let value, let place):
                let text = "\(subject).\(property) = \(value) (set at \(place))"
                if !assumptions.contains(text) { assumptions.append(text) }
            case .note(let text):
                if !assumptions.contains(text) { assumptions.append(text) }
            case .rule(_, _, _, let inputs):
                add(inputs, depth: depth + 1)
            }
        }
    }

    var isEmpty: Bool { facts.isEmpty && rates.isEmpty && assumptions.isEmpty }

    /// The marks of its facts, then of its rates, each number once.
    func marks(_ citations: inout Citations) -> [Int] {
        var out: [Int] = []
        for f in facts + rates {
            let n = citations.mark(f)
            if !out.contains(n) { out.append(n) }
        }
        return out
    }
}

extension Fact {
    /// `1.3557 USD/GBP (International Monetary Fund, 2022-01)`.
    var rateText: String {
        var source = self.source.publisher ?? self.source.title
        if let on { source += ", \(on)" }
        return ValueText.plain(value) + " (" + source + ")"
    }
}
