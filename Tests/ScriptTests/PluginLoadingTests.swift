import Foundation
import TestSupport
import Testing

/// Plugins loaded from shared libraries at run time (`--plugin`, `:plugin
/// load`, the plugins folder), and every way a file is refused.
@Suite struct PluginLoadingTests {
    /// libExamplePlugin.so, built with the binary (`swift build -c release`
    /// builds both), so the plugin and the binary it loads into are built the
    /// same way.
    static let example: URL = Run.binary.deletingLastPathComponent().appendingPathComponent("libExamplePlugin.so")

    static var exampleBuilt: Bool { FileManager.default.fileExists(atPath: example.path) }

    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-plugins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A shared library made with the C compiler, exporting what a plugin
    /// exports but with the versions given: it must be refused before any
    /// Swift code in it runs.
    func fakePlugin(api: Int32, compiler: String, entry: Bool = true) throws -> URL {
        let dir = try folder()
        let source = dir.appendingPathComponent("fake.c")
        var text = """
        int steppe_plugin_api_version(void) { return \(api); }
        const char *steppe_plugin_compiler_version(void) { return "\(compiler)"; }
        """
        if entry { text += "\nvoid *steppe_plugin_entry(void) { return 0; }\n" }
        try text.write(to: source, atomically: true, encoding: .utf8)
        let library = dir.appendingPathComponent("libfake.so")
        let cc = Process()
        cc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        cc.arguments = ["cc", "-shared", "-fPIC", "-o", library.path, source.path]
        try cc.run()
        cc.waitUntilExit()
        #expect(cc.terminationStatus == 0)
        return library
    }

