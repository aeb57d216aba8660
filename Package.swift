// swift-tools-version: 6.0
import PackageDescription

/// Built-in command plugins, in catalog order. Each lives in `Plugins/<Name>`
/// and depends on SteppeCore alone.
let builtinPlugins: [String] = []

let package = Package(
    name: "steppe",
    products: [
        .executable(name: "steppe", targets: ["steppe"]),
        .library(name: "SteppeCore", targets: ["SteppeCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "SteppeCore",
            resources: [
                .embedInCode("Packs/article.steppe"),
                .embedInCode("Packs/references.steppe"),
            ]
        ),
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "LineEditing", dependencies: ["CEditLine"]),
        .executableTarget(
            name: "steppe",
            dependencies: [
                "SteppeCore",
                "LineEditing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ] + builtinPlugins.map { .target(name: $0) }
        ),
        .testTarget(name: "SteppeCoreTests", dependencies: ["SteppeCore"]),
        .testTarget(name: "LineEditingTests", dependencies: ["LineEditing"]),
        .testTarget(name: "ScriptTests", dependencies: ["steppe"], exclude: ["scripts"]),
        .testTarget(name: "PromptTests", dependencies: ["steppe"]),
    ] + builtinPlugins.map {
        .target(name: $0, dependencies: ["SteppeCore"], path: "Plugins/\($0)")
    },
    swiftLanguageModes: [.v6]
)
