import SteppeCore

/// The prompt's start-up file (LANGUAGE.md, Session commands), as psql has
/// `~/.psqlrc` and sqlite3 `~/.sqliterc`: `--init FILE`, else
/// `$XDG_CONFIG_HOME/steppe/init.steppe`, else
/// `~/.config/steppe/init.steppe`; none with `--no-init`.
enum StartupFile {
    /// Which file to run, and whether it was asked for by name (a missing
    /// file named by `--init` is an error; a missing usual one is not).
    static func chosen(_ options: CommandLineOptions) -> (path: String, named: Bool)? {
        if options.noInit { return nil }
        if let file = options.initFile { return (file, true) }
        if let config = FileIO.environment("XDG_CONFIG_HOME"), config.hasPrefix("/") {
            return (config + "/steppe/init.steppe", false)
        }
        guard let home = FileIO.environment("HOME"), !home.isEmpty else { return nil }
        return (home + "/.config/steppe/init.steppe", false)
    }

    /// Runs the file as a script runs: parsed whole, stopping at its first
    /// error, which names the file and line. What ran before the error stays
    /// (its `let`, `def`, `set` and packs), and the prompt starts either way.
    static func run(_ options: CommandLineOptions, in session: Session) {
        guard let file = chosen(options) else { return }
        let path = file.path
        if !file.named && !FileIO.exists(path) { return }
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path: path)
        } catch {
            session.output.writeError(DiagnosticRenderer(color: session.options.color).render(
                Diagnostic(.evaluation(.startupFile(error.message)))))
            return
        }
        // `--keep-going` is for the scripts on the command line; this one
        // stops at its first error, as LANGUAGE.md says.
        let keepGoing = session.options.keepGoing
        session.options.keepGoing = false
        defer { session.options.keepGoing = keepGoing }
        _ = session.run(SourceFile(name: path, bytes: bytes))
        session.flush()
    }
}
