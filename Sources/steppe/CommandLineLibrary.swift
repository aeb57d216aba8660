import SteppeCore

#if canImport(Glibc)
import Glibc
#endif

/// libSteppeCLI.so, the command-line reader built on swift-argument-parser,
/// opened from the executable's own folder when it is needed.
enum CommandLineLibrary {
    enum Outcome {
        /// The command line in the plain form `quickParse` reads.
        case parsed([String])
        /// Help or version printed (0), or a mistake explained (2).
        case exit(Int32)
        /// The library could not be opened; why.
        case unavailable(String)
    }

    typealias Emit = @convention(c) (UnsafeMutableRawPointer, UnsafePointer<CChar>) -> Void
    typealias Entry = @convention(c) (Int32, UnsafePointer<UnsafePointer<CChar>?>, UnsafeMutableRawPointer, Emit) -> Int32

    /// Collects the canonical arguments the library hands back.
    final class Collected {
        var arguments: [String] = []
    }

    static func parse(_ argv: [String]) -> Outcome {
        guard let folder = executableFolder() else { return .unavailable("cannot find the steppe executable's folder") }
        let path = folder + "/libSteppeCLI.so"
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            return .unavailable(dlerror().map { String(cString: $0) } ?? "cannot open \(path)")
        }
        guard let symbol = dlsym(handle, "steppe_cli_parse") else {
            return .unavailable("\(path) has no steppe_cli_parse")
        }
        let entry = unsafeBitCast(symbol, to: Entry.self)
        let collected = Collected()
        let cStrings = argv.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = cStrings.map { $0.map { UnsafePointer($0) } }
        let status = pointers.withUnsafeBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return 2 }
            return withExtendedLifetime(collected) {
                entry(Int32(buffer.count), base, Unmanaged.passUnretained(collected).toOpaque()) { context, argument in
                    Unmanaged<Collected>.fromOpaque(context).takeUnretainedValue().arguments.append(String(cString: argument))
                }
            }
        }
        return status < 0 ? .parsed(collected.arguments) : .exit(status)
    }

    /// The folder holding the running executable (symbolic links resolved).
    static func executableFolder() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }
}
