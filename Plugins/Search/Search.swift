import SteppeCore

/// The Search plugin: `search WORDS`, the facts that mention every word.
public enum Search: SteppePlugin {
    public static let name = "Search"
    public static let version = "1.0.0"
    public static let summary = "the facts that mention every word, best first"

    public static func register(into registry: inout CommandRegistry) throws {
        try registry.register(search)
    }

    /// `search WORDS`, `search "TEXT"`, `search ENTITY`; as a stage the same.
    static let search = Command(
        name: "search",
        summary: "the facts that mention every word (case ignored, _ and - read as spaces), those whose property or quote matches first",
        usage: "search WORDS | search \"TEXT\" | search ENTITY (also as a stage)",
        examples: [
            "search oil",
            "search tear gas",
            "search \"Kassym-Jomart\"",
            "search kazakhstan",
            "facts | where source == article | search oil",
            "entities | search kassym jomart",
        ],
        parameters: [
            Parameter("words", .words, summary: "words, a text or an entity"),
        ],
        takesInput: true,
        run: run
    )

    static func run(_ args: Arguments, _ context: CommandContext) throws -> CommandResult {
        guard let query = try Query(args["words"]) else {
            throw CommandError("expected words to look for", parameter: "words",
                               notes: ["as in: search airport, search \"tear gas\", search kazakhstan"])
        }
        if let input = args.input {
            guard let table = context.rows(of: input) else {
                throw CommandError("as a stage, search needs a table or a list, found \(input.kindName)")
            }
            let kept = try RowScan(query, context).rows(of: table)
            if kept.isEmpty { warnNothing(query, context) }
            return CommandResult(Value(.table(Table(columns: table.columns, rows: kept))))
        }
        let found = try FactScan(query, context).run()
        if found.isEmpty { warnNothing(query, context) }
        return CommandResult(context.factsTable(found))
    }

    /// `search: no fact mentions "WORDS"`, with the closest words the facts hold.
    static func warnNothing(_ query: Query, _ context: CommandContext) {
        let vocabulary = Query.vocabulary(context.factTexts.folded)
        var close: [String] = []
        for term in query.terms where !term.contains(" ") {
            for word in context.closest(to: term, among: vocabulary) where !close.contains(word) { close.append(word) }
        }
        let notes = close.isEmpty ? [] : ["the closest words the facts hold: " + close.map { "'\($0)'" }.joined(separator: ", ")]
        context.warn("search: no fact mentions \"\(query.shown)\"", notes: notes)
    }
}
