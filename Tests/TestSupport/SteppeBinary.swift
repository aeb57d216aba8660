import Foundation

/// Where the test suites find the package and the built `steppe` binary:
/// `STEPPE_BIN`, else beside the test bundle, else `.build/debug/steppe`.
public enum SteppeBinary {
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["STEPPE_BIN"] { return URL(fileURLWithPath: path) }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("steppe")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/steppe")
    }()
}
