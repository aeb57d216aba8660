import Foundation

/// Where the test suites find the package and the `steppe` binary they run.
///
/// They run what users run: the release build (`swift build -c release`,
/// `.build/release/steppe`, as the README says), not the debug build that
/// `swift test` makes for itself; release builds inline across modules and
/// have broken things the debug build did not show. `STEPPE_BIN` names
/// another binary (`STEPPE_BIN=.build/debug/steppe swift test --filter X`
/// while iterating).
public enum SteppeBinary {
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["STEPPE_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return packageRoot.appendingPathComponent(".build/release/steppe")
    }()

    /// `release` or `debug`: how the binary was built, read from its folder
    /// (`.build/release`, `.build/x86_64-unknown-linux-gnu/debug`). A plugin
    /// loaded into it must be built the same way.
    public static var configuration: String {
        url.deletingLastPathComponent().lastPathComponent == "debug" ? "debug" : "release"
    }

    /// The binary, or an error that says how to build it.
    public static func checked() throws -> URL {
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw Missing(description: "no steppe binary at \(url.path): build it first with `swift build -c release` (or set STEPPE_BIN)")
        }
        return url
    }

    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }
}
