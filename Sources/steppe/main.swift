import ArgumentParser
import SteppeCore

#if canImport(Glibc)
import Glibc
#endif

/// The command line: `steppe`, `steppe FILE...`, `steppe -c 'STATEMENTS'`.
struct Steppe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steppe",
        abstract: "Explore the facts of \"What really happened in Kazakhstan?\", with their sources and bounds.",
        discussion: """
        With no FILE and no -c, steppe starts the prompt when stdin is a terminal, \
        and otherwise reads stdin as a script. Exit status: 0 when every statement \
        succeeded, 1 when one failed, 2 for a bad command line or a syntax error.
        """,
        version: Version.text
    )

    @Option(name: .customShort("c"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Run these statements, then exit (repeatable: each runs in turn).", valueName: "statements"))
    var command: [String] = []

    @Option(help: ArgumentHelp("How results are shown: table, csv, json or markdown.", valueName: "format"))
    var format: String = "table"

    @Option(name: .customLong("load"), help: ArgumentHelp("Load a fact pack first (repeatable).", valueName: "pack"))
    var packs: [String] = []

    @Option(name: .customLong("plugin"), help: ArgumentHelp("Load a command plugin from a shared library (repeatable).", valueName: "file"))
    var plugins: [String] = []

    @Flag(help: "In scripts, go on past a failing statement.")
    var keepGoing = false

    @Flag(help: "No plugin loading from files, no file writes by statements.")
    var safe = false

    @Flag(help: "Plain output (also when NO_COLOR is set or output is not a terminal).")
    var noColor = false

    @ArgumentParser.Argument(help: ArgumentHelp("Scripts to run, in order.", valueName: "file"))
    var files: [String] = []

    /// What the rest of steppe needs from the command line.
    var options: CommandLineOptions {
        CommandLineOptions(commands: command, format: OutputFormat(rawValue: format) ?? .table, packs: packs,
                           plugins: plugins, keepGoing: keepGoing, safe: safe, noColor: noColor, files: files)
    }

    mutating func validate() throws {
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)': use table, csv, json or markdown")
        }
    }
}

enum Version {
    static let text = "steppe 0.1.0"
}

/// Parses the command line with exit status 2 for mistakes (the parser's own is 64).
func parseCommandLine() -> CommandLineOptions {
    let argv = Array(CommandLine.arguments.dropFirst())
    if let quick = CommandLineOptions.quickParse(argv) { return quick }
    do {
        return try Steppe.parse(argv).options
    } catch {
        let code = Steppe.exitCode(for: error)
        if code == .success {
            print(Steppe.fullMessage(for: error))
            exit(0)
        }
        FileIO.writeStandardError("steppe: error: \(Steppe.message(for: error))\n\(Steppe.usageString())\n  See 'steppe --help' for more.\n")
        exit(2)
    }
}

exit(Launcher(options: parseCommandLine()).run())
