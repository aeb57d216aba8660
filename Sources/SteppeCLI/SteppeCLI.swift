import ArgumentParser
import SteppeCore

#if canImport(Glibc)
import Glibc
#endif

/// steppe's command line as swift-argument-parser reads it: the help, the
/// version, `--opt=value` forms and every mistake, explained.
///
/// A library of its own, opened by the executable only when its fast reader
/// (`CommandLineOptions.quickParse`) does not take the command line as it is:
/// the argument parser brings FoundationEssentials, which would cost every
/// start-up over half a millisecond.
struct Steppe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steppe",
        abstract: "Explore the facts of \"What really happened in Kazakhstan?\", with their sources and bounds.",
        discussion: """
        With no FILE and no -c, steppe starts the prompt when stdin is a terminal, \
        and otherwise reads stdin as a script. Exit status: 0 when every statement \
        succeeded, 1 when one failed, 2 for a bad command line or a syntax error.
        """,
        version: SteppeVersion.text
    )

    @Option(name: .customShort("c"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Run these statements, then exit (repeatable: each runs in turn).", valueName: "statements"))
    var command: [String] = []

    @Option(help: ArgumentHelp("How results are shown: table, csv, json or markdown.", valueName: "format"))
    var format: String = "table"

    @Option(name: .customLong("load"), help: ArgumentHelp("Load a fact pack first (repeatable).", valueName: "pack"))
    var packs: [String] = []

    @Option(name: .customLong("from"), help: ArgumentHelp("The source of every row of the CSV or JSON pack named by the --load before it.", valueName: "source"))
    var froms: [String] = []

    @Option(name: .customLong("plugin"), help: ArgumentHelp("Load a command plugin from a shared library (repeatable).", valueName: "file"))
    var plugins: [String] = []

    @Option(help: ArgumentHelp("Run the scripts (as --keep-going) and write a cited report: OUT.html or OUT.md.", valueName: "out"))
    var report: String?

    @Flag(help: "In scripts, go on past a failing statement.")
    var keepGoing = false

    @Flag(help: "No plugin loading from files, no file writes by statements.")
    var safe = false

    @Flag(help: "Plain output (also when NO_COLOR is set or output is not a terminal).")
    var noColor = false

    @ArgumentParser.Argument(help: ArgumentHelp("Scripts to run, in order.", valueName: "file"))
    var files: [String] = []

    mutating func validate() throws {
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)': use table, csv, json or markdown")
        }
        if let report {
            guard report.hasSuffix(".html") || report.hasSuffix(".md"), report.count > 3, !report.hasSuffix("/.md"), !report.hasSuffix("/.html") else {
                throw ValidationError("--report writes OUT.html or OUT.md, not '\(report)'")
            }
            guard !files.isEmpty else {
                throw ValidationError("--report needs the scripts to report on: steppe --report \(report) SCRIPT.steppe ...")
            }
        }
    }

    /// The same command line in the one plain form the fast reader takes:
    /// each option with its value as the next argument, files after `--`.
    func canonical(sources: [Int: String]) -> [String] {
        var out: [String] = []
        for c in command { out += ["-c", c] }
        if format != "table" { out += ["--format", format] }
        for (i, p) in packs.enumerated() {
            out += ["--load", p]
            if let s = sources[i] { out += ["--from", s] }
        }
        for p in plugins { out += ["--plugin", p] }
        if let report { out += ["--report", report] }
        if keepGoing { out.append("--keep-going") }
        if safe { out.append("--safe") }
        if noColor { out.append("--no-color") }
        return out + ["--"] + files
    }
}

public enum SteppeCLI {
    /// Which `--load` each `--from` belongs to (the one before it), by the
    /// `--load`'s index: argument-parser keeps each option's values apart.
    static func packSources(_ arguments: [String]) throws -> [Int: String] {
        var sources: [Int: String] = [:]
        var loads = 0
        var i = 0
        let takesValue: Set<String> = ["-c", "--format", "--load", "--plugin", "--from"]
        while i < arguments.count {
            let a = arguments[i]
            i += 1
            if a == "--" { break }
            var value: String?
            var name = a
            if let eq = a.firstIndex(of: "="), a.hasPrefix("--") {
                name = String(a[..<eq])
                value = String(a[a.index(after: eq)...])
            } else if takesValue.contains(a), i < arguments.count {
                value = arguments[i]
                i += 1
            }
            if name == "--load" { loads += 1 }
            if name == "--from", let value {
                guard loads > 0 else { throw ValidationError("--from names the source of the --load before it, and no --load comes before it") }
                guard sources[loads - 1] == nil else { throw ValidationError("the pack \(loads) is given two sources with --from") }
                sources[loads - 1] = value
            }
        }
        return sources
    }

    /// Reads `arguments`: on success returns nil and gives the canonical form
    /// to `emit`; otherwise prints what the user asked for (help, version) or
    /// the mistake with the usage, and returns the exit status (0 or 2; the
    /// parser's own 64 is steppe's 2).
    public static func parse(_ arguments: [String], emit: ([String]) -> Void) -> Int32? {
        do {
            let command = try Steppe.parse(arguments)
            emit(command.canonical(sources: try packSources(arguments)))
            return nil
        } catch {
            if Steppe.exitCode(for: error) == .success {
                print(Steppe.fullMessage(for: error))
                return 0
            }
            let text = "steppe: error: \(Steppe.message(for: error))\n\(Steppe.usageString())\n  See 'steppe --help' for more.\n"
            FileIO.writeStandardError(text)
            return 2
        }
    }
}

/// The C entry the executable finds with dlsym: `argv` holds `argc`
/// arguments (without the program name).
/// Returns -1 when the command line is good, after calling `emit(context,
/// argument)` for each argument of its canonical form; otherwise the exit status.
@_cdecl("steppe_cli_parse")
public func steppeCLIParse(
    _ argc: Int32,
    _ argv: UnsafePointer<UnsafePointer<CChar>?>,
    _ context: UnsafeMutableRawPointer,
    _ emit: @convention(c) (UnsafeMutableRawPointer, UnsafePointer<CChar>) -> Void
) -> Int32 {
    var arguments: [String] = []
    for i in 0..<Int(argc) {
        if let a = argv[i] { arguments.append(String(cString: a)) }
    }
    let status = SteppeCLI.parse(arguments) { canonical in
        for a in canonical { a.withCString { emit(context, $0) } }
    }
    return status ?? -1
}
