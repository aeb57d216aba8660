import SteppeCore

/// The Describe plugin: `describe ENTITY` or `describe SOURCE`, a card of
/// everything known about one entity, or everything one source states.
public enum Describe: SteppePlugin {
    public static let name = "Describe"
    public static let version = "1.0.0"
    public static let summary = "everything known about one entity, or everything one source states"

    public static func register(into registry: inout CommandRegistry) throws {
        try registry.register(describe)
    }

    /// `describe ENTITY` or `describe SOURCE`.
    static let describe = Command(
        name: "describe",
        summary: "a card of an entity (its facts, and the facts that name it) or of a source (what it states)",
        usage: "describe ENTITY | describe SOURCE",
        examples: [
            "describe kazakhstan",
            "describe csto",
            "describe article",
            "describe(russia).mentioned_in",
        ],
        parameters: [
            Parameter("what", summary: "an entity, such as kazakhstan, or a source, such as article"),
        ],
        run: run
    )

    static func run(_ args: Arguments, _ context: CommandContext) throws -> CommandResult {
        guard let v = args["what"] else { throw CommandError("expected an entity or a source", parameter: "what") }
        switch v.payload {
        case .entity(let e): return EntityCard(e, context).result()
        case .source(let s): return SourceCard(s, context).result()
        case .text(let s):
            if let e = context.entity(s) { return EntityCard(e, context).result() }
            if let src = context.source(s) { return SourceCard(src, context).result() }
            throw CommandError("no entity or source is called '\(s)'", parameter: "what")
        default:
            throw CommandError("expected an entity or a source, found \(v.kindName)", parameter: "what")
        }
    }

    /// Header lines `NAME: VALUE`, aligned, leaving out the empty ones.
    static func header(_ lines: [(String, String)]) -> String {
        let shown = lines.filter { !$0.1.isEmpty }
        let width = shown.map { $0.0.count }.max() ?? 0
        return shown.map { $0.0 + ":" + String(repeating: " ", count: width - $0.0.count + 2) + $0.1 }
            .joined(separator: "\n")
    }

    /// A titled table of the card, or the title and `none`.
    static func section(_ title: String, _ table: Table, _ context: CommandContext) -> String {
        if table.rows.isEmpty { return "\(title): none" }
        let body = context.showTable(Value(.table(table)))
        return "\(title):\n" + (body.hasSuffix("\n") ? String(body.dropLast()) : body)
    }

    static func text(_ s: String?) -> Value { s.map(Value.text) ?? .empty }
}

/// `describe ENTITY`: `{entity, name, kind, aliases, facts, mentioned_in}`.
struct EntityCard {
    let entity: Entity
    let context: CommandContext

    init(_ entity: Entity, _ context: CommandContext) {
        self.entity = entity
        self.context = context
    }

    func result() -> CommandResult {
        let facts = factsTable()
        let mentions = mentionsTable()
        let record = Record([
            ("entity", Value(.entity(entity))),
            ("name", .text(entity.name)),
            ("kind", .text(entity.kind)),
            ("aliases", Value(.list(entity.aliases.map(Value.text)))),
            ("facts", Value(.table(facts))),
            ("mentioned_in", Value(.table(mentions))),
        ])
        let card = [
            Describe.header([("entity", "\(entity.name) (\(entity.id))"), ("kind", entity.kind),
                             ("aliases", entity.aliases.joined(separator: ", "))]),
            Describe.section("facts", facts, context),
            Describe.section("mentioned in", mentions, context),
        ].joined(separator: "\n\n")
        return CommandResult(Value(.record(record)), display: card)
    }

    /// Every statement about it, property by property in the order each was
    /// first stated, the preferred statement of a property first.
    func factsTable() -> Table {
        var rows: [[Value]] = []
        for property in context.properties(of: entity.id) {
            let preferred = context.preferredFacts(entity.id, property)
            let others = context.facts(entity.id, property).filter { !preferred.contains($0) }
            for f in preferred + others {
                rows.append([.text(f.property), f.tracedValue, Value(.source(f.source)), Describe.text(f.at), Describe.text(f.hedge)])
            }
        }
        return Table(columns: ["property", "value", "source", "at", "hedge"], rows: rows)
    }

    /// The facts whose value is this entity or a list holding it.
    func mentionsTable() -> Table {
        let rows = context.facts(mentioning: entity).map { f -> [Value] in
            [context.entity(f.subject).map { Value(.entity($0)) } ?? .text(f.subject), .text(f.property),
             Value(.source(f.source)), Describe.text(f.at)]
        }
        return Table(columns: ["subject", "property", "source", "at"], rows: rows)
    }
}

/// `describe SOURCE`: `{source, title, author, publisher, year, address, kind, facts}`.
struct SourceCard {
    let source: SourceInfo
    let context: CommandContext

    init(_ source: SourceInfo, _ context: CommandContext) {
        self.source = source
        self.context = context
    }

    func result() -> CommandResult {
        let rows = context.facts(from: source).map { f -> [Value] in
            [context.entity(f.subject).map { Value(.entity($0)) } ?? .text(f.subject), .text(f.property),
             f.tracedValue, Describe.text(f.at)]
        }
        let facts = Table(columns: ["subject", "property", "value", "at"], rows: rows)
        let year = source.year.flatMap { CivilDate(year: $0) }.map { Value(.date($0)) } ?? .empty
        let record = Record([
            ("source", Value(.source(source))),
            ("title", .text(source.title)),
            ("author", Describe.text(source.author)),
            ("publisher", Describe.text(source.publisher)),
            ("year", year),
            ("address", Describe.text(source.address)),
            ("kind", .text(source.kind)),
            ("facts", Value(.table(facts))),
        ])
        let card = [
            Describe.header([("source", source.id), ("title", source.title), ("author", source.author ?? ""),
                             ("publisher", source.publisher ?? ""), ("year", source.year.map { String($0) } ?? ""),
                             ("address", source.address ?? ""), ("kind", source.kind)]),
            Describe.section("facts", facts, context),
        ].joined(separator: "\n\n")
        return CommandResult(Value(.record(record)), display: card)
    }
}
