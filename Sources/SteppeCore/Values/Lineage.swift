/// Where a value came from: the facts, assumptions and rates behind it.
public struct Lineage: Sendable {
    public var items: [Item]
    public init(_ items: [Item] = []) { self.items = items }

    public indirect enum Item: Sendable {
        /// A stated fact, with its source and place.
        case fact(Fact)
        /// A session `set`, with where it was typed.
        case assumption(subject: String, property: String, value: String, place: String)
        /// A currency rate used in a conversion.
        case rate(Fact)
        /// A derived property: its rule, and what the rule drew on.
        case rule(subject: String, property: String, text: String, inputs: [Item])
        /// Anything else worth saying (`less_than` assumes figures are not negative).
        case note(String)
    }

    public var isEmpty: Bool { items.isEmpty }

    /// Only the notes (less_than's floor): what a stated fact keeps of the
    /// lineage of the figure it was written with, not the facts it drew on.
    var notesOnly: Lineage {
        isEmpty ? self : Lineage(items.filter { if case .note = $0 { return true } else { return false } })
    }

    /// Both lineages, without repeating a fact, rate or note already present.
    public func merged(with other: Lineage) -> Lineage {
        if other.items.isEmpty { return self }
        if items.isEmpty { return other }
        var result = items
        for item in other.items where !result.contains(where: { $0.sameOrigin(as: item) }) {
            result.append(item)
        }
        return Lineage(result)
    }

    public mutating func append(_ item: Item) {
        if !items.contains(where: { $0.sameOrigin(as: item) }) { items.append(item) }
    }
}

extension Lineage.Item {
    func sameOrigin(as other: Lineage.Item) -> Bool {
        switch (self, other) {
        case (.fact(let a), .fact(let b)), (.rate(let a), .rate(let b)): return a.id == b.id
        case (.note(let a), .note(let b)): return a == b
        case (.assumption(let s1, let p1, _, let w1), .assumption(let s2, let p2, _, let w2)):
            return s1 == s2 && p1 == p2 && w1 == w2
        case (.rule(let s1, let p1, _, _), .rule(let s2, let p2, _, _)): return s1 == s2 && p1 == p2
        default: return false
        }
    }
}
