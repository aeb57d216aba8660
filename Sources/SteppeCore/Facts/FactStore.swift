/// Every loaded entity, source, fact, rule and unit. Facts are compact
/// records indexed by (subject, property). A class, so reading it from the
/// session never copies its tables; loading is all-or-nothing through
/// `copy()`: a pack is loaded into the store, and on any error the copy taken
/// before replaces it.
public final class FactStore {
    public private(set) var entities: [String: Entity] = [:]
    public private(set) var entityOrder: [String] = []
    private var aliasIndex: [String: String] = [:]
    public private(set) var sources: [String: SourceInfo] = [:]
    public private(set) var sourceOrder: [String] = []
    private(set) var sourceList: [SourceInfo] = []
    private var sourceIndex: [String: Int32] = [:]
    public private(set) var rules: [String: Rule] = [:]
    public var units = UnitTable()
    /// Names of the packs loaded, in order.
    public private(set) var packs: [String] = []

    var names = TextInterner()
    var texts = TextInterner()
    var detailRows = Interner<FactDetails>()
    var unitIDs = Interner<Unit>()
    var records: [FactRecord] = []
    /// Values that do not fit a record: bounded figures, texts, lists, dates.
    var sideValues: [Value] = []
    /// The newest fact of each (subject, property), and for each fact the
    /// one before it of the same pair (-1 at the oldest).
    private var newestOfPair = PairIndex()
    private var olderOfPair: [Int32] = []
    /// For pairs with many facts, their facts by the hash of their claims
    /// (see `alreadyStated`).
    private var claimIndex: [Int64: [Int: Int32]] = [:]
    /// Properties stated for each subject, in first-stated order, by name
    /// id, as of the first `propertiesKnownThrough` facts: brought up to date
    /// when asked (`catchUpProperties`), so that loading a pack touches no
    /// per-subject list.
    private var subjectProperties: [[Int32]] = []
    private var propertiesKnownThrough = 0
    /// The pack of each run of facts loaded together: `(first fact, pack)`,
    /// in fact order (a record does not carry its pack).
    private var packRuns: [(start: Int32, pack: UInt16)] = []
    /// What `factTexts` made, and at which generation.
    var factTextsCache: (generation: Int, texts: FactTexts)?

    /// Counts the changes to what a look-up can return (facts, sources,
    /// entities, rules), so the session knows when its cached look-ups are stale.
    public private(set) var generation = 0

    public init() {}

    /// A store with the same contents; the tables are shared until either changes.
    public func copy() -> FactStore {
        let c = FactStore()
        c.entities = entities
        c.entityOrder = entityOrder
        c.aliasIndex = aliasIndex
        c.sources = sources
        c.sourceOrder = sourceOrder
        c.sourceList = sourceList
        c.sourceIndex = sourceIndex
        c.rules = rules
        c.units = units
        c.packs = packs
        c.names = names
        c.texts = texts
        c.detailRows = detailRows
        c.unitIDs = unitIDs
        c.records = records
        c.sideValues = sideValues
        c.newestOfPair = newestOfPair
        c.olderOfPair = olderOfPair
        c.claimIndex = claimIndex
        c.subjectProperties = subjectProperties
        c.propertiesKnownThrough = propertiesKnownThrough
        c.packRuns = packRuns
        c.generation = generation
        return c
    }

    public func beginPack(_ name: String) -> Int {
        packs.append(name)
        return packs.count - 1
    }

    public func add(_ entity: Entity) {
        generation &+= 1
        if entities[entity.id] == nil { entityOrder.append(entity.id) }
        entities[entity.id] = entity
        for alias in entity.aliases { aliasIndex[alias] = entity.id }
    }

    public func add(_ source: SourceInfo) {
        generation &+= 1
        if let i = sourceIndex[source.id] {
            sourceList[Int(i)] = source
        } else {
            sourceOrder.append(source.id)
            sourceIndex[source.id] = Int32(sourceList.count)
            sourceList.append(source)
        }
        sources[source.id] = source
    }

    public var factCount: Int { records.count }

    /// Adds a fact; it keeps only the notes of `value`'s lineage. A fact that
    /// restates one already held (the same claim: subject, property, source,
    /// `on` date, figure, topic and claimant, as when a pack is loaded twice)
    /// adds nothing: the first statement, with its place and quote, stays.
    func addFact(subject: String, property: String, value: Value, source: String, at: String?,
                          quote: String?, on: CivilDate?, topic: String?, claimant: String?, hedge: String? = nil,
                          pack: Int, line: Int) {
        let value = Value(value.payload, lineage: value.lineage.notesOnly)
        let sourceID = sourceIndex[source] ?? 0
        let s = names.intern(subject), p = names.intern(property)
        if alreadyStated(s, p, source: sourceID, on: on?.packed ?? 0, topic: topic, claimant: claimant, figure: { value }) {
            return
        }
        let d = details(at: at, quote: quote, topic: topic, claimant: claimant, hedge: hedge, on: on?.packed ?? 0)
        let r: FactRecord
        if case .quantity(let q) = value.payload, q.interval.isExact, !q.isAbout, value.lineage.isEmpty {
            r = FactRecord(subject: s, property: p, source: sourceID, details: d, line: Int32(clamping: line),
                           unit: unitIDs.intern(q.unit), nominal: q.nominal)
        } else {
            r = FactRecord(subject: s, property: p, source: sourceID, details: d, line: Int32(clamping: line),
                           side: Int32(sideValues.count))
            sideValues.append(value)
        }
        append(r, pack: pack)
    }

