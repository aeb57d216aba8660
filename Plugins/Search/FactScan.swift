import SteppeCore

/// `search` at the start of a statement: one pass over the facts' compact
/// records. Each distinct text is tested once per term, giving it a mask of
/// the terms it holds; a fact then costs the OR of its parts' masks, read a
/// block of facts at a time, and allocates nothing (a figure's number is
/// shown only for terms with a digit, and once per distinct figure).
struct FactScan {
    let query: Query
    let context: CommandContext
    let texts: FactTexts

    init(_ query: Query, _ context: CommandContext) {
        self.query = query
        self.context = context
        self.texts = context.factTexts
    }

    /// The matching facts: those whose property or quote matches first, then
    /// the others, each in load order.
    func run() throws -> [Int] {
        let terms = query.terms.count
        guard terms <= 64 else { throw CommandError("search takes at most 64 words", parameter: "words") }
        let flags = query.flags(texts.folded)
        var masks = [UInt64](repeating: 0, count: texts.texts.count)
        for t in 0..<terms {
            for (k, holds) in flags[t].enumerated() where holds { masks[k] |= 1 << UInt64(t) }
        }
        let all: UInt64 = terms == 64 ? ~0 : (1 << UInt64(terms)) - 1
        let needles = query.terms.map { Array($0.utf8) }
        let numeric = (0..<terms).filter { Query.couldBeNumber(query.terms[$0]) }
        var shown: [Double: UInt64] = [:]
        let stride = FactTexts.partCount
        let property = FactTexts.Part.property.rawValue, quote = FactTexts.Part.quote.rawValue
        var first: [Int] = []
        var rest: [Int] = []
        var parts: [Int32] = []
        var figures: [Double] = []
        let block = 8192
        var start = 0
        while start < texts.count {
            try context.checkInterrupt()
            let end = min(start + block, texts.count)
            texts.read(start..<end, parts: &parts, figures: &figures)
            parts.withUnsafeBufferPointer { p in
                masks.withUnsafeBufferPointer { m in
                    for j in 0..<(end - start) {
                        var found: UInt64 = 0
                        var strong: UInt64 = 0
                        let base = j * stride
                        for q in 0..<stride {
                            let k = p[base + q]
                            if k >= 0 {
                                let mask = m[Int(k)]
                                found |= mask
                                if q == property || q == quote { strong |= mask }
                            }
                        }
                        let x = figures[j]
                        if !numeric.isEmpty && found != all && !x.isNaN {
                            if let known = shown[x] {
                                found |= known
                            } else {
                                let number = FactTexts.fold(FactTexts.shownNumber(x))
                                var mask: UInt64 = 0
                                for t in numeric where Query.holds(number, needles[t]) { mask |= 1 << UInt64(t) }
                                shown[x] = mask
                                found |= mask
                            }
                        }
                        guard query.needsAll ? found == all : found != 0 else { continue }
                        if strong != 0 { first.append(start + j) } else { rest.append(start + j) }
                    }
                }
            }
            start = end
        }
        return first + rest
    }
}

/// `search` as a stage: the incoming rows in which the cells' texts hold
/// every word (an entity cell by its id, name and aliases; a source by its
/// id, title and publisher; anything else as the table format shows it).
struct RowScan {
    let query: Query
    let context: CommandContext

    init(_ query: Query, _ context: CommandContext) {
        self.query = query
        self.context = context
    }

    func rows(of table: Table) throws -> [[Value]] {
        let needles = query.terms.map { Array($0.utf8) }
        var kept: [[Value]] = []
        for (n, row) in table.rows.enumerated() {
            if n & 0x3FF == 0 { try context.checkInterrupt() }
            let cells = row.flatMap(texts).map(FactTexts.fold)
            let found = needles.map { needle in cells.contains { Query.holds($0, needle) } }
            if query.needsAll ? !found.contains(false) : found.contains(true) { kept.append(row) }
        }
        return kept
    }

    func texts(_ v: Value) -> [String] {
        switch v.payload {
        case .entity(let e): return [e.id, e.name] + e.aliases
        case .source(let s): return [s.id, s.title, s.publisher ?? ""]
        case .list(let items): return items.flatMap(texts)
        case .empty: return []
        default: return [context.show(v)]
        }
    }
}
