/// Every loaded entity, source, fact, rule and unit, indexed by subject and
/// property. Loading is all-or-nothing: a pack is checked into a copy, and
/// the copy replaces the store only when the whole pack succeeded.
public struct FactStore: Sendable {
    public private(set) var entities: [String: Entity] = [:]
    public private(set) var entityOrder: [String] = []
    private var aliasIndex: [String: String] = [:]
    public private(set) var sources: [String: SourceInfo] = [:]
    public private(set) var sourceOrder: [String] = []
    public private(set) var facts: [Fact] = []
    private var index: [String: [String: [Int]]] = [:]
    private var byProperty: [String: [String]] = [:]
    public private(set) var rules: [String: Rule] = [:]
    public var units = UnitTable()
    /// Names of the packs loaded, in order.
    public private(set) var packs: [String] = []

    public init() {}

    public mutating func beginPack(_ name: String) -> Int {
        packs.append(name)
        return packs.count - 1
    }

    public mutating func add(_ entity: Entity) {
        if entities[entity.id] == nil { entityOrder.append(entity.id) }
        entities[entity.id] = entity
        for alias in entity.aliases { aliasIndex[alias] = entity.id }
    }

    public mutating func add(_ source: SourceInfo) {
        if sources[source.id] == nil { sourceOrder.append(source.id) }
        sources[source.id] = source
    }

    public mutating func add(_ fact: Fact) {
        index[fact.subject, default: [:]][fact.property, default: []].append(facts.count)
        if index[fact.subject]?[fact.property]?.count == 1, rules["\(fact.subject).\(fact.property)"] == nil {
            byProperty[fact.property, default: []].append(fact.subject)
        }
        facts.append(fact)
    }

    public mutating func add(_ rule: Rule) {
        let key = "\(rule.subject).\(rule.property)"
        if rules[key] == nil && index[rule.subject]?[rule.property] == nil {
            byProperty[rule.property, default: []].append(rule.subject)
        }
        rules[key] = rule
    }

    /// An entity by id or alias.
    public func entity(_ name: String) -> Entity? {
        if let e = entities[name] { return e }
        if let id = aliasIndex[name] { return entities[id] }
        return nil
    }

    public func facts(subject: String, property: String) -> [Fact] {
        guard let indices = index[subject]?[property] else { return [] }
        return indices.map { facts[$0] }
    }

    public func hasProperty(subject: String, property: String) -> Bool {
        index[subject]?[property] != nil || rules["\(subject).\(property)"] != nil
    }

    /// Properties stated for a subject, by facts or rules.
    public func properties(of subject: String) -> [String] {
        var names = Array(index[subject]?.keys ?? [:].keys)
        for rule in rules.values where rule.subject == subject && !names.contains(rule.property) {
            names.append(rule.property)
        }
        return names.sorted()
    }

    /// Subjects that state `property` (for rates: every currency with a `rate`).
    public func subjects(with property: String) -> [String] { byProperty[property] ?? [] }

    public var allSubjects: [String] { Array(index.keys) }

    /// The facts of the most preferred source for subject.property: the
    /// article first, then the latest-loaded pack's source.
    public func preferred(subject: String, property: String) -> [Fact] {
        let all = facts(subject: subject, property: property)
        guard let best = all.max(by: { FactStore.rank($0) < FactStore.rank($1) }) else { return [] }
        return all.filter { $0.source === best.source }
    }

    static func rank(_ f: Fact) -> Int {
        f.source.isArticle ? Int.max : f.pack
    }
}
