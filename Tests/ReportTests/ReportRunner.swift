import Foundation
import TestSupport

/// Runs a program and captures what it prints (the steppe binary, tidy,
/// Chromium, Python), giving up after `timeout` seconds.
struct Ran {
    var stdout: String
    var stderr: String
    var status: Int32

    static let packageRoot = SteppeBinary.packageRoot

    static func steppe(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) throws -> Ran {
        try program(SteppeBinary.url, arguments, environment: environment, directory: directory, timeout: 120)
    }

    /// The path of `name` on PATH, or nil.
    static func which(_ name: String) -> URL? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    static func program(_ executable: URL, _ arguments: [String], environment: [String: String] = [:],
                        directory: URL? = nil, timeout: Double) throws -> Ran {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box(), errBox = Box()
        let readers = [Thread { outBox.data = out.fileHandleForReading.readDataToEndOfFile() },
                       Thread { errBox.data = err.fileHandleForReading.readDataToEndOfFile() }]
        readers.forEach { $0.start() }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw RanError("\(executable.lastPathComponent) \(arguments) did not finish within \(timeout) s")
            }
            usleep(5000)
        }
        while readers.contains(where: { !$0.isFinished }) { usleep(1000) }
        return Ran(stdout: String(decoding: outBox.data, as: UTF8.self),
                   stderr: String(decoding: errBox.data, as: UTF8.self),
                   status: process.terminationStatus)
    }

    /// A new empty folder for one test.
    static func folder(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-report-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

struct RanError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
