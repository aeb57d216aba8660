import SteppeCore

#if canImport(Glibc)
import Glibc
#endif

/// Loads command plugins from shared libraries, the way sqlite3's `.load`
/// does: checks the plugin's API version and compiler first, then lets it
/// register its commands. Every refusal names the file; the session goes on.
enum PluginLoader {
    struct Refusal: Error {
        var message: String
    }

    typealias VersionFunction = @convention(c) () -> Int32
    typealias CompilerFunction = @convention(c) () -> UnsafePointer<CChar>
    typealias EntryFunction = @convention(c) () -> UnsafeMutableRawPointer?

    /// Loads the plugin at `path` into `session`; returns its name.
    @discardableResult
    static func load(_ path: String, into session: Session) throws(Refusal) -> String {
        guard !session.options.safe else {
            throw Refusal(message: "--safe forbids loading plugins from files ('\(path)')")
        }
        guard FileIO.exists(path) else { throw Refusal(message: "cannot open plugin '\(path)': no such file") }
        guard !FileIO.isDirectory(path) else { throw Refusal(message: "'\(path)' is a folder, not a plugin") }
        // dlopen of a FIFO would wait for a writer forever.
        if let what = FileIO.specialKind(path) { throw Refusal(message: "'\(path)' is \(what), not a plugin") }
        // dlopen searches the library path for a bare name; a file is meant here.
        let file = path.contains("/") ? path : "./" + path
        guard let handle = dlopen(file, RTLD_NOW | RTLD_LOCAL) else {
            let why = dlerror().map { String(cString: $0) } ?? "unknown error"
            throw Refusal(message: "'\(path)' is not a steppe plugin: \(why)")
        }
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            guard let p = dlsym(handle, name) else { return nil }
            return unsafeBitCast(p, to: type)
        }
        guard let version = symbol("steppe_plugin_api_version", as: VersionFunction.self),
              let compiler = symbol("steppe_plugin_compiler_version", as: CompilerFunction.self),
              let entry = symbol("steppe_plugin_entry", as: EntryFunction.self) else {
            dlclose(handle)
            throw Refusal(message: "'\(path)' is not a steppe plugin: it exports no steppe_plugin_entry, steppe_plugin_api_version and steppe_plugin_compiler_version")
        }
        let api = version()
        guard api == PluginABI.hostAPIVersion else {
            dlclose(handle)
            throw Refusal(message: "'\(path)' was built for steppe plugin API \(api); this steppe has API \(PluginABI.hostAPIVersion): rebuild the plugin against this steppe")
        }
        let built = String(cString: compiler())
        guard built == PluginABI.hostCompilerVersion else {
            dlclose(handle)
            throw Refusal(message: "'\(path)' was built by Swift \(built); this steppe was built by Swift \(PluginABI.hostCompilerVersion), and Swift has no stable ABI on Linux: rebuild the plugin with the same compiler")
        }
        guard let pointer = entry() else {
            dlclose(handle)
            throw Refusal(message: "'\(path)' is not a steppe plugin: its steppe_plugin_entry gave nothing")
        }
        // From here the library stays loaded: its code backs the commands.
        let plugin = PluginABI.plugin(from: pointer)
        do {
            try session.load(plugin: plugin, origin: path)
        } catch {
            throw Refusal(message: "plugin '\(path)' did not load: \(Problem.foreign(error).message)")
        }
        return plugin.name
    }

    /// The user's plugins folder: `$XDG_DATA_HOME/steppe/plugins`, else
    /// `~/.local/share/steppe/plugins`.
    static func folder() -> String? {
        if let data = FileIO.environment("XDG_DATA_HOME"), data.hasPrefix("/") { return data + "/steppe/plugins" }
        guard let home = FileIO.environment("HOME"), !home.isEmpty else { return nil }
        return home + "/.local/share/steppe/plugins"
    }

    /// Loads every `*.so` in the plugins folder, in name order, warning about
    /// (and skipping) the ones refused.
    static func loadFolder(into session: Session) {
        guard let folder = folder(), FileIO.isDirectory(folder) else { return }
        let files = FileIO.list(folder).filter { $0.hasSuffix(".so") }.sorted()
        guard !files.isEmpty else { return }
        if session.options.safe {
            session.output.writeError("steppe: warning: --safe: not loading the \(files.count) plugin(s) in \(folder)\n")
            return
        }
        for name in files {
            do {
                try load(folder + "/" + name, into: session)
            } catch {
                session.output.writeError("steppe: warning: \(error.message)\n")
            }
        }
    }
}
