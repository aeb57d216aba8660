/// A steppe value and where it came from.
public struct Value: Sendable {
    public var payload: Payload {
        didSet { depth = Value.depth(of: payload) }
    }
    public var lineage: Lineage
    /// How deeply lists and records nest in it (0 for a scalar). Freeing a
    /// value recurses once per level, so the evaluator refuses values nested
    /// deeper than `maxDepth` (`let a = [a]`, again and again).
    public private(set) var depth: UInt32

    public init(_ payload: Payload, lineage: Lineage = Lineage()) {
        self.payload = payload
        self.lineage = lineage
        self.depth = Value.depth(of: payload)
    }

    public static let maxDepth: UInt32 = 10_000

    static func depth(of payload: Payload) -> UInt32 {
        switch payload {
        case .list(let items): return 1 + (items.lazy.map(\.depth).max() ?? 0)
        case .record(let r): return 1 + (r.fields.lazy.map(\.value.depth).max() ?? 0)
        default: return 0
        }
    }

    public enum Payload: Sendable {
        case quantity(Quantity)
        case text(String)
        case truth(Truth)
        case date(CivilDate)
        case entity(Entity)
        case source(SourceInfo)
        case list([Value])
        case record(Record)
        case table(Table)
        /// An empty cell (`on` of an undated fact); JSON null.
        case empty
    }

    public static func number(_ x: Double) -> Value { Value(.quantity(Quantity(x))) }
    public static func text(_ s: String) -> Value { Value(.text(s)) }
    public static func truth(_ t: Truth) -> Value { Value(.truth(t)) }
    public static let empty = Value(.empty)

    /// The kind's name for error messages.
    public var kindName: String {
        switch payload {
        case .quantity(let q): return q.unit.isNone ? "a number" : "a quantity"
        case .text: return "a text"
        case .truth: return "a truth value"
        case .date: return "a date"
        case .entity: return "an entity"
        case .source: return "a source"
        case .list: return "a list"
        case .record: return "a record"
        case .table: return "a table"
        case .empty: return "nothing"
        }
    }

    public var quantity: Quantity? {
        if case .quantity(let q) = payload { return q }
        return nil
    }
}

/// Named fields in order.
public struct Record: Sendable {
    public var fields: [(name: String, value: Value)]
    public init(_ fields: [(name: String, value: Value)]) { self.fields = fields }
    public subscript(name: String) -> Value? {
        fields.first { $0.name == name }?.value
    }
}

/// Rows of values under named columns.
public struct Table: Sendable {
    public var columns: [String]
    public var rows: [[Value]]
    public init(columns: [String], rows: [[Value]]) {
        self.columns = columns
        self.rows = rows
    }
    public func column(named name: String) -> Int? { columns.firstIndex(of: name) }
}
