/// What a plugin loaded from a file (`steppe --plugin FILE`, `:plugin load
/// FILE`) exports, and how steppe checks it before trusting it.
///
/// Swift has no stable ABI on Linux: a plugin works only when it was built
/// against the same plugin API and by the same compiler as the steppe that
/// loads it, and when both link the one `libSteppeCore.so` (a plugin with its
/// own copy of SteppeCore has its own copies of every type, and the host's
/// casts fail). So a plugin exports three C functions, and the host reads the
/// first two before it calls anything Swift:
///
/// ```swift
/// @_cdecl("steppe_plugin_api_version")
/// public func steppePluginAPIVersion() -> Int32 { PluginABI.apiVersion }
/// @_cdecl("steppe_plugin_compiler_version")
/// public func steppePluginCompilerVersion() -> UnsafePointer<CChar> { PluginABI.compilerVersionCString }
/// @_cdecl("steppe_plugin_entry")
/// public func steppePluginEntry() -> UnsafeMutableRawPointer { PluginABI.entry(MyPlugin.self) }
/// ```
///
/// `apiVersion` and `compilerVersion` are emitted into the plugin itself, so
/// they say what the plugin was built with, not what the host has.
public enum PluginABI {
    /// Raised whenever a change to the plugin API would break a built plugin.
    /// 2: `Parameter.Introducer.word` takes an `IntroducerWord` (`vs`, `by`,
    /// `to`), the words the parser knows, not any text.
    @_alwaysEmitIntoClient
    public static var apiVersion: Int32 { 2 }

    /// The compiler that compiled the caller, as `6.3.1`.
    @_alwaysEmitIntoClient
    public static var compilerVersion: String {
        String(cString: compilerVersionCString)
    }

    @_alwaysEmitIntoClient
    public static var compilerVersionCString: UnsafePointer<CChar> {
        let text: StaticString
        #if compiler(>=6.5)
        text = "6.5 or later"
        #elseif compiler(>=6.4.1)
        text = "6.4.1"
        #elseif compiler(>=6.4)
        text = "6.4"
        #elseif compiler(>=6.3.2)
        text = "6.3.2"
        #elseif compiler(>=6.3.1)
        text = "6.3.1"
        #elseif compiler(>=6.3)
        text = "6.3"
        #elseif compiler(>=6.2.1)
        text = "6.2.1"
        #elseif compiler(>=6.2)
        text = "6.2"
        #elseif compiler(>=6.1.1)
        text = "6.1.1"
        #elseif compiler(>=6.1)
        text = "6.1"
        #elseif compiler(>=6.0.1)
        text = "6.0.1"
        #else
        text = "6.0"
        #endif
        return UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    /// Wraps a plugin type for `steppe_plugin_entry`; the host takes it back
    /// with `PluginABI.plugin(from:)`.
    public static func entry(_ plugin: any SteppePlugin.Type) -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(PluginEntry(plugin)).toOpaque()
    }

    /// The plugin type behind an entry pointer (takes ownership of it).
    public static func plugin(from pointer: UnsafeMutableRawPointer) -> any SteppePlugin.Type {
        Unmanaged<PluginEntry>.fromOpaque(pointer).takeRetainedValue().plugin
    }

    /// The API version and compiler of this steppe.
    public static let hostAPIVersion: Int32 = apiVersion
    public static let hostCompilerVersion: String = compilerVersion
}

/// A plugin type in a box, to cross the C boundary as one pointer.
public final class PluginEntry {
    let plugin: any SteppePlugin.Type
    init(_ plugin: any SteppePlugin.Type) { self.plugin = plugin }
}
