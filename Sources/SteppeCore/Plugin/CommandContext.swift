/// What a command may ask of the session: the facts, conversions and the
/// arithmetic of bounds, so plugins compute exactly as the language does.
public struct CommandContext {
    let session: Session
    let range: SourceRange

    init(session: Session, range: SourceRange) {
        self.session = session
        self.range = range
    }

    /// Every loaded fact.
    public var facts: [Fact] { session.store.facts }
    public var sources: [SourceInfo] { session.store.sourceOrder.compactMap { session.store.sources[$0] } }
    public func entity(_ id: String) -> Entity? { session.store.entity(id) }
    /// The preferred value of subject.property, as `SUBJECT.PROPERTY` gives it.
    public func value(_ subject: String, _ property: String) throws -> Value {
        try session.propertyValue(subject: subject, property: property, range: range)
    }
    public func hasAssumption(_ subject: String, _ property: String) -> Bool {
        session.assumptions["\(subject).\(property)"] != nil
    }

    public func add(_ a: Value, _ b: Value) throws -> Value { try session.arithmetic(.add, a, b, range: range) }
    public func subtract(_ a: Value, _ b: Value) throws -> Value { try session.arithmetic(.sub, a, b, range: range) }
    public func multiply(_ a: Value, _ b: Value) throws -> Value { try session.arithmetic(.mul, a, b, range: range) }
    public func divide(_ a: Value, _ b: Value) throws -> Value { try session.arithmetic(.div, a, b, range: range) }
    /// Converts a quantity to another unit (currencies through rate facts).
    public func convert(_ v: Value, to unit: Unit) throws -> Value { try session.convert(v, to: unit, range: range) }
    public func compare(_ op: ComparisonOp, _ a: Value, _ b: Value) throws -> Truth {
        try session.compare(op, a, b, range: range).0
    }
    public func dimension(of unit: Unit) -> Dimension { session.store.units.dimension(of: unit) }
    /// Parses a unit as written (`USD/person/yr`).
    public func unit(_ text: String) throws -> Unit { try session.parseUnit(text, range: range) }

    /// The value as the table format shows it (`> 225 people`).
    public func show(_ v: Value) -> String { ValueText.plain(v) }
    /// Columns available at a terminal, or nil when output is not one.
    public var width: Int? { session.options.width }
    /// A report is being written: a command that draws should put its
    /// drawing in `CommandResult.figure`.
    public var wantsFigure: Bool { session.statementObserver != nil }
    /// `--safe`: commands must not write files.
    public var safe: Bool { session.options.safe }
    /// Writes a file (refused under `--safe`).
    public func writeFile(_ path: String, _ text: String) throws {
        guard !session.options.safe else { throw CommandError("--safe forbids writing files ('\(path)')") }
        try FileIO.write(path: path, text: text)
    }
    /// Checks for Ctrl-C in long loops.
    public func checkInterrupt() throws { try session.checkInterrupt(range) }
}

// MARK: - Tables, facts and origins, for plugins

extension CommandContext {
    /// The value as the rows a stage sees: a table as it is, a list as a
    /// one-column table named `value`; nil for anything else.
    public func rows(of v: Value) -> Table? {
        switch v.payload {
        case .table(let t): return t
        case .list(let items): return Table(columns: ["value"], rows: items.map { [$0] })
        default: return nil
        }
    }

    /// Every statement of subject.property, from every source, in load order.
    public func facts(_ subject: String, _ property: String) -> [Fact] {
        session.store.facts(subject: subject, property: property)
    }

    /// A source by id.
    public func source(_ id: String) -> SourceInfo? { session.store.sources[id] }

    /// The SUBJECT.PROPERTY a value was read as: the first fact, rule or
    /// assumption in its lineage, or nil for a value stated on the spot.
    public func path(of v: Value) -> (subject: String, property: String)? {
        for item in v.lineage.items {
            switch item {
            case .fact(let f): return (f.subject, f.property)
            case .rule(let subject, let property, _, _): return (subject, property)
            case .assumption(let subject, let property, _, _): return (subject, property)
            case .rate, .note: continue
            }
        }
        return nil
    }

    /// A warning on stderr, pointing at the command; it does not stop the statement.
    public func warn(_ message: String, notes: [String] = []) {
        session.warn(.command(message), range: range, notes: notes)
    }
}
