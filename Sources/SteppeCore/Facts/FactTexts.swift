/// The texts of every loaded fact, for plugins that look through them
/// (`search`): each distinct text once, and for each fact, the number of the
/// text in each of its parts, read from the fact's compact record a block of
/// facts at a time (`read`), so a scan over a million facts allocates
/// nothing per fact.
public final class FactTexts {
    /// The parts of a fact that hold text.
    public enum Part: Int, Sendable, CaseIterable {
        /// The subject's id, name and aliases, one a line.
        case subject
        case property
        /// The value as the table format shows it. For an exact figure held
        /// inline, only its unit as shown (`people`); `read` gives its number.
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

    /// How many parts a fact has: the stride of `read`'s buffer.
    public static let partCount = Part.allCases.count

    /// Reads the parts of the facts in `range` at once: `parts` gets
    /// `partCount` text numbers a fact, in `Part` order (-1 for none), and
    /// `figures` each fact's inline figure (nan when its value is not one).
    /// One call reads thousands of facts, so a scan pays for no call per fact.
    public func read(_ range: Range<Int>, parts: inout [Int32], figures: inout [Double]) {
        let n = FactTexts.partCount
        parts.removeAll(keepingCapacity: true)
        figures.removeAll(keepingCapacity: true)
        parts.reserveCapacity(range.count * n)
        figures.reserveCapacity(range.count)
        let none = FactRecord.none
        store.records.withUnsafeBufferPointer { records in
            store.detailRows.items.withUnsafeBufferPointer { details in
                for i in range {
                    let r = records[i]
                    parts.append(subjectText[Int(r.subject)])
                    parts.append(r.property)
                    if r.inline {
                        parts.append(unitText[Int(r.unitOrValue) * 2 + (r.nominal == 1 || r.nominal == -1 ? 1 : 0)])
                        figures.append(r.nominal)
                    } else {
                        parts.append(sideText[Int(r.unitOrValue)])
                        figures.append(.nan)
                    }
                    if r.details == none {
                        parts.append(-1); parts.append(-1); parts.append(-1); parts.append(-1)
                    } else {
                        let d = details[Int(r.details)]
                        parts.append(d.quote == none ? -1 : textsOffset + d.quote)
                        parts.append(d.topic == none ? -1 : textsOffset + d.topic)
                        parts.append(d.hedge == none ? -1 : textsOffset + d.hedge)
                        parts.append(d.claimant == none ? -1 : claimantText[Int(d.claimant)])
                    }
                    parts.append(sourceText[Int(r.source)])
                }
            }
        }
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
        guard let s = names.id(subject) else { return [] }
        return statedProperties(ofSubject: s).map { names[$0] }
    }
}
