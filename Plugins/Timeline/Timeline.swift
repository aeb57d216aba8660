import SteppeCore

/// The Timeline plugin: `timeline`, the dated facts in date order.
public enum Timeline: SteppePlugin {
    public static let name = "Timeline"
    public static let version = "1.0.0"
    public static let summary = "dated facts in date order"

    public static func register(into registry: inout CommandRegistry) throws {
        try registry.register(timeline)
    }

    /// `timeline [SUBJECT]`.
    static let timeline = Command(
        name: "timeline",
        summary: "the facts whose value is a date and the facts with an 'on' date, in date order",
        usage: "timeline [SUBJECT]",
        examples: [
            "timeline",
            "timeline protests",
            "timeline | where source == article",
        ],
        parameters: [
            Parameter("subject", optional: true, summary: "an entity, such as protests"),
        ],
        run: run
    )

    static func run(_ args: Arguments, _ context: CommandContext) throws -> CommandResult {
        let subject = try subjectFilter(args, context)
        var events: [(date: CivilDate, fact: Fact)] = []
        for fact in context.facts where subject == nil || fact.subject == subject {
            // A date-valued fact sits at its value; any other at its `on` date.
            if case .date(let d) = fact.value.payload {
                events.append((d, fact))
            } else if let on = fact.on {
                events.append((on, fact))
            }
        }
        // Stable: facts on the same date keep the order they were stated in.
        let ordered = events.enumerated().sorted { x, y in
            if CivilDate.sortsBefore(x.element.date, y.element.date) { return true }
            if CivilDate.sortsBefore(y.element.date, x.element.date) { return false }
            return x.offset < y.offset
        }.map(\.element)
        let rows = ordered.map { event -> [Value] in
            let f = event.fact
            return [Value(.date(event.date)), context.entity(f.subject).map { Value(.entity($0)) } ?? .text(f.subject),
                    .text(f.property), f.tracedValue, Value(.source(f.source))]
        }
        let table = Table(columns: ["date", "subject", "property", "value", "source"], rows: rows)
        if rows.isEmpty, let subject {
            return CommandResult(Value(.table(table)), display: "no dated facts about \(subject)")
        }
        return CommandResult(Value(.table(table)), display: display(ordered, context))
    }

    /// The table with short names: subjects by id, sources by publisher
    /// (the article as `article`), so a line fits a terminal.
    static func display(_ events: [(date: CivilDate, fact: Fact)], _ context: CommandContext) -> String {
        let rows = events.map { event -> [Value] in
            let f = event.fact
            let source = f.source.isArticle ? f.source.id : (f.source.publisher ?? f.source.title)
            return [Value(.date(event.date)), .text(f.subject), .text(f.property), f.value, .text(source)]
        }
        let table = Table(columns: ["date", "subject", "property", "value", "source"], rows: rows)
        return Renderer(format: .table, width: context.width).render(Value(.table(table)))
    }

    /// The subject to keep, from an entity or its id as text; nil for all.
    static func subjectFilter(_ args: Arguments, _ context: CommandContext) throws -> String? {
        guard let v = args["subject"] else { return nil }
        switch v.payload {
        case .entity(let e):
            return e.id
        case .text(let s):
            guard let e = context.entity(s) else {
                if context.facts.contains(where: { $0.subject == s }) { return s }
                throw CommandError("unknown subject '\(s)'", parameter: "subject")
            }
            return e.id
        default:
            throw CommandError("expected an entity, such as protests, found \(v.kindName)", parameter: "subject")
        }
    }
}