    @Test
    func loadsTheExamplePluginFromTheCommandLine() throws {
        try #require(Self.exampleBuilt, "no \(Self.example.path): `swift build -c release` builds it")
        let r = try Run.steppe(["--plugin", Self.example.path, "-c", "per_person kazakhstan.oil_reserves; :plugins"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("1,564 bbl/person\n"))
        #expect(r.stdout.contains("Example     1.0.0    \(Self.example.path)  per_person, share"))
        #expect(r.stdout.contains("Statistics  1.0.0    built in"))
    }

    @Test
    func loadsAtRunTimeFromAScriptAndHelpKnowsIt() throws {
        try #require(Self.exampleBuilt, "no \(Self.example.path): `swift build -c release` builds it")
        let r = try Run.steppe(["-c", ":plugin load \(Self.example.path)\nshare protests.officers_killed, protests.killed\n:help share"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("loaded plugin Example from"))
        #expect(r.stdout.contains("< 5.778 %"))
        #expect(r.stdout.contains("share PART vs WHOLE"))
    }

    /// A plugin's `CommandError` is shown as its message, never as a struct dump.
    @Test(.enabled(if: exampleBuilt, "run `swift build` first: it builds libExamplePlugin.so"))
    func aPluginThatDoesNotLoadSaysWhyInWords() throws {
        let r = try Run.steppe(["-c", ":plugin load \(Self.example.path)\n:plugin load \(Self.example.path)"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("did not load: plugin Example is already loaded"), "\(r.stderr)")
        #expect(!r.stderr.contains("CommandError"))
    }

    /// `:help plugin` and `:help :plugin load` describe the session command.
    @Test func helpKnowsPluginLoad() throws {
        let r = try Run.steppe(["-c", ":help plugin\n:help :plugin load"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.components(separatedBy: ":plugin load FILE\n").count == 3)
    }

    @Test
    func loadsThePluginsFolderAtStart() throws {
        try #require(Self.exampleBuilt, "no \(Self.example.path): `swift build -c release` builds it")
        let data = try folder()
        let plugins = data.appendingPathComponent("steppe/plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.example, to: plugins.appendingPathComponent("libExamplePlugin.so"))
        let r = try Run.steppe(["-c", "per_person kazakhstan.oil_reserves"], environment: ["XDG_DATA_HOME": data.path])
        #expect(r.stdout == "1,564 bbl/person\n", "\(r.stderr)")
        let safe = try Run.steppe(["--safe", "-c", "1"], environment: ["XDG_DATA_HOME": data.path])
        #expect(safe.stdout == "1\n")
        #expect(safe.stderr.contains("--safe: not loading"))
    }

    /// A plugin named by `--plugin` that cannot be loaded is a bad command
    /// line (status 2); `:plugin load` in a script is a failed statement (1).
    @Test func refusesAFileThatIsNotAPlugin() throws {
        let dir = try folder()
        let text = dir.appendingPathComponent("notes.so")
        try "not a library".write(to: text, atomically: true, encoding: .utf8)
        let r = try Run.steppe(["--plugin", text.path, "-c", "1"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("'\(text.path)' is not a steppe plugin"))
        let noEntry = try fakePlugin(api: 1, compiler: "6.3.1", entry: false)
        let r2 = try Run.steppe(["--plugin", noEntry.path, "-c", "1"])
        #expect(r2.stderr.contains("exports no steppe_plugin_entry"))
    }

    @Test func refusesAMissingFileAndAFolder() throws {
        let r = try Run.steppe(["--plugin", "/no/such/plugin.so", "-c", "1"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot open plugin '/no/such/plugin.so'"))
        let dir = try folder()
        let r2 = try Run.steppe(["--plugin", dir.path, "-c", "1"])
        #expect(r2.stderr.contains("is a folder"))
    }

    @Test func refusesAnotherAPIVersionNamingBoth() throws {
        let fake = try fakePlugin(api: 99, compiler: "6.3.1")
        let r = try Run.steppe(["--plugin", fake.path, "-c", "1"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("'\(fake.path)' was built for steppe plugin API 99; this steppe has API 2"))
    }

    @Test func refusesAnotherCompilerNamingBoth() throws {
        let fake = try fakePlugin(api: 2, compiler: "5.9")
        let r = try Run.steppe(["--plugin", fake.path, "-c", "1"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("was built by Swift 5.9; this steppe was built by Swift"))
        #expect(r.stderr.contains("no stable ABI on Linux"))
    }

    @Test func aRefusalAtThePromptOrInAScriptLeavesTheSessionGoing() throws {
        let r = try Run.steppe(["--keep-going", "-c", ":plugin load /no/such.so\n1 + 1"])
        #expect(r.stdout == "2\n")
        #expect(r.stderr.contains("<command line>:1:1: error: cannot open plugin '/no/such.so'"))
        #expect(r.status == 1)
    }

    @Test
    func safeRefusesLoading() throws {
        try #require(Self.exampleBuilt, "no \(Self.example.path): `swift build -c release` builds it")
        let r = try Run.steppe(["--safe", "--plugin", Self.example.path, "-c", "1"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--safe forbids loading plugins from files"))
        let r2 = try Run.steppe(["--safe", "-c", ":plugin load \(Self.example.path)"])
        #expect(r2.status == 1)
        // LANGUAGE.md, "Session commands": the error names --safe.
        #expect(r2.stderr.contains("error: :plugin load is refused under --safe"))
    }
}

/// The README's recipe, end to end: a plugin in a Swift package of its own,
/// built with `swift build` against Sources/SteppeCore, loaded into the binary.
@Suite struct ExternalPluginTests {
    // A release build of SteppeCore from scratch (the binary it loads into is
    // release): minutes on a quiet machine, over ten under a heavy load.
    @Test(.timeLimit(.minutes(30)))
    func aPluginBuiltInItsOwnPackageLoads() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-external-\(UUID().uuidString)")
        let sources = dir.appendingPathComponent("Sources/Greeting")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let core = Run.packageRoot.appendingPathComponent("Sources/SteppeCore").path
        try """
        // swift-tools-version: 6.0
        import PackageDescription
        let package = Package(
            name: "Greeting",
            products: [.library(name: "Greeting", type: .dynamic, targets: ["Greeting"])],
            dependencies: [.package(path: "\(core)")],
            targets: [.target(name: "Greeting", dependencies: [.product(name: "SteppeCore", package: "SteppeCore")])],
            swiftLanguageModes: [.v6]
        )
        """.write(to: dir.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try """
        import SteppeCore

        public enum Greeting: SteppePlugin {
            public static let name = "Greeting"
            public static let version = "0.1.0"
            public static let summary = "says hello"
            public static func register(into registry: inout CommandRegistry) throws {
                try registry.register(Command(
                    name: "greet", summary: "greets a place", usage: "greet NAME",
                    examples: ["greet \\"Astana\\""], parameters: [Parameter("name", .text, summary: "a text")],
                    run: { args, _ in
                        guard case .text(let s)? = args["name"]?.payload else { throw CommandError("expected a text") }
                        return CommandResult(.text("hello, " + s))
                    }))
            }
        }

        @_cdecl("steppe_plugin_api_version")
        public func steppePluginAPIVersion() -> Int32 { PluginABI.apiVersion }
        @_cdecl("steppe_plugin_compiler_version")
        public func steppePluginCompilerVersion() -> UnsafePointer<CChar> { PluginABI.compilerVersionCString }
        @_cdecl("steppe_plugin_entry")
        public func steppePluginEntry() -> UnsafeMutableRawPointer { PluginABI.entry(Greeting.self) }
        """.write(to: sources.appendingPathComponent("Greeting.swift"), atomically: true, encoding: .utf8)
        let build = Process()
        build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Built as the binary it loads into was (release, as users build steppe).
        build.arguments = ["swift", "build", "-c", SteppeBinary.configuration, "--package-path", dir.path]
        let log = Pipe()
        build.standardOutput = log
        build.standardError = log
        try build.run()
        let output = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        build.waitUntilExit()
        #expect(build.terminationStatus == 0, "swift build failed:\n\(output)")
        let library = dir.appendingPathComponent(".build/\(SteppeBinary.configuration)/libGreeting.so")
        let r = try Run.steppe(["--plugin", library.path, "-c", "greet \"Astana\"; :plugins"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("hello, Astana\n"))
        #expect(r.stdout.contains("Greeting    0.1.0    \(library.path)  greet"))
        try? FileManager.default.removeItem(at: dir)
    }
}
