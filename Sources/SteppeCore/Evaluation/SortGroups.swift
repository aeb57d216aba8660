/// `sort` over a column that mixes kinds or dimensions (LANGUAGE.md,
/// Pipelines): it sorts in groups, quantities first (one group per
/// dimension, in the order the dimensions first appear), then dates, texts,
/// truths, entities, sources, anything else, and empty cells last; `desc`
/// reverses the order inside each group, never the order of the groups.
extension Session {
    /// The group a sort key falls in, and its name for the report.
    enum SortGroup: Hashable {
        case quantity(Dimension)
        case date, text, truth, entity, source, other, empty

        var rank: Int {
            switch self {
            case .quantity: return 0
            case .date: return 1
            case .text: return 2
            case .truth: return 3
            case .entity: return 4
            case .source: return 5
            case .other: return 6
            case .empty: return 7
            }
        }
    }

    func sortGroup(_ v: Value) -> SortGroup {
        switch v.payload {
        case .quantity(let q): return .quantity(store.units.dimension(of: q.unit))
        case .date: return .date
        case .text: return .text
        case .truth: return .truth
        case .entity: return .entity
        case .source: return .source
        case .empty: return .empty
        default: return .other
        }
    }

    func sortGroupName(_ g: SortGroup, unit: Unit?) -> String {
        switch g {
        case .quantity: return unit.map { $0.isNone ? "numbers" : "quantities in \($0.description)" } ?? "quantities"
        case .date: return "dates"
        case .text: return "texts"
        case .truth: return "truths"
        case .entity: return "entities"
        case .source: return "sources"
        case .other: return "other values"
        case .empty: return "empty cells"
        }
    }

    /// Rows in sorted order, by their keys; says on stderr how many groups
    /// it made when the keys mix kinds or dimensions.
    func sortedInGroups(_ keyed: [(Value, [Value])], descending: Bool, range: SourceRange) throws -> [[Value]] {
        var groupOrder: [SortGroup] = []
        var firstUnit: [SortGroup: Unit] = [:]
        var groups: [Int] = []
        groups.reserveCapacity(keyed.count)
        for (key, _) in keyed {
            let g = sortGroup(key)
            if let i = groupOrder.firstIndex(of: g) {
                groups.append(i)
            } else {
                groups.append(groupOrder.count)
                groupOrder.append(g)
                if case .quantity(let q) = key.payload { firstUnit[g] = q.unit }
            }
        }
        // Quantities keep the order their dimensions first appear in; the
        // other kinds go in the fixed order after them.
        let placed = groupOrder.indices.sorted { a, b in
            let (x, y) = (groupOrder[a], groupOrder[b])
            return x.rank != y.rank ? x.rank < y.rank : a < b
        }
        var position = Array(repeating: 0, count: groupOrder.count)
        for (p, g) in placed.enumerated() { position[g] = p }
        var failure: EvalError?
        let sorted = keyed.indices.sorted { a, b in
            let (ga, gb) = (position[groups[a]], position[groups[b]])
            if ga != gb { return ga < gb }
            let order = sortOrder(keyed[a].0, keyed[b].0, range: range, failure: &failure)
            if order == .same { return a < b }
            return descending ? order == .more : order == .less
        }
        if let failure { throw failure }
        let kinds = groupOrder.filter { $0 != .empty }
        if kinds.count > 1 {
            let names = placed.map { sortGroupName(groupOrder[$0], unit: firstUnit[groupOrder[$0]]) }
            warn(.sortedInGroups(groupOrder.count, names), range: range)
        }
        return sorted.map { keyed[$0].1 }
    }
}
