/// A unit as written in the source: `GBP/person/yr`, resolved when evaluated
/// (a pack loaded by the same script may define its names).
public struct UnitExpr: Sendable {
    public var factors: [(name: String, exponent: Int, range: SourceRange)]
    public var range: SourceRange
    public var text: String
}

public enum BinaryOp: String, Sendable {
    case add = "+", sub = "-", mul = "*", div = "/", pow = "^"
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    /// `X in Y` and `X not in Y`, at comparison precedence (Membership.swift).
    case member = "in", notMember = "not in"
    case and, or
}

extension BinaryOp {
    /// The comparison this operator is, if it is one (`==` … `>=`).
    var comparison: ComparisonOp? {
        switch self {
        case .eq: return .eq
        case .ne: return .ne
        case .lt: return .lt
        case .le: return .le
        case .gt: return .gt
        case .ge: return .ge
        default: return nil
        }
    }
}

/// An argument of a call or command: positional, introduced by a word
/// (`vs`, `by`, `to`), or named (`KEY: VALUE`).
public struct Argument: Sendable {
    public var label: String?
    public var value: Expr
    public var range: SourceRange
}

public indirect enum Expr: Sendable {
    case number(Double, unit: UnitExpr?, SourceRange)
    case text(String, SourceRange)
    case date(CivilDate, SourceRange)
    case truth(Truth, SourceRange)
    case name(String, SourceRange)
    /// `base.field`; the range is the field name's.
    case member(Expr, String, SourceRange)
    /// `name(args)`; also a command called inside an expression.
    case call(String, [Argument], nameRange: SourceRange, SourceRange)
    /// `NAME ARG, ARG` at the start of a statement: a command call.
    case command(String, [Argument], nameRange: SourceRange, SourceRange)
    case list([Expr], SourceRange)
    case record([(String, Expr)], SourceRange)
    case negate(Expr, SourceRange)
    case not(Expr, SourceRange)
    case binary(BinaryOp, Expr, Expr, opRange: SourceRange, SourceRange)
    case convert(Expr, UnitExpr, SourceRange)
    case pipeline(Expr, [Stage], SourceRange)
    /// The head of a statement that starts with `|`: the previous result.
    case previous(SourceRange)

    public var range: SourceRange {
        switch self {
        case .number(_, _, let r), .text(_, let r), .date(_, let r), .truth(_, let r), .name(_, let r),
             .list(_, let r), .record(_, let r), .negate(_, let r), .not(_, let r), .convert(_, _, let r),
             .pipeline(_, _, let r), .binary(_, _, _, _, let r), .call(_, _, _, let r), .command(_, _, _, let r),
             .previous(let r):
            return r
        case .member(let base, _, let r): return base.range.joined(r)
        }
    }
}

public struct SelectItem: Sendable {
    public var name: String
    public var expr: Expr
    public var range: SourceRange
}

public enum Stage: Sendable {
    case whereStage(Expr, SourceRange)
    case select([SelectItem], SourceRange)
    case sort(Expr, descending: Bool, SourceRange)
    case take(Expr, SourceRange)
    case groupBy(String, SourceRange)
    case count(SourceRange)
    /// A command, or a `def` function, fed the incoming value.
    case call(String, [Argument], nameRange: SourceRange, SourceRange)

    public var range: SourceRange {
        switch self {
        case .whereStage(_, let r), .select(_, let r), .sort(_, _, let r), .take(_, let r),
             .groupBy(_, let r), .count(let r), .call(_, _, _, let r): return r
        }
    }
}

public struct Clause: Sendable {
    public var keyword: String
    public var value: Expr
    public var range: SourceRange
}

public enum Statement: Sendable {
    case expression(Expr)
    case letBinding(String, Expr, SourceRange)
    case set(subject: String, property: String, Expr, SourceRange)
    case def(String, [String], Expr, SourceRange)
    case why(Expr, SourceRange)
    case source(id: String, title: String, clauses: [Clause], SourceRange)
    case entity(id: String, name: String, clauses: [Clause], SourceRange)
    case fact(subject: String, property: String, Expr, clauses: [Clause], SourceRange)
    case unit(String, Expr, SourceRange)
    case rule(subject: String, property: String, Expr, SourceRange)
    /// `:name args`, the rest of the line.
    case session(name: String, argument: String, SourceRange)

    public var range: SourceRange {
        switch self {
        case .expression(let e): return e.range
        case .letBinding(_, _, let r), .set(_, _, _, let r), .def(_, _, _, let r), .why(_, let r),
             .source(_, _, _, let r), .entity(_, _, _, let r), .fact(_, _, _, _, let r), .unit(_, _, let r),
             .rule(_, _, _, let r), .session(_, _, let r):
            return r
        }
    }
}

/// A parsed script: its statements and the file they came from.
public struct Script: Sendable {
    public var file: SourceFile
    public var statements: [Statement]
}