    /// The fast pack reader's way in: an exact figure.
    /// `ids` are the names' numbers when the reader already has them.
    func addExactFact(subject: String, property: String, ids: (Int32?, Int32?) = (nil, nil), nominal: Double, unit: Unit,
                      source: Int32, at: String?,
                      quote: String?, topic: String?, claimant: String?, hedge: String? = nil, on: Int32,
                      pack: Int, line: Int) {
        let s = ids.0 ?? names.intern(subject), p = ids.1 ?? names.intern(property)
        if alreadyStated(s, p, source: source, on: on, topic: topic, claimant: claimant,
                         figure: { Value(.quantity(Quantity(nominal, unit: unit))) }) {
            return
        }
        let unitID: Int32
        if let last = lastUnit, last.unit == unit { unitID = last.id } else {
            unitID = unitIDs.intern(unit)
            lastUnit = (unit, unitID)
        }
        append(FactRecord(subject: s, property: p, source: source,
                          details: details(at: at, quote: quote, topic: topic, claimant: claimant, hedge: hedge, on: on),
                          line: Int32(clamping: line), unit: unitID, nominal: nominal), pack: pack)
    }

    /// The unit of the last exact figure added, and its id: a pack's rows
    /// mostly share one.
    private var lastUnit: (unit: Unit, id: Int32)?

    /// An id that no record holds: a name or text never interned.
    private static let unseen: Int32 = -2

    /// Whether a fact already held makes this claim. Looks the topic and
    /// claimant up without interning them (one never seen cannot match). A pair with
    /// few facts is searched along its chain; one with many (a time series)
    /// keeps its facts by claim hash, so loading stays linear.
    private func alreadyStated(_ s: Int32, _ p: Int32, source: Int32, on: Int32,
                               topic: String?, claimant: String?, figure makeFigure: () -> Value) -> Bool {
        let key = PairIndex.key(s, p)
        guard var i = newestOfPair.newest(key, in: records) else { return false }
        let figure = makeFigure()
        let topicID = topic.map { texts.id($0) ?? FactStore.unseen } ?? FactRecord.none
        let claimantID = claimant.map { names.id($0) ?? FactStore.unseen } ?? FactRecord.none
        if topicID == FactStore.unseen || claimantID == FactStore.unseen { return false }
        let hash = FactStore.claimHash(source: source, on: on, topic: topicID, claimant: claimantID,
                                       figure: FactStore.figureHash(figure))
        func same(_ o: FactRecord) -> Bool {
            let d = details(of: o)
            return o.source == source && d.on == on && d.topic == topicID && d.claimant == claimantID
                && FactStore.sameFigure(value(of: o), figure)
        }
        if let known = claimIndex[key] {
            guard let candidate = known[hash] else { return false }
            if same(records[Int(candidate)]) { return true }
            // A collision of hashes: fall back to the chain.
        }
        var length = 0
        while i >= 0 {
            if same(records[Int(i)]) { return true }
            length += 1
            i = olderOfPair[Int(i)]
        }
        if length >= FactStore.longChain && claimIndex[key] == nil {
            claimIndex[key] = chainIndex(key)
        }
        return false
    }

    /// A pair with this many facts keeps its facts by claim hash.
    private static let longChain = 8

    /// The pair's facts by claim hash (the newest of each, as the chain runs newest first).
    private func chainIndex(_ key: Int64) -> [Int: Int32] {
        var out: [Int: Int32] = [:]
        var i = newestOfPair.newest(key, in: records) ?? -1
        while i >= 0 {
            let h = claimHash(of: records[Int(i)])
            if out[h] == nil { out[h] = i }
            i = olderOfPair[Int(i)]
        }
        return out
    }

    private func claimHash(of r: FactRecord) -> Int {
        let d = details(of: r)
        return FactStore.claimHash(source: r.source, on: d.on, topic: d.topic, claimant: d.claimant,
                                   figure: FactStore.figureHash(value(of: r)))
    }

