import SteppeCore

// Each built-in plugin is a module under Plugins/. The guards let this file
// build before Package.swift lists a plugin's target; once every plugin is
// listed they change nothing.
#if canImport(Statistics)
import Statistics
#endif
#if canImport(Compare)
import Compare
#endif
#if canImport(Crosscheck)
import Crosscheck
#endif
#if canImport(Timeline)
import Timeline
#endif
#if canImport(Chart)
import Chart
#endif

/// The plugins built into steppe, as Lua's `linit.c` lists its libraries.
/// Adding a plugin: a folder under Plugins/, a target in Package.swift, and a
/// line here. (Plugins/Example is the template, and is not listed.)
enum Catalog {
    static func plugins() -> [any SteppePlugin.Type] {
        var list: [any SteppePlugin.Type] = []
        #if canImport(Statistics)
        list.append(Statistics.self)
        #endif
        #if canImport(Compare)
        list.append(Compare.self)
        #endif
        #if canImport(Crosscheck)
        list.append(Crosscheck.self)
        #endif
        #if canImport(Timeline)
        list.append(Timeline.self)
        #endif
        #if canImport(Chart)
        list.append(Chart.self)
        #endif
        return list
    }

    static func load(into session: Session) {
        for plugin in plugins() {
            do {
                try session.load(plugin: plugin)
            } catch {
                session.output.writeError("steppe: warning: plugin \(plugin.name) did not load: \(error)\n")
            }
        }
    }
}
