// The template for a steppe plugin. Copy this folder to Plugins/<Name>/,
// rename the type, and add three lines elsewhere:
//
//   Package.swift:               .target(name: "<Name>", dependencies: ["SteppeCore"], path: "Plugins/<Name>")
//                                and "<Name>" in the steppe executable's dependencies
//   Sources/steppe/Catalog.swift: import <Name>, and <Name>.self in the list
//
// A plugin depends on SteppeCore alone and uses only its public API: the
// same API the built-in plugins (Statistics, Compare, ...) use. It must not
// import Foundation (it would slow steppe's start-up) and keeps no mutable
// globals: everything it needs comes through the CommandContext.

import SteppeCore

/// A template plugin with two small commands: `per_person X`, a quantity per
/// inhabitant of Kazakhstan, and `share PART, WHOLE`, a part as a percentage.
///
/// It is built and tested with the others, but not in steppe's catalog.
public enum Example: SteppePlugin {
    // What `:plugins` shows.
    public static let name = "Example"
    public static let version = "1.0.0"
    public static let summary = "a template: per_person and share"

    /// The one entry point: register every command, or throw (then none is).
    public static func register(into registry: inout CommandRegistry) throws {
        try registry.register(perPerson)
        try registry.register(share)
    }

    // MARK: - per_person

    /// `per_person X`: X divided by kazakhstan.population.
    ///
    /// The declaration is all `:help per_person`, completion and argument
    /// errors need: each parameter's summary names what is expected, so a
    /// missing argument reads "per_person: expected a quantity".
    static let perPerson = Command(
        name: "per_person",
        summary: "a quantity per inhabitant of Kazakhstan (divided by kazakhstan.population)",
        usage: "per_person X",
        // Every example must work: the plugin tests run them.
        examples: [
            "per_person kazakhstan.oil_reserves",
            "per_person(kazakhstan.oil_production * 1 yr)",
        ],
        parameters: [
            Parameter("x", summary: "a quantity"),
        ],
        run: perPersonRun
    )

    static func perPersonRun(_ args: Arguments, _ context: CommandContext) throws -> CommandResult {
        let x = try quantity(args, "x")
        // Ask the session, never the fact list: a `set` or a user's pack wins,
        // and the fact joins the result's lineage, so `why` can show it.
        let population = try context.value("kazakhstan", "population")
        // The session's arithmetic keeps the bounds, units and lineage:
        // `per_person protests.killed` stays a lower bound.
        return CommandResult(try context.divide(x, population))
    }

    // MARK: - share

    /// `share PART vs WHOLE` (or `share PART, WHOLE`): PART as a percentage of WHOLE.
    static let share = Command(
        name: "share",
        summary: "a part as a percentage of a whole of the same dimension",
        usage: "share PART vs WHOLE",
        examples: [
            "share protests.officers_killed vs protests.killed",
            "share(kazakhstan.oil_reserves, world.oil_reserves)",
        ],
        parameters: [
            Parameter("part", summary: "a quantity"),
            // A later argument may be introduced by one of the words the
            // parser knows, `IntroducerWord`: .vs, .by or .to (with a text).
            // It may also be given in its place after a comma.
            Parameter("whole", introducer: .word(.vs), summary: "a quantity"),
        ],
        run: shareRun
    )

    static func shareRun(_ args: Arguments, _ context: CommandContext) throws -> CommandResult {
        let part = try quantity(args, "part")
        let whole = try quantity(args, "whole")
        let dPart = context.dimension(of: part.quantity?.unit ?? .none)
        let dWhole = context.dimension(of: whole.quantity?.unit ?? .none)
        // A CommandError is shown as "share: …" with a caret under the
        // argument it names; it never ends the session.
        guard dPart == dWhole else {
            throw CommandError("the part and the whole must be of one dimension: \(dPart.name) is not \(dWhole.name)",
                               parameter: "whole")
        }
        let ratio = try context.divide(part, whole)
        return CommandResult(try context.convert(ratio, to: try context.unit("%")))
    }

    // MARK: - Helpers

    /// The argument as a quantity, or an error pointing at it.
    static func quantity(_ args: Arguments, _ name: String) throws -> Value {
        guard let v = args[name] else { throw CommandError("expected a quantity") }
        guard case .quantity = v.payload else {
            throw CommandError("expected a quantity, found \(v.kindName)", parameter: name)
        }
        return v
    }
}
