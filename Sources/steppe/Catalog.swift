import SteppeCore

/// The plugins built into steppe, as Lua's `linit.c` lists its libraries.
/// Adding a plugin: a folder under Plugins/, a target in Package.swift, and a
/// line here.
enum Catalog {
    static func plugins() -> [any SteppePlugin.Type] {
        []
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
