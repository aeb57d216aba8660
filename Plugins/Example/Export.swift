import SteppeCore

// What makes this plugin loadable from a file: `swift build` also builds it as
// libExamplePlugin.so (see Package.swift), and steppe loads that with
// `steppe --plugin .build/debug/libExamplePlugin.so` or `:plugin load FILE`.
// steppe reads the first two functions before it calls any Swift code, and
// refuses a plugin built for another API or by another compiler.

@_cdecl("steppe_plugin_api_version")
public func steppePluginAPIVersion() -> Int32 { PluginABI.apiVersion }

@_cdecl("steppe_plugin_compiler_version")
public func steppePluginCompilerVersion() -> UnsafePointer<CChar> { PluginABI.compilerVersionCString }

@_cdecl("steppe_plugin_entry")
public func steppePluginEntry() -> UnsafeMutableRawPointer { PluginABI.entry(Example.self) }
