import SteppeCore

#if canImport(Glibc)
import Glibc
#endif

/// The command line. The everyday forms are read by `quickParse`; anything
/// else (help, `--opt=value`, mistakes) by swift-argument-parser in
/// libSteppeCLI.so beside the executable, opened only then, which gives the
/// same command line back in the plain form. Mistakes exit 2.
func parseCommandLine() -> CommandLineOptions {
    let argv = Array(CommandLine.arguments.dropFirst())
    if let quick = CommandLineOptions.quickParse(argv) { return quick }
    if argv == ["--version"] {
        print(SteppeVersion.text)
        exit(0)
    }
    switch CommandLineLibrary.parse(argv) {
    case .parsed(let canonical):
        if let options = CommandLineOptions.quickParse(canonical, canonical: true) { return options }
        FileIO.writeStandardError("steppe: error: the command line could not be read back: \(canonical)\n")
        exit(2)
    case .exit(let status):
        exit(status)
    case .unavailable(let why):
        FileIO.writeStandardError("""
        steppe: error: this command line needs libSteppeCLI.so, which explains options and mistakes: \(why)
        Usage: steppe [-c <statements> ...] [--format <format>] [--load <pack> ...] [--plugin <file> ...] [--report <out>] [--keep-going] [--safe] [--no-color] [--init <file>] [--no-init] [<file> ...]
          Build it with `swift build` (it sits beside the steppe executable).

        """)
        exit(2)
    }
}

exit(Launcher(options: parseCommandLine()).run())
