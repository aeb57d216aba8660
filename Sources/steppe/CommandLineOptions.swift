import SteppeCore

/// The command line, once parsed.
struct CommandLineOptions {
    /// `-c` statements, in the order given (`-c` may be repeated).
    var commands: [String] = []
    var format: OutputFormat = .table
    var packs: [String] = []
    /// `--from SOURCE` after a `--load`: the source of that pack's rows, by its index in `packs`.
    var packSources: [Int: String] = [:]
    var plugins: [String] = []
    var keepGoing = false
    var safe = false
    var noColor = false
    var files: [String] = []
    /// `--report OUT.html` or `--report OUT.md`.
    var report: String?

    /// A fast path for the everyday forms (`-c X`, files, the declared options
    /// with separate values). swift-argument-parser builds its whole model by
    /// reflection, about 7 million instructions, which is more than the rest of
    /// start-up; so it handles only what this does not recognise: `--help`,
    /// `--version`, `--opt=value`, and every mistake, which it reports.
    /// Returns nil for anything not plainly valid.
    ///
    /// With `canonical` (the form libSteppeCLI gives back, already checked)
    /// an option's value may start with `-`.
    static func quickParse(_ argv: [String], canonical: Bool = false) -> CommandLineOptions? {
        var o = CommandLineOptions()
        var i = 0
        var onlyFiles = false
        while i < argv.count {
            let a = argv[i]
            i += 1
            if onlyFiles || !a.hasPrefix("-") || a == "-" {
                o.files.append(a)
                continue
            }
            switch a {
            case "--":
                onlyFiles = true
            case "-c":
                guard i < argv.count else { return nil }
                o.commands.append(argv[i])
                i += 1
            case "--format":
                guard i < argv.count, let f = OutputFormat(rawValue: argv[i]) else { return nil }
                o.format = f
                i += 1
            case "--load":
                guard i < argv.count, canonical || !argv[i].hasPrefix("-") else { return nil }
                o.packs.append(argv[i])
                i += 1
            case "--from":
                guard i < argv.count, !o.packs.isEmpty, o.packSources[o.packs.count - 1] == nil,
                      canonical || !argv[i].hasPrefix("-") else { return nil }
                o.packSources[o.packs.count - 1] = argv[i]
                i += 1
            case "--plugin":
                guard i < argv.count, canonical || !argv[i].hasPrefix("-") else { return nil }
                o.plugins.append(argv[i])
                i += 1
            case "--report":
                guard i < argv.count, canonical || !argv[i].hasPrefix("-"), ReportLibrary.isReportName(argv[i]) else { return nil }
                o.report = argv[i]
                i += 1
            case "--keep-going": o.keepGoing = true
            case "--safe": o.safe = true
            case "--no-color": o.noColor = true
            default:
                return nil
            }
        }
        // A report is of scripts; libSteppeCLI explains the mistake.
        if o.report != nil && o.files.isEmpty { return nil }
        return o
    }
}
