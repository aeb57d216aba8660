import SteppeCore

/// `search` at the start of a statement: one pass over the facts' compact
/// records. Each distinct text is tested once per term; a fact then costs a
/// few array reads per part, and allocates nothing (a figure's number is
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
        let flags = query.flags(texts.folded)
        let numeric = query.terms.map(Query.couldBeNumber)
        let needles = query.terms.map { Array($0.utf8) }
        var numbers = Array(repeating: [Double: Bool](), count: query.terms.count)
        var first: [Int] = []
        var rest: [Int] = []
        let parts = FactTexts.Part.allCases
        for i in 0..<texts.count {
            if i & 0xFFFF == 0 { try context.checkInterrupt() }
            var all = true
            var any = false
            var strong = false
            for t in flags.indices {
                let flag = flags[t]
                var found = false
                for part in parts {
                    let k = texts.text(part, of: i)
                    if k >= 0 && flag[k] {
                        found = true
                        if part == .property || part == .quote { strong = true; break }
                    }
                }
                if !found && numeric[t], let x = texts.figure(of: i) {
                    if let known = numbers[t][x] {
                        found = known
                    } else {
                        found = Query.holds(FactTexts.fold(FactTexts.shownNumber(x)), needles[t])
                        numbers[t][x] = found
                    }
                }
                if found { any = true } else { all = false }
                if query.needsAll && !all { break }
            }
            guard query.needsAll ? all : any else { continue }
            if strong { first.append(i) } else { rest.append(i) }
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
