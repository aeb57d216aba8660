import Chart
import Compare
import Crosscheck
import Describe
import Statistics
import SteppeCore
import Timeline
import Search

/// The plugins built into steppe, as Lua's `linit.c` lists its libraries.
/// Adding a plugin: a folder under Plugins/, a target in Package.swift, and a
/// line here. (Plugins/Example is the template, and is not listed.)
enum Catalog {
    static func plugins() -> [any SteppePlugin.Type] {
        [Statistics.self, Compare.self, Crosscheck.self, Timeline.self, Chart.self, Search.self, Describe.self]
    }

    static func load(into session: Session) {
        for plugin in plugins() {
            do {
                try session.load(plugin: plugin)
            } catch {
                session.output.writeError("steppe: warning: plugin \(plugin.name) did not load: \(Problem.foreign(error).message)\n")
            }
        }
    }
}
