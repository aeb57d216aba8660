/// One statement of a property by a source: `fact protests.killed = … from article at "¶5"`.
public final class Fact: Sendable {
    public let subject: String
    public let property: String
    public let value: Value
    public let source: SourceInfo
    public let at: String?
    public let quote: String?
    public let on: CivilDate?
    public let topic: String?
    public let claimant: String?
    /// The pack it came from (load order: later packs are preferred).
    public let pack: Int
    /// Where the `fact` statement is, for `why`.
    public let origin: String

    public init(subject: String, property: String, value: Value, source: SourceInfo, at: String?,
                quote: String?, on: CivilDate?, topic: String?, claimant: String?, pack: Int, origin: String) {
        self.subject = subject
        self.property = property
        self.value = value
        self.source = source
        self.at = at
        self.quote = quote
        self.on = on
        self.topic = topic
        self.claimant = claimant
        self.pack = pack
        self.origin = origin
    }

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
