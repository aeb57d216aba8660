/// The session commands built into SteppeCore. The steppe executable adds
/// its own (`:plugin load`) with `Session.declare`.
extension Builtins {
    static let sessionCommands: [SessionCommand] = [
        SessionCommand(Declaration("help", .sessionCommand, usage: ":help [NAME]",
                                   summary: "commands, stages and session commands; with NAME, its usage and examples",
                                   examples: [":help compare", ":help where"], aliases: ["h", "?"], completion: .names)) { c in
            try c.session.help(c.argument, range: c.range)
        },
        SessionCommand(Declaration("quit", .sessionCommand, usage: ":quit (or :q, or Ctrl-D)", summary: "leave steppe",
                                   aliases: ["q", "exit"]), takesArgument: false) { c in
            c.session.quitRequested = true
        },
        SessionCommand(Declaration("run", .sessionCommand, usage: ":run FILE",
                                   summary: "run a script in this session: its let, def and set stay",
                                   examples: [":run Scripts/casualties.steppe"], aliases: ["r"], completion: .files)) { c in
            try c.session.runFile(c.argument, range: c.range, file: c.file)
        },
        SessionCommand(Declaration("load", .sessionCommand, usage: ":load FILE [from SOURCE]",
                                   summary: "load a fact pack, .steppe, .csv, .json or .jsonl (all of it, or nothing)",
                                   examples: [":load mypack.steppe", ":load figures.csv from bp2021"], completion: .files)) { c in
            try c.session.loadFile(c.argument, range: c.range, file: c.file)
        },
        SessionCommand(Declaration("format", .sessionCommand, usage: ":format table|csv|json|markdown", summary: "how results are shown",
                                   examples: [":format json", ":format table"],
                                   completion: .choices(OutputFormat.allCases.map(\.rawValue)))) { c in
            try c.session.format(c.argument, range: c.range)
        },
        SessionCommand(Declaration("plugins", .sessionCommand, usage: ":plugins", summary: "loaded plugins: name, version, origin, commands"),
                       takesArgument: false) { c in
            c.session.output.write(c.session.pluginsText())
        },
        SessionCommand(Declaration("vars", .sessionCommand, usage: ":vars", summary: "let bindings and set assumptions"),
                       takesArgument: false) { c in
            c.session.output.write(c.session.varsText())
        },
        SessionCommand(Declaration("timer", .sessionCommand, usage: ":timer on|off", summary: "show the time each statement took",
                                   examples: [":timer on"], completion: .choices(["on", "off"]))) { c in
            try c.session.timer(c.argument, range: c.range)
        },
        SessionCommand(Declaration("history", .sessionCommand, usage: ":history [N]",
                                   summary: "the last N lines of history (in a script, the prompt's saved history)",
                                   examples: [":history 20"])) { c in
            try c.session.history(c.argument, range: c.range)
        },
        SessionCommand(Declaration("save", .sessionCommand, usage: ":save FILE",
                                   summary: "write what this session added as a script that rebuilds it",
                                   examples: [":save session.steppe"], completion: .files), refusedWhenSafe: true) { c in
            try c.session.outputCommand("save", c.argument, range: c.range)
        },
        SessionCommand(Declaration("output", .sessionCommand, usage: ":output [FILE]",
                                   summary: "results go to FILE (made anew); :output alone: back to stdout",
                                   examples: [":output results.txt", ":output"], completion: .files), refusedWhenSafe: true) { c in
            try c.session.outputCommand("output", c.argument, range: c.range)
        },
        SessionCommand(Declaration("once", .sessionCommand, usage: ":once FILE", summary: "only the next result goes to FILE",
                                   examples: [":once killed.json"], completion: .files), refusedWhenSafe: true) { c in
            try c.session.outputCommand("once", c.argument, range: c.range)
        },
    ]
}
