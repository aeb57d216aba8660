/// Everything mutable in a steppe session: the facts, bindings, assumptions,
/// commands and options. One per prompt or script run; tests make fresh ones.
public final class Session {
    public struct Options {
        public var format: OutputFormat = .table
        public var color = false
        public var safe = false
        public var keepGoing = false
        /// Terminal columns, when output is a terminal.
        public var width: Int? = nil
        public var timer = false
        public init() {}
    }

    public var options = Options()
    public internal(set) var store = FactStore()
    public internal(set) var registry = CommandRegistry()
    var lets: [String: Value] = [:]
    /// The value the last expression statement showed: a statement starting
    /// with `|` goes on from it.
    var previousResult: Value?
    var letOrder: [String] = []
    var defs: [String: FunctionDef] = [:]
    var assumptions: [String: Assumption] = [:]
    var assumptionOrder: [String] = []
    public let output: OutputBuffer
    var cache = Cache()

    /// Files being run, innermost last, with the statement that opened each.
    var frames: [Diagnostic.Frame] = []
    var currentFileStack: [SourceFile] = []
    /// The pack file being loaded, for placing errors inside it.
    var currentPackFile: SourceFile?
    static let maxRunDepth = 32
    /// Set when a `:run` went too deep: every script being run stops, so
    /// that under --keep-going a script that runs itself twice does not run
    /// 2^32 times.
    var abandoningRuns = false
    var callDepth = 0
    static let maxCallDepth = 180
    var rulesInProgress: [String] = []
    /// Session pack for facts typed at the prompt or in scripts.
    var sessionPack: Int?
    /// The last source each pack declared: a `fact` without `from` is its.
    var packSources: [Int: String] = [:]
    /// Whether plain fact lines take PackReader's fast path (tests turn it off
    /// to check both paths store the same facts).
    var packFastPath = true
    /// How many pack statements went to the parser, not the fast path (for tests).
    var packStatementsParsed = 0
    /// Polled during long evaluations; true when the user pressed Ctrl-C.
    public var interruptRequested: () -> Bool = { false }
    /// History lines for `:history`, supplied by the prompt.
    public var historyProvider: ((Int) -> [String])? = nil
    /// Set by `:quit`.
    public internal(set) var quitRequested = false
    /// The session commands: the built-in ones and those `declare` adds.
    public internal(set) var sessionCommands: [SessionCommand] = Builtins.sessionCommands
    /// What the session added, in the order it ran, for `:save`.
    var saveLog: [SavedItem] = []
    /// `--report`: told what each statement did (StatementRecord.swift).
    var observer = StatementObserver()
    /// Whether the scripts `run` parses are kept rather than freed: set by a
    /// caller that ends the process when the session is done and leaves the
    /// session to the system (the command line, not the prompt). Freeing a
    /// long script's statements one by one was a twelfth of running it.
    public var keepsScripts = false
    /// The scripts kept under ``keepsScripts``.
    var keptScripts: [Script] = []

    /// Derived from the store and assumptions; emptied when either changes.
    struct Cache {
        /// `SUBJECT.PROPERTY` values read from facts, with the store's
        /// identity and generation they were read at.
        var properties: [PropertyKey: Value] = [:]
        var propertiesOf: (store: ObjectIdentifier, generation: Int)?
        var rateEdges: [RateEdge]?
        /// Units as written to what they resolve to.
        var units: [String: Unit] = [:]
        /// Patterns of `matches`, compiled.
        var regexes: [String: CompiledRegex] = [:]
    }

    struct PropertyKey: Hashable {
        var subject: String
        var property: String
    }

    struct FunctionDef {
        var name: String
        var params: [String]
        var body: Expr
        var file: SourceFile
    }

    public init(output: OutputBuffer = OutputBuffer()) {
        self.output = output
    }

    /// A session with the built-in packs loaded.
    public static func withBuiltinFacts(output: OutputBuffer = OutputBuffer()) throws(Diagnostic) -> Session {
        let s = Session(output: output)
        try s.loadBuiltinPacks()
        return s
    }

    public func loadBuiltinPacks() throws(Diagnostic) {
        try loadPack(SourceFile(name: "<built-in article pack>", bytes: PackageResources.article_steppe))
        try loadPack(SourceFile(name: "<built-in reference pack>", bytes: PackageResources.references_steppe))
    }

    /// Adds a plugin's commands to this session.
    public func load(plugin: any SteppePlugin.Type, origin: String = "built in") throws {
        try registry.load(plugin, origin: origin)
    }

    func invalidate() { cache = Cache() }

    func checkInterrupt(_ range: SourceRange) throws {
        if interruptRequested() { throw EvalError(.interrupted, range) }
    }

    /// Counts for the banner: facts from the article and reference figures.
    public var factCounts: (article: Int, references: Int) {
        var a = 0, r = 0
        for record in store.records { if store.source(of: record).isArticle { a += 1 } else { r += 1 } }
        return (a, r)
    }

    public func flush() { output.flush() }
}

/// steppe's name and version, as `--version` and the banner give them.
public enum SteppeVersion {
    public static let text = "steppe 0.1.0"
}
