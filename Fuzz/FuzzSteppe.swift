// libFuzzer target over the lexer, the parser, the evaluator (with the
// built-in plugins) and the renderers. Built and run by Fuzz/run.sh; see the
// README's "Robustness and fuzzing".
//
// Each input is run as a script in a fresh session on the built-in facts,
// the way `steppe FILE` runs it, then loaded as a fact pack. The first byte
// also picks the output format and whether the script stops at the first
// failure. Findings are crashes
// (a trap, an overflow, a stack overflow: AddressSanitizer reports them) and
// hangs (libFuzzer's -timeout).

#if canImport(Glibc)
import Glibc
#endif
import SteppeCore
#if canImport(Statistics)
import Statistics
#endif
#if canImport(Compare)
import Compare
#endif
#if canImport(Crosscheck)
import Crosscheck
#endif
#if canImport(Timeline)
import Timeline
#endif
#if canImport(Chart)
import Chart
#endif

enum FuzzPlugins {
    static func all() -> [any SteppePlugin.Type] {
        var list: [any SteppePlugin.Type] = []
        #if canImport(Statistics)
        list.append(Statistics.self)
        #endif
        #if canImport(Compare)
        list.append(Compare.self)
        #endif
        #if canImport(Crosscheck)
        list.append(Crosscheck.self)
        #endif
        #if canImport(Timeline)
        list.append(Timeline.self)
        #endif
        #if canImport(Chart)
        list.append(Chart.self)
        #endif
        return list
    }
}

/// A long evaluation (an exponential `def`) is stopped after this many
/// seconds, as Ctrl-C stops it at the prompt. A hang that this does not stop
/// is a real finding: Ctrl-C would not stop it either.
let evaluationBudget = 1.0

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let control = bytes.first ?? 0
    let file = SourceFile(name: "<fuzz>", bytes: bytes)

    // The lexer and parser alone.
    _ = try? Lexer.tokenize(file)
    _ = try? Parser.parse(file)

    // The whole script in a session.
    let output = OutputBuffer(capture: true)
    guard let session = try? Session.withBuiltinFacts(output: output) else {
        fatalError("the built-in packs did not load")
    }
    for plugin in FuzzPlugins.all() { try? session.load(plugin: plugin) }
    let formats = OutputFormat.allCases
    session.options.format = formats[Int(control) % formats.count]
    session.options.keepGoing = control & 0x04 != 0
    session.options.width = control & 0x08 != 0 ? 20 + Int(control >> 4) : nil
    // Never write files from fuzz input (charts to "FILE.svg"): the --safe
    // refusal is what runs.
    session.options.safe = true
    let deadline = FileIO.now() + evaluationBudget
    session.interruptRequested = { FileIO.now() > deadline }
    _ = session.run(SourceFile(name: "<fuzz>", bytes: bytes))
    _ = output.takeCaptured()

    // The same bytes as a fact pack (the fast fact reader and the
    // all-or-nothing load): a pack that fails must leave the facts as they were.
    let before = session.factCounts
    do {
        try session.loadPack(SourceFile(name: "<fuzz pack>", bytes: bytes))
    } catch {
        let after = session.factCounts
        if after.article != before.article || after.references != before.references {
            fatalError("a pack that failed to load changed the facts: \(before) → \(after)")
        }
    }
    _ = output.takeCaptured()

    // Completion at a few cursor positions of the first line.
    let line = String(decoding: bytes.prefix { $0 != 10 }.prefix(4096), as: UTF8.self)
    let count = line.count
    for cursor in Set([0, count / 2, count, Int(control) % (count + 1)]) {
        _ = session.completions(line: line, cursor: cursor)
    }
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>) -> Int32 {
    // `:run x`, `:load x` and completion after `:run ` look at the current
    // folder: give them a scratch folder of their own (run.sh makes it).
    if let dir = getenv("STEPPE_FUZZ_DIR") { _ = chdir(dir) }
    return 0
}
