// swift-tools-version: 6.0
import PackageDescription

/// Built-in command plugins, in catalog order. Each lives in `Plugins/<Name>`
/// and depends on SteppeCore alone.
let builtinPlugins: [String] = ["Statistics", "Compare", "Crosscheck", "Timeline", "Chart", "Search", "Describe"]

/// The plugin API: a dynamic library (its own package, in Sources/SteppeCore)
/// shared by steppe and every plugin, built in or loaded from a file.
let core: Target.Dependency = .product(name: "SteppeCore", package: "SteppeCore")

/// The targets on steppe's start-up path import neither _StringProcessing nor
/// _Concurrency, so steppe does not load them (see Sources/SteppeCore/Package.swift).
let startupSettings: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-implicit-string-processing-module-import",
                  "-Xfrontend", "-disable-implicit-concurrency-module-import"]),
    // A concrete generic type's metadata (`[String: Int32]`, `[Fact]`) is
    // asked for through its accessor, not by its mangled name: the runtime
    // would demangle each name and look up its conformances by scanning
    // every library's conformance records, a sixth of `steppe -c 1`
    // (1.1 M instructions, and more of its time, in pages touched).
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]),
    // Release builds check exclusive access statically only: the dynamic
    // checks (swift_beginAccess on every class property) were an eighth of
    // loading a big pack. Debug builds, which the tests also run, keep them.
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

/// The C targets' debug information in DWARF 4, which the benchmark's
/// valgrind (3.19) reads; clang's default, DWARF 5, stops it.
let cSettings: [CSetting] = [.unsafeFlags(["-gdwarf-4"])]

let package = Package(
    name: "steppe",
    products: [
        .executable(name: "steppe", targets: ["steppe"]),
        // Plugins/Example, also built as a plugin to load at run time:
        // `steppe --plugin .build/debug/libExamplePlugin.so`.
        .library(name: "ExamplePlugin", type: .dynamic, targets: ["Example"]),
        // swift-argument-parser's reading of the command line (help, mistakes),
        // opened by steppe only when its fast reader does not take the
        // command line: it brings FoundationEssentials, which every start-up
        // would otherwise pay for.
        .library(name: "SteppeCLI", type: .dynamic, targets: ["SteppeCLI"]),
        // `--report`: the HTML and markdown writer, with Ink for the prose of
        // comments; opened only for --report (it brings Foundation).
        .library(name: "SteppeReport", type: .dynamic, targets: ["SteppeReport"]),
    ],
    dependencies: [
        .package(path: "Sources/SteppeCore"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        // libedit's wrappers, and the code that opens libedit (with dlopen)
        // when the prompt first needs it: steppe does not link libedit, so
        // `-c` and scripts never load it. Building needs libedit-dev's
        // <histedit.h>, running the prompt libedit2 (.ci/setup installs both).
        .target(name: "CEditLine", cSettings: cSettings),
        // The prompt's signal flags and handlers: one C translation unit, so
        // the process has one copy of them however Swift inlines its callers.
        .target(name: "CSignals", cSettings: cSettings),
        .target(name: "LineEditing", dependencies: ["CEditLine", "CSignals"], swiftSettings: startupSettings),
        .executableTarget(
            name: "steppe",
            dependencies: [
                core,
                "LineEditing",
            ] + builtinPlugins.map { .target(name: $0) },
            swiftSettings: startupSettings
            // The loader searches steppe's libraries in the order they are
            // linked, and libstdc++ binds a few thousand symbols of its own
            // (and of libc) at start-up: CEditLine's module map names
            // libstdc++ and libc first, so that none of those searches first
            // misses in libswiftCore and the rest (a twentieth of
            // `steppe -c 1`).
        ),
        .target(name: "SteppeCLI", dependencies: [
            core,
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "SteppeReport", dependencies: [
            core,
            .product(name: "Ink", package: "Ink"),
        ]),
        .testTarget(name: "ReportTests", dependencies: [core, "SteppeReport", "TestSupport"] + builtinPlugins.map { .target(name: $0) },
                    exclude: ["Support/pngcheck.py"]),
        // The template a user copies: built and tested, not in the catalog.
        .target(name: "Example", dependencies: [core], path: "Plugins/Example"),
        .testTarget(name: "SteppeCoreTests", dependencies: [core]),
        .testTarget(name: "LineEditingTests", dependencies: ["LineEditing"]),
        // Finds the built binary for the suites that run it.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ScriptTests", dependencies: ["steppe", "TestSupport"], exclude: ["scripts"]),
        // posix_spawn with closefrom for the tmux tests, which Swift's Glibc does not import.
        .target(name: "CSpawn", path: "Tests/CSpawn"),
        .testTarget(name: "PromptTests", dependencies: ["steppe", "TestSupport", "CSpawn"]),
        .testTarget(name: "RobustnessTests", dependencies: ["steppe", "TestSupport"], exclude: ["crashers"]),
        .testTarget(name: "PluginTests", dependencies: [core, "Example"] + builtinPlugins.map { .target(name: $0) }),
    ] + builtinPlugins.map {
        .target(name: $0, dependencies: [core], path: "Plugins/\($0)", swiftSettings: startupSettings)
    },
    swiftLanguageModes: [.v6]
)
