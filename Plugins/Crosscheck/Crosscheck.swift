import SteppeCore

/// The Crosscheck plugin: `crosscheck`, the article's figures beside every
/// other source's figure for the same property, with a verdict from the bounds.
public enum Crosscheck: SteppePlugin {
    public static let name = "Crosscheck"
    public static let version = "1.0.0"
    public static let summary = "the article's figures beside the references', with a verdict"

    public static func register(into registry: inout CommandRegistry) throws {
        try registry.register(crosscheck)
    }

    /// `crosscheck [SUBJECT.PROPERTY]`.
    static let crosscheck = Command(
        name: "crosscheck",
        summary: "the article's figure beside every other source's figure for the same property, with a verdict",
        usage: "crosscheck [SUBJECT.PROPERTY]",
        examples: [
            "crosscheck",
            "crosscheck protests.killed",
            "crosscheck kazakhstan.average_income",
            "crosscheck | where verdict == \"inconsistent\" | select subject, property",
        ],
        parameters: [
            // Any value: `protests.killed` is evaluated, and its lineage names
            // the subject and property it was read as. An entity (`protests`)
            // checks all its properties; a text "protests.killed" works too.
            Parameter("property", optional: true, summary: "SUBJECT.PROPERTY, such as protests.killed"),
        ],
        run: run
    )

    static func run(_ args: Arguments, _ context: CommandContext) throws -> CommandResult {
        let scope = try Scope.from(args, context)
        var checks: [Check] = []
        var listed = Set<String>()
        for fact in context.facts where fact.source.isArticle && scope.includes(fact) {
            let stated = context.facts(fact.subject, fact.property)
            let articleList = stated.filter { $0.source.isArticle }
            // Several statements from one source make a list: one row per reference source.
            var bySource: [(source: String, facts: [Fact])] = []
            for other in stated where !other.source.isArticle {
                if let i = bySource.firstIndex(where: { $0.source == other.source.id }) {
                    bySource[i].facts.append(other)
                } else {
                    bySource.append((other.source.id, [other]))
                }
            }
            for group in bySource {
                if articleList.count > 1 || group.facts.count > 1 {
                    guard listed.insert("\(fact.subject).\(fact.property) \(group.source)").inserted else { continue }
                    checks.append(Check(articleList: articleList, referenceList: group.facts, context))
                } else {
                    checks.append(Check(article: fact, reference: group.facts[0], context))
                }
            }
            try context.checkInterrupt()
        }
        let table = Table(columns: ["subject", "property", "article", "reference", "source", "verdict", "note"],
                          rows: checks.map { $0.row(context) })
        return CommandResult(Value(.table(table)), display: display(checks, scope, context))
    }

    /// The table with each conversion beside the reference figure, the
    /// source by its publisher, and the rates used underneath.
    static func display(_ checks: [Check], _ scope: Scope, _ context: CommandContext) -> String {
        guard !checks.isEmpty else { return scope.nothingFound(context) }
        let rows = checks.map { c -> [Value] in
            var reference = ValueText.plain(c.referenceValue)
            if let converted = c.converted { reference += " (\(ValueText.plain(converted)))" }
            return [.text(c.article.subject), .text(c.article.property), .text(ValueText.plain(c.articleValue)),
                    .text(reference), .text(c.reference.source.publisher ?? c.reference.source.title),
                    .text(c.verdict.rawValue), .text(c.note ?? "")]
        }
        let hasNotes = checks.contains { $0.note != nil }
        let columns = ["subject", "property", "article", "reference", "source", "verdict"] + (hasNotes ? ["note"] : [])
        let table = Table(columns: columns, rows: hasNotes ? rows : rows.map { Array($0.dropLast()) })
        var out = Renderer(format: .table, width: context.width).render(Value(.table(table)))
        var rates: [Fact] = []
        for c in checks { for f in c.rates where !rates.contains(f) { rates.append(f) } }
        if !rates.isEmpty {
            out += "converted at " + rates.map { f in
                ValueText.plain(f.value) + " (" + (f.source.publisher ?? f.source.title) + (f.on.map { ", \($0)" } ?? "") + ")"
            }.joined(separator: " and ") + "\n"
        }
        for c in checks where c.verdict == .undecided {
            if let reason = c.reason { out += "\(c.article.subject).\(c.article.property) undecided: \(reason)\n" }
        }
        return out
    }
}

/// Which of the article's facts to check: all, one subject's, or one property's.
struct Scope {
    var subject: String?
    var property: String?

    /// The scope an argument asks for: `crosscheck protests.killed` is
    /// evaluated, and the lineage of the value names what it was read as.
    static func from(_ args: Arguments, _ context: CommandContext) throws -> Scope {
        if let written = args.columns["property"] { return try parse(written, context) }
        guard let v = args["property"] else { return Scope() }
        if let path = context.path(of: v) { return Scope(subject: path.subject, property: path.property) }
        switch v.payload {
        case .entity(let e):
            return Scope(subject: e.id)
        case .text(let s):
            return try parse(s, context)
        default:
            throw CommandError("expected SUBJECT.PROPERTY, such as protests.killed, found \(v.kindName) with no source",
                               parameter: "property")
        }
    }

    /// "protests.killed" or "protests"; the subject may be an alias ("unrest.killed").
    static func parse(_ text: String, _ context: CommandContext) throws -> Scope {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), !parts.contains(where: \.isEmpty) else {
            throw CommandError("expected SUBJECT.PROPERTY, such as protests.killed, found '\(text)'", parameter: "property")
        }
        return Scope(subject: context.entity(parts[0])?.id ?? parts[0], property: parts.count == 2 ? parts[1] : nil)
    }

    func includes(_ f: Fact) -> Bool {
        (subject == nil || f.subject == subject) && (property == nil || f.property == property)
    }

    /// What to say when no row came out.
    func nothingFound(_ context: CommandContext) -> String {
        guard let subject else { return "no property is stated both by the article and by another source" }
        guard let property else { return "no property of \(subject) is stated both by the article and by another source" }
        let stated = context.facts(subject, property)
        if !stated.contains(where: { $0.source.isArticle }) { return "the article does not state \(subject).\(property)" }
        return "no other source states \(subject).\(property)"
    }
}
