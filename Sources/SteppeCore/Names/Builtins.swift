/// The names built into the language: statements, stages, tables and
/// reserved words. Built-in functions are in `Functions.swift`, session
/// commands in `SessionCommands.swift`; plugin commands come from the
/// session's registry. `Session.declarations` is all of them.
enum Builtins {
    static let statements: [Declaration] = [
        Declaration("let", .statement, usage: "let NAME = EXPR", summary: "bind a name for the rest of the session",
                    examples: ["let killed = protests.killed", "let facts = 3   # hides the table facts, with a warning"]),
        Declaration("set", .statement, usage: "set SUBJECT.PROPERTY = EXPR",
                    summary: "a session assumption that overrides the preferred value",
                    examples: ["set kazakhstan.population = 19_000_000 people"]),
        Declaration("def", .statement, usage: "def NAME(PARAM, ...) = EXPR",
                    summary: "define a function; call it as NAME(...), NAME ARG, ... or use it as a pipeline stage",
                    examples: ["def per_head(x) = x / kazakhstan.population", "kazakhstan.oil_reserves | per_head"]),
        Declaration("why", .statement, usage: "why EXPR",
                    summary: "show the facts, assumptions and rates a value came from",
                    examples: ["why kazakhstan.oil_wealth_per_person"]),
        Declaration("fact", .statement,
                    usage: "fact SUBJECT.PROPERTY = EXPR [from SOURCE] [at \"PLACE\"] [quote \"TEXT\"] [on DATE] [topic NAME] [by CLAIMANT] [hedge \"WORDS\"]",
                    summary: "a fact-pack statement: a fact with its source",
                    examples: ["fact protests.killed = more_than(225 people) from article at \"¶5\" on 2022-01 topic casualties"]),
        Declaration("entity", .statement, usage: "entity ID \"NAME\" [kind KIND] [aka \"ALIAS\", ...]",
                    summary: "a fact-pack statement: an entity facts are about",
                    examples: ["entity kazakhstan \"Kazakhstan\" kind country aka \"KZ\""]),
        Declaration("source", .statement,
                    usage: "source ID \"TITLE\" [by \"AUTHOR\"] [publisher \"NAME\"] [year N] [address \"URL\"] [kind KIND] [note \"TEXT\"]",
                    summary: "a fact-pack statement: a source facts come from",
                    examples: ["source bp2021 \"Statistical Review of World Energy 2021\" publisher \"BP\" year 2021 kind reference"]),
        Declaration("unit", .statement, usage: "unit NAME = EXPR", summary: "a fact-pack statement: a unit in terms of others",
                    examples: ["unit kt = 1000 t"]),
        Declaration("rule", .statement, usage: "rule SUBJECT.PROPERTY = EXPR",
                    summary: "a fact-pack statement: a derived property, evaluated when asked for",
                    examples: ["rule kazakhstan.oil_wealth_per_person = kazakhstan.oil_reserves_share * world.oil_reserves * oil.price / kazakhstan.population"]),
    ]

    static let stages: [Declaration] = [
        Declaration("where", .stage, usage: "where COND", summary: "keep rows whose COND is true; columns are bare names",
                    examples: ["facts | where topic == \"casualties\" and source == article",
                               "facts | where value > 1000 people   # rows that are text are reported, not matched"]),
        Declaration("select", .stage, usage: "select COL, NAME: EXPR, ...",
                    summary: "keep and order columns; NAME: EXPR adds a computed one",
                    examples: ["facts | where subject == protests | select property, value, at",
                               "facts | where property == \"killed\" | select source, doubled: value * 2"]),
        Declaration("sort", .stage, usage: "sort EXPR [asc|desc]", summary: "order rows; quantities by their nominal figures",
                    examples: ["facts | where topic == \"casualties\" | sort value desc"]),
        Declaration("take", .stage, usage: "take N", summary: "the first N rows", examples: ["facts | take 5"]),
        Declaration("group", .stage, usage: "group by COL", summary: "one row per distinct COL with a rows count",
                    examples: ["facts | group by topic"]),
        Declaration("count", .stage, usage: "count", summary: "the number of rows", examples: ["csto.members | count"]),
    ]

    static let tables: [Declaration] = [
        Declaration("facts", .table, usage: "facts",
                    summary: "the built-in table of every fact: subject, property, value, source, at, on, topic, claimant, hedge, quote",
                    examples: ["facts | where subject == kazakhstan | select property, value, source"]),
        Declaration("entities", .table, usage: "entities", summary: "the built-in table of entities: id, name, kind, aliases",
                    examples: ["entities | where kind == \"country\""]),
        Declaration("sources", .table, usage: "sources",
                    summary: "the built-in table of sources: id, title, author, publisher, year, address, kind, note",
                    examples: ["sources | select id, publisher, year"]),
    ]

    static let introducers: [Declaration] = IntroducerWord.allCases.map { word in
        Declaration(word.rawValue, .introducer, usage: "COMMAND ARG \(word.rawValue) ARG",
                    summary: "introduces a command's argument, where its declaration says (see :help COMMAND)"
                        + (word == .to ? "; followed by a unit it is a conversion: x to km" : ""),
                    examples: word == .vs ? ["compare kazakhstan.population vs kazakhstan.oil_production"]
                        : word == .by ? ["facts | chart value by property"] : ["protests.killed to people"])
    }

    static let words: [Declaration] = [
        Declaration("in", .word, usage: "X in Y", summary: "membership: X in a list, a date's period, an interval or a text"),
        Declaration("not", .word, usage: "not X", summary: "three-valued negation"),
        Declaration("and", .word, usage: "X and Y", summary: "three-valued conjunction (Kleene)"),
        Declaration("or", .word, usage: "X or Y", summary: "three-valued disjunction (Kleene)"),
        Declaration("true", .word, usage: "true", summary: "a truth value"),
        Declaration("false", .word, usage: "false", summary: "a truth value"),
        Declaration("unknown", .word, usage: "unknown", summary: "the third truth value"),
    ]

    /// Every built-in declaration but the session commands, by kind.
    static let all: [Declaration] = statements + stages + tables + functions.map(\.declaration) + introducers + words

    /// LANGUAGE.md, "Names and paths": never a `let` or `def` name.
    static let reserved: Set<String> = Set((statements + stages + introducers + words).map(\.name))

    static let functionsByName: [String: BuiltinFunction] =
        Dictionary(functions.map { ($0.declaration.name, $0) }, uniquingKeysWith: { a, _ in a })
}
