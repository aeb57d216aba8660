import Testing
import SteppeCore

/// The whole table, with every built-in plugin loaded: each name has
/// `:help`, and Tab completes it where it may be written.
@Suite struct NameTableWalkTests {
    @Test func everyNameHasHelpAndCompletes() throws {
        let s = try session()
        var walked = 0
        for d in s.declarations {
            let help = eval(":help \(d.kind == .sessionCommand ? ":" : "")\(d.name)", in: s)
            #expect(help.contains(d.usage) && !help.hasPrefix("ERROR"), "\(d.kind.rawValue) \(d.name): \(help)")
            let line: String
            switch d.kind {
            case .sessionCommand: line = ":" + d.name
            case .stage: line = "facts | " + d.name
            case .statement: line = d.name
            case .introducer: line = d.name == "vs" ? "compare 1 vs" : "facts | chart value " + d.name
            case .command: line = d.name
            default: line = "1 + " + d.name
            }
            let typed = String(line.dropLast(max(0, d.name.count - 2)))
            let c = s.completions(line: typed, cursor: typed.count)
            #expect(c.candidates.contains(d.name), "\(d.kind.rawValue) \(d.name) from '\(typed)': \(c.candidates)")
            walked += 1
        }
        #expect(walked > 50)
        // Every plugin command is in the table.
        for c in s.registry.commands.keys { #expect(s.declarations.contains { $0.name == c && $0.kind == .command }) }
    }
}
