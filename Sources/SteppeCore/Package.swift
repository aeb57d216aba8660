// swift-tools-version: 6.0
import PackageDescription

// SteppeCore is its own package so that it can be a dynamic library that the
// steppe executable and plugins loaded from files at run time both link: a
// plugin with its own copy of SteppeCore would have its own copies of every
// type, and steppe's casts would fail. (SwiftPM never links an executable to
// a dynamic library of its own package, hence the separate package.)
/// SteppeCore uses neither regular expressions nor async code, so it does
/// not import (and link) _StringProcessing and _Concurrency: each library
/// loaded costs every start-up its relocations and symbol look-ups (the two,
/// with RegexParser and libdispatch that they bring, were over half of the
/// dynamic linker's work).
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

let package = Package(
    name: "SteppeCore",
    products: [
        .library(name: "SteppeCore", type: .dynamic, targets: ["SteppeCore"]),
    ],
    targets: [
        .target(
            name: "SteppeCore",
            path: ".",
            exclude: ["Package.swift"],
            resources: [
                .embedInCode("Packs/article.steppe"),
                .embedInCode("Packs/references.steppe"),
            ],
            swiftSettings: startupSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
