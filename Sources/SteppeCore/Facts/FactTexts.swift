/// The texts of every loaded fact, for plugins that look through them
/// (`search`): each distinct text once, and for each fact, the number of the
/// text in each of its parts, read from the fact's compact record. Reading a
/// part allocates nothing, so a scan over a million facts costs a few array
/// reads per fact.
public final class FactTexts: @unchecked Sendable {
    /// The parts of a fact that hold text.
    public enum Part: Int, Sendable, CaseIterable {
        /// The subject's id, name and aliases, one a line.
        case subject
        case property
        /// The value as the table format shows it. For an exact figure held
        /// inline, only its unit as shown (`people`); its number is `figure(of:)`.
        case value
        case quote
        case topic
        case hedge
        /// The claimant's name.
        case claimant
        /// The source's title and publisher, one a line.
        case source
    }

    /// Every distinct text, as written.
    public let texts: [String]
    /// The same texts folded for search: lower case, with `_` and `-` read as
    /// spaces (LANGUAGE.md, "Commands": `search city halls` finds `city_halls`).
    public let folded: [String]

    private let store: FactStore
    private let subjectText: [Int32]
    private let claimantText: [Int32]
    private let sourceText: [Int32]
    /// Per unit id, the unit as shown after a figure other than one, then after one.
    private let unitText: [Int32]
    private let sideText: [Int32]
    private let textsOffset: Int32

    /// The number of facts.
    public var count: Int { store.records.count }

    init(_ store: FactStore) {
        self.store = store
        var texts: [String] = []
        var index: [String: Int32] = [:]
        func add(_ s: String) -> Int32 {
            if let i = index[s] { return i }
            let i = Int32(texts.count)
            texts.append(s)
            index[s] = i
            return i
        }
        for name in store.names.items { _ = add(name) }
        // Quotes, topics and hedges keep the store's numbering after the names.
        textsOffset = Int32(texts.count)
        for t in store.texts.items {
            texts.append(t)
            if index[t] == nil { index[t] = Int32(texts.count - 1) }
        }
        subjectText = store.names.items.map { id in
            guard let e = store.entities[id] else { return add(id) }
            return add(([e.id, e.name] + e.aliases).joined(separator: "\n"))
        }
        claimantText = store.names.items.map { add(store.entities[$0]?.name ?? $0) }
        sourceText = store.sourceList.map { add([$0.title, $0.publisher ?? ""].joined(separator: "\n")) }
        var units: [Int32] = []
        for i in 0..<store.unitIDs.count {
            let unit = store.unitIDs[Int32(i)]
            for n in [2.0, 1.0] {
                let shown = ValueText.quantity(Quantity(n, unit: unit))
                units.append(add(String(shown.drop { $0 != " " }.dropFirst())))
            }
        }
        unitText = units
        sideText = store.sideValues.map { add(ValueText.plain($0)) }
        self.texts = texts
        folded = texts.map(FactTexts.fold)
    }

    /// Lower case, with `_` and `-` read as spaces.
    public static func fold(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.lowercased() {
            out.append(c == "_" || c == "-" ? " " : c)
        }
        return out
    }

    /// The number in `texts` of one part of the fact at `fact` (load order),
    /// or -1 when the fact has no such part.
    public func text(_ part: Part, of fact: Int) -> Int {
        let r = store.records[fact]
        switch part {
        case .subject: return Int(subjectText[Int(r.subject)])
        case .property: return Int(r.property)
        case .value:
            if r.inline { return Int(unitText[Int(r.unitOrValue) * 2 + (r.nominal == 1 || r.nominal == -1 ? 1 : 0)]) }
            return Int(sideText[Int(r.unitOrValue)])
        case .quote, .topic, .hedge, .claimant:
            guard r.details != FactRecord.none else { return -1 }
            let d = store.detailRows[r.details]
            switch part {
            case .quote: return d.quote == FactRecord.none ? -1 : Int(textsOffset + d.quote)
            case .topic: return d.topic == FactRecord.none ? -1 : Int(textsOffset + d.topic)
            case .hedge: return d.hedge == FactRecord.none ? -1 : Int(textsOffset + d.hedge)
            default: return d.claimant == FactRecord.none ? -1 : Int(claimantText[Int(d.claimant)])
            }
        case .source: return Int(sourceText[Int(r.source)])
        }
    }

    /// The figure of a fact whose value is an exact figure held inline, or nil.
    public func figure(of fact: Int) -> Double? {
        let r = store.records[fact]
        return r.inline ? r.nominal : nil
    }

    /// The figure's number as the table format shows it (`2,500`).
    public static func shownNumber(_ x: Double) -> String { NumberFormat.display(x) }
}

extension FactStore {
    /// The texts of the facts, made once per change of the store.
    public var factTexts: FactTexts {
        if let (generation, texts) = factTextsCache, generation == self.generation { return texts }
        let texts = FactTexts(self)
        factTextsCache = (generation, texts)
        return texts
    }

    /// The facts (by load order) whose value is this entity, or a list that holds it.
    public func facts(mentioning entity: String) -> [Int] {
        func holds(_ v: Value) -> Bool {
            switch v.payload {
            case .entity(let e): return e.id == entity
            case .list(let items): return items.contains(where: holds)
            default: return false
            }
        }
        var result: [Int] = []
        for (i, r) in records.enumerated() where !r.inline && holds(sideValues[Int(r.unitOrValue)]) {
            result.append(i)
        }
        return result
    }

    /// The facts (by load order) that a source states.
    public func facts(from source: String) -> [Int] {
        guard let s = sourceID(source) else { return [] }
        var result: [Int] = []
        for (i, r) in records.enumerated() where r.source == s { result.append(i) }
        return result
    }

    /// Properties stated for a subject by facts, in the order each was first stated.
    public func statedProperties(of subject: String) -> [String] {
        guard let s = names.id(subject), Int(s) < subjectProperties.count else { return [] }
        return subjectProperties[Int(s)].map { names[$0] }
    }
}