    private static func claimHash(source: Int32, on: Int32, topic: Int32, claimant: Int32, figure: Int) -> Int {
        var h = Hasher()
        h.combine(source)
        h.combine(on)
        h.combine(topic)
        h.combine(claimant)
        h.combine(figure)
        return h.finalize()
    }

    /// Equal for figures that `sameFigure` finds the same.
    private static func figureHash(_ v: Value) -> Int {
        switch v.payload {
        case .quantity(let q): return q.hashValue
        case .text(let t): return t.hashValue
        case .entity(let e): return e.id.hashValue
        case .source(let s): return s.id.hashValue
        default: return JSON.encode(v).hashValue
        }
    }

    /// Two figures are the same when their quantities (bounds, nominal,
    /// unit) are equal; other values when they read the same in JSON.
    static func sameFigure(_ a: Value, _ b: Value) -> Bool {
        switch (a.payload, b.payload) {
        case (.quantity(let x), .quantity(let y)): return x == y
        case (.text(let x), .text(let y)): return x == y
        case (.truth(let x), .truth(let y)): return x == y
        case (.date(let x), .date(let y)): return x == y
        case (.entity(let x), .entity(let y)): return x.id == y.id
        case (.source(let x), .source(let y)): return x.id == y.id
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { sameFigure($0, $1) }
        case (.empty, .empty): return true
        case (.record, .record), (.table, .table): return JSON.encode(a) == JSON.encode(b)
        default: return false
        }
    }

    /// The details row for these clauses (`none` when there are none); the
    /// same clauses share a row.
    private func details(at: String?, quote: String?, topic: String?, claimant: String?, hedge: String?, on: Int32) -> Int32 {
        if at == nil && quote == nil && topic == nil && claimant == nil && hedge == nil && on == 0 { return FactRecord.none }
        let d = FactDetails(at: at.map { texts.intern($0) } ?? FactRecord.none,
                            quote: quote.map { texts.intern($0) } ?? FactRecord.none,
                            topic: topic.map { texts.intern($0) } ?? FactRecord.none,
                            claimant: claimant.map { names.intern($0) } ?? FactRecord.none,
                            hedge: hedge.map { texts.intern($0) } ?? FactRecord.none, on: on)
        return detailRows.intern(d)
    }

    private func details(of r: FactRecord) -> FactDetails {
        r.details == FactRecord.none ? .empty : detailRows[r.details]
    }

    private func append(_ r: FactRecord, pack: Int) {
        generation &+= 1
        let pair = PairIndex.key(of: r)
        let index = Int32(records.count)
        if !claimIndex.isEmpty, claimIndex[pair] != nil { claimIndex[pair]?[claimHash(of: r)] = index }
        let older = newestOfPair.set(pair, index, in: records)
        olderOfPair.append(older ?? -1)
        records.append(r)
        let p = UInt16(clamping: pack)
        if packRuns.last?.pack != p { packRuns.append((index, p)) }
    }

