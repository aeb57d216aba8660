// swift-tools-version: 6.0
import PackageDescription

// SteppeCore is its own package so that it can be a dynamic library that the
// steppe executable and plugins loaded from files at run time both link: a
// plugin with its own copy of SteppeCore would have its own copies of every
// type, and steppe's casts would fail. (SwiftPM never links an executable to
// a dynamic library of its own package, hence the separate package.)
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
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
