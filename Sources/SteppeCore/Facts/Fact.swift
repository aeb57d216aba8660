/// One statement of a property by a source: `fact protests.killed = … from article at "¶5"`.
/// A value made on demand from the store's compact record; two `Fact`s are
/// the same fact when their `id`s are.
public struct Fact: Sendable, Equatable {
    /// Its position in the store, in load order.
    public let id: Int
    public let subject: String
    public let property: String
    public let value: Value
    public let source: SourceInfo
    public let at: String?
    public let quote: String?
    public let on: CivilDate?
    public let topic: String?
    public let claimant: String?
    /// The source's own hedge on the claim, word for word (`hedge "is believed to"`).
    public let hedge: String?
    /// The pack it came from (load order: later packs are preferred).
    public let pack: Int
    /// The pack file and line of the `fact` statement.
    public let file: String
    public let line: Int
    /// Where the `fact` statement is: `file:line`.
    public var origin: String { "\(file):\(line)" }

    public static func == (a: Fact, b: Fact) -> Bool { a.id == b.id }

    /// The value with this fact as its lineage.
    public var tracedValue: Value {
        var v = value
        v.lineage = Lineage([.fact(self)]).merged(with: value.lineage)
        return v
    }
}

/// A derived property, evaluated when asked for.
public struct Rule: Sendable {
    public let subject: String
    public let property: String
    public let expression: Expr
    public let file: SourceFile
    public let pack: Int
}

/// A `set` in this session.
public struct Assumption: Sendable {
    public let subject: String
    public let property: String
    public let value: Value
    public let place: String
}

/// A fact as stored: 32 bytes, with names and units interned and an exact
/// figure held inline. Anything else (a bounded figure, a text, a list)
/// lives in the store's side table of values; the `at`, `quote`, `topic`,
/// `by`, `hedge` and `on` clauses, which a generated pack seldom has, in a
/// side table of details. The pack a fact came from is kept per run of
/// facts (`FactStore.packRuns`), not per fact.
struct FactRecord: Sendable {
    var nominal: Double
    var subject: Int32
    var property: Int32
    var source: Int32
    /// Index into the store's details, or `none` when the fact has no clauses there.
    var details: Int32
    var line: Int32
    /// The unit of an inline figure (0 or more), or the side-table index `i`
    /// as `~i` (negative).
    var unitOrSide: Int32

    init(subject: Int32, property: Int32, source: Int32, details: Int32, line: Int32, unit: Int32, nominal: Double) {
        self.nominal = nominal
        self.subject = subject
        self.property = property
        self.source = source
        self.details = details
        self.line = line
        self.unitOrSide = unit
    }

    init(subject: Int32, property: Int32, source: Int32, details: Int32, line: Int32, side: Int32) {
        self.init(subject: subject, property: property, source: source, details: details, line: line, unit: ~side, nominal: 0)
    }

    /// Whether the figure is held inline (exact, with a unit id).
    var inline: Bool { unitOrSide >= 0 }
    /// The unit id of an inline figure, or the index into the side table.
    var unitOrValue: Int32 { unitOrSide >= 0 ? unitOrSide : ~unitOrSide }

    static let none: Int32 = -1
}

/// The `at`, `quote`, `topic` and `hedge` texts, the `by` claimant and the
/// `on` date of a fact, interned.
struct FactDetails: Sendable, Hashable {
    var at: Int32
    var quote: Int32
    var topic: Int32
    var claimant: Int32
    var hedge: Int32
    /// `on` packed as year·10⁴ + month·10² + day (0 for none; month and day 0 when absent).
    var on: Int32

    static let empty = FactDetails(at: FactRecord.none, quote: FactRecord.none, topic: FactRecord.none,
                                   claimant: FactRecord.none, hedge: FactRecord.none, on: 0)
}

extension CivilDate {
    var packed: Int32 { Int32(year * 10_000 + (month ?? 0) * 100 + (day ?? 0)) }
    init?(packed: Int32) {
        guard packed > 0 else { return nil }
        let p = Int(packed)
        self.init(year: p / 10_000, month: p / 100 % 100 == 0 ? nil : p / 100 % 100, day: p % 100 == 0 ? nil : p % 100)
    }
}
