// MARK: - Reading the fact store, for plugins that look through it (search, describe)

extension CommandContext {
    /// The texts of every fact, for a scan that allocates nothing per fact.
    public var factTexts: FactTexts { session.store.factTexts }

    /// The number of loaded facts.
    public var factCount: Int { session.store.factCount }

    /// The fact at `index` (load order, as in `factTexts`).
    public func fact(_ index: Int) -> Fact { session.store.fact(index) }

    /// The columns of the `facts` table.
    public var factColumns: [String] { Session.factColumns }

    /// Rows of the `facts` table, for the facts at `indices`, in that order.
    public func factsTable(_ indices: [Int]) -> Value { session.factsTable(indices) }

    /// Every entity, in the order declared.
    public var entities: [Entity] { session.store.entityOrder.compactMap { session.store.entities[$0] } }

    /// Properties stated for a subject by facts, in the order each was first stated.
    public func properties(of subject: String) -> [String] { session.store.statedProperties(of: subject) }

    /// The facts of the most preferred source for subject.property (what
    /// `SUBJECT.PROPERTY` reads, before any `set`).
    public func preferredFacts(_ subject: String, _ property: String) -> [Fact] {
        session.store.preferred(subject: subject, property: property)
    }

    /// The facts whose value is this entity or a list holding it, in load order.
    public func facts(mentioning entity: Entity) -> [Fact] {
        session.store.facts(mentioning: entity.id).map(session.store.fact)
    }

    /// The facts a source states, in load order.
    public func facts(from source: SourceInfo) -> [Fact] {
        session.store.facts(from: source.id).map(session.store.fact)
    }

    /// The known words closest to a mistyped one, closest first.
    public func closest(to word: String, among words: [String], limit: Int = 2) -> [String] {
        Suggest.closest(to: word, among: words, limit: limit)
    }

    /// The value as the table format shows it, in a table of its own (aligned
    /// columns, fitted to the terminal).
    public func showTable(_ v: Value) -> String {
        Renderer(format: .table, width: width, color: session.options.color).render(v)
    }
}