    /// The pack the fact at `index` came from.
    func pack(of index: Int) -> Int {
        // The last run that starts at or before `index`.
        var lo = 0, hi = packRuns.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if Int(packRuns[mid].start) <= index { lo = mid } else { hi = mid }
        }
        return packRuns.isEmpty ? 0 : Int(packRuns[lo].pack)
    }

    /// Brings `subjectProperties` up to the facts held: each pair's first
    /// fact adds its property to its subject's list.
    private func catchUpProperties() {
        guard propertiesKnownThrough < records.count else { return }
        for i in propertiesKnownThrough..<records.count where olderOfPair[i] == -1 {
            let s = Int(records[i].subject)
            if subjectProperties.count <= s { subjectProperties += Array(repeating: [], count: s + 1 - subjectProperties.count) }
            subjectProperties[s].append(records[i].property)
        }
        propertiesKnownThrough = records.count
    }

    /// The properties stated for the subject with name id `s`, in first-stated order.
    func statedProperties(ofSubject s: Int32) -> [Int32] {
        catchUpProperties()
        return Int(s) < subjectProperties.count ? subjectProperties[Int(s)] : []
    }

    /// The properties stated for each subject, by name id.
    var statedPropertiesBySubject: [[Int32]] {
        catchUpProperties()
        return subjectProperties
    }

    /// Makes room for about `n` more facts, so a big pack grows nothing twice.
    func reserve(facts n: Int) {
        records.reserveCapacity(records.count + n)
        olderOfPair.reserveCapacity(olderOfPair.count + n)
        newestOfPair.reserve(newestOfPair.count + n, in: records)
    }

    func sourceID(_ id: String) -> Int32? { sourceIndex[id] }

    public func add(_ rule: Rule) {
        generation &+= 1
        rules["\(rule.subject).\(rule.property)"] = rule
    }

    /// An entity by id or alias.
    public func entity(_ name: String) -> Entity? {
        if let e = entities[name] { return e }
        if let id = aliasIndex[name] { return entities[id] }
        return nil
    }

    // MARK: - Reading facts

    /// The fact at `index`, made from its record.
    public func fact(_ index: Int) -> Fact {
        let r = records[index]
        let d = details(of: r)
        let pack = pack(of: index)
        return Fact(id: index, subject: names[r.subject], property: names[r.property], value: value(of: r),
                    source: sourceList[Int(r.source)], at: text(d.at), quote: text(d.quote),
                    on: CivilDate(packed: d.on), topic: text(d.topic),
                    claimant: d.claimant == FactRecord.none ? nil : names[d.claimant], hedge: text(d.hedge),
                    pack: pack,
                    file: packs[pack], line: Int(r.line))
    }

    /// Every fact, in load order.
    public var facts: [Fact] { records.indices.map(fact) }

    func value(of r: FactRecord) -> Value {
        if r.inline { return Value(.quantity(Quantity(r.nominal, unit: unitIDs[r.unitOrValue]))) }
        return sideValues[Int(r.unitOrValue)]
    }

    func text(_ id: Int32) -> String? { id == FactRecord.none ? nil : texts[id] }

    func source(of r: FactRecord) -> SourceInfo { sourceList[Int(r.source)] }

    func indices(subject: String, property: String) -> [Int] {
        guard let s = names.id(subject), let p = names.id(property),
              var i = newestOfPair.newest(PairIndex.key(s, p), in: records) else { return [] }
        var result: [Int] = []
        while i >= 0 {
            result.append(Int(i))
            i = olderOfPair[Int(i)]
        }
        return result.reversed()
    }

    public func facts(subject: String, property: String) -> [Fact] {
        indices(subject: subject, property: property).map(fact)
    }

    public func hasProperty(subject: String, property: String) -> Bool {
        if rules["\(subject).\(property)"] != nil { return true }
        guard let s = names.id(subject), let p = names.id(property) else { return false }
        return newestOfPair.newest(PairIndex.key(s, p), in: records) != nil
    }

    /// Properties stated for a subject, by facts or rules.
    public func properties(of subject: String) -> [String] {
        var result: [String] = []
        if let s = names.id(subject) { result = statedProperties(ofSubject: s).map { names[$0] } }
        for rule in rules.values where rule.subject == subject && !result.contains(rule.property) {
            result.append(rule.property)
        }
        return result.sorted()
    }

    public func hasAnyFacts(subject: String) -> Bool {
        if let s = names.id(subject), !statedProperties(ofSubject: s).isEmpty { return true }
        return rules.values.contains { $0.subject == subject }
    }

    /// Subjects that state `property` (for rates: every currency with a `rate`).
    public func subjects(with property: String) -> [String] {
        var result: [String] = []
        if let p = names.id(property) {
            for (s, props) in statedPropertiesBySubject.enumerated() where props.contains(p) { result.append(names[Int32(s)]) }
        }
        for rule in rules.values where rule.property == property && !result.contains(rule.subject) {
            result.append(rule.subject)
        }
        return result.sorted()
    }

    /// The facts of the most preferred source for subject.property: the
    /// article first, then the latest-loaded pack's source.
    public func preferred(subject: String, property: String) -> [Fact] {
        let all = indices(subject: subject, property: property)
        guard let best = all.max(by: { rank($0) < rank($1) }) else { return [] }
        let bestSource = records[best].source
        return all.filter { records[$0].source == bestSource }.map(fact)
    }

    /// One column of the `facts` table for the fact at `index`, read straight
    /// from its record (the value without lineage: conditions only filter).
    func column(_ name: String, of index: Int) -> Value? {
        let r = records[index]
        switch name {
        case "subject":
            let id = names[r.subject]
            return entities[id].map { Value(.entity($0)) } ?? .text(id)
        case "property": return .text(names[r.property])
        case "value": return value(of: r)
        case "source": return Value(.source(sourceList[Int(r.source)]))
        case "at": return text(details(of: r).at).map(Value.text) ?? .empty
        case "on": return CivilDate(packed: details(of: r).on).map { Value(.date($0)) } ?? .empty
        case "topic": return text(details(of: r).topic).map(Value.text) ?? .empty
        case "hedge": return text(details(of: r).hedge).map(Value.text) ?? .empty
        case "quote": return text(details(of: r).quote).map(Value.text) ?? .empty
        case "claimant":
            let claimant = details(of: r).claimant
            guard claimant != FactRecord.none else { return .empty }
            let id = names[claimant]
            return entities[id].map { Value(.entity($0)) } ?? .text(id)
        default: return nil
        }
    }

    /// How preferred the fact at `index` is: the article's first, then later packs'.
    func rank(_ index: Int) -> Int {
        sourceList[Int(records[index].source)].isArticle ? Int.max : pack(of: index)
    }
}
