#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The text functions of LANGUAGE.md ("Text functions"): `lower`, `upper`,
/// `length`, `contains`, `starts_with`, `ends_with` and `matches`.
extension Builtins {
    static let textFunctions: [BuiltinFunction] = [
        text("lower", "lower(t)", "the text in lower case (Unicode-aware); an entity gives its name, a source its title", ["lower(kazakhstan)"]),
        text("upper", "upper(t)", "the text in upper case (Unicode-aware: upper(\"қазақ\") is ҚАЗАҚ)", ["upper(\"қазақ\")"]),
        text("length", "length(t)", "the number of characters (grapheme clusters) in the text", ["length(\"Қазақстан\")"]),
        text("contains", "contains(t, part)", "whether t holds part, ignoring case; t may be an entity, a source or a list",
             ["facts | where contains(property, \"oil\")"]),
        text("starts_with", "starts_with(t, part)", "whether t starts with part, ignoring case", ["starts_with(kazakhstan, \"kaz\")"]),
        text("ends_with", "ends_with(t, part)", "whether t ends with part, ignoring case", ["ends_with(\"oil_reserves\", \"reserves\")"]),
        text("matches", "matches(t, pattern)",
             "whether the POSIX extended regular expression matches somewhere in t ((?i) ignores case)",
             ["facts | where matches(property, \"^oil_\")"]),
    ]

    private static func text(_ name: String, _ usage: String, _ summary: String, _ examples: [String]) -> BuiltinFunction {
        let n = usage.contains(",") ? 2 : 1
        return BuiltinFunction(name, usage: usage, summary: summary, examples: examples, arity: n...n) { call in
            try call.session.textFunction(name, call.values, call.ranges, range: call.range)
        }
    }
}

extension Session {
    /// Runs a text function on evaluated arguments (their number checked by its declaration).
    func textFunction(_ name: String, _ values: [Value], _ ranges: [SourceRange], range: SourceRange) throws -> Value {
        let expected = values.count
        let lineage = values.reduce(Lineage()) { $0.merged(with: $1.lineage) }
        if expected == 1 {
            let s = try singleText(name, values[0], ranges[0])
            switch name {
            case "lower": return Value(.text(s.lowercased()), lineage: lineage)
            case "upper": return Value(.text(s.uppercased()), lineage: lineage)
            default: return Value(.quantity(Quantity(Double(s.count))), lineage: lineage)
            }
        }
        guard case .text(let part) = values[1].payload else {
            throw EvalError(.needsTextSecond(name, found: values[1].kindName), ranges[1])
        }
        let test: (String) -> Bool
        if name == "matches" {
            let regex = try compiledRegex(part, range: ranges[1])
            test = { regex.matches($0) }
        } else {
            let needle = part.lowercased()
            switch name {
            case "contains": test = { needle.isEmpty || $0.lowercased().firstRange(of: needle) != nil }
            case "starts_with": test = { $0.lowercased().hasPrefix(needle) }
            default: test = { $0.lowercased().hasSuffix(needle) }
            }
        }
        return Value(.truth(Truth(try anyText(name, values[0], ranges[0], test))), lineage: lineage)
    }

    /// The one text `lower`, `upper` and `length` work on.
    private func singleText(_ name: String, _ v: Value, _ range: SourceRange) throws -> String {
        switch v.payload {
        case .text(let s): return s
        case .entity(let e): return e.name
        case .source(let s): return s.title
        case .empty: return ""
        case .list: throw EvalError(.takesOneText(name), range,
                                    notes: ["for a list, give one item, or test items with contains, starts_with, ends_with or matches"])
        default: throw EvalError(.needsTextLike(name, found: v.kindName), range)
        }
    }

    /// Whether any of the texts that stand for `v` passes: an entity's id,
    /// name and aliases, a source's id and title, any item of a list.
    private func anyText(_ name: String, _ v: Value, _ range: SourceRange, _ test: (String) -> Bool) throws -> Bool {
        switch v.payload {
        case .text(let s): return test(s)
        case .entity(let e): return test(e.id) || test(e.name) || e.aliases.contains(where: test)
        case .source(let s): return test(s.id) || test(s.title)
        case .empty: return false
        case .list(let items):
            for item in items where try anyText(name, item, range, test) { return true }
            return false
        default:
            throw EvalError(.cannotCompare("\(v.kindName) with a text: \(name) takes a text, an entity, a source or a list"), range)
        }
    }

    /// The pattern compiled once per session (until the facts change).
    private func compiledRegex(_ pattern: String, range: SourceRange) throws -> CompiledRegex {
        if let r = cache.regexes[pattern] { return r }
        let r: CompiledRegex
        do {
            r = try CompiledRegex(pattern)
        } catch let e as CompiledRegex.Failure {
            throw EvalError(.badPattern(e.message), range, notes: e.notes)
        }
        if cache.regexes.count >= 64 { cache.regexes = [:] }
        cache.regexes[pattern] = r
        return r
    }
}

/// A POSIX extended regular expression compiled by the C library's
/// `regcomp`, which matches without backtracking, so no pattern can make it
/// run without end. Back-references, which would need backtracking, are refused.
final class CompiledRegex {
    struct Failure: Error {
        var message: String
        var notes: [String] = []
    }

    private var regex = regex_t()

    init(_ pattern: String) throws {
        var body = pattern
        var flags = REG_EXTENDED | REG_NOSUB
        if body.hasPrefix("(?i)") {
            body.removeFirst(4)
            flags |= REG_ICASE
        }
        if CompiledRegex.hasBackReference(body) {
            throw Failure(message: "back-references (\\1 … \\9) are not supported",
                          notes: ["the pattern is POSIX extended, as grep -E, without back-references"])
        }
        guard !body.utf8.contains(0) else { throw Failure(message: "the pattern holds a NUL character") }
        let status = regcomp(&regex, body, flags)
        guard status == 0 else {
            var buffer = [CChar](repeating: 0, count: 256)
            _ = regerror(status, &regex, &buffer, buffer.count)
            let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            regfree(&regex)
            throw Failure(message: "invalid pattern: \(text.isEmpty ? "error \(status)" : text)")
        }
    }

    deinit { regfree(&regex) }

    func matches(_ text: String) -> Bool {
        if text.utf8.contains(0) { return false }
        return regexec(&regex, text, 0, nil, 0) == 0
    }

    /// `\` and a digit outside a bracket expression (inside one, `\` is itself).
    static func hasBackReference(_ pattern: String) -> Bool {
        let bytes = Array(pattern.utf8)
        var i = 0
        var inBracket = false
        while i < bytes.count {
            let b = bytes[i]
            if inBracket {
                // `]` right after `[` or `[^` is a member, not the end.
                if b == UInt8(ascii: "[") && i + 1 < bytes.count && (bytes[i + 1] == UInt8(ascii: ":") || bytes[i + 1] == UInt8(ascii: ".") || bytes[i + 1] == UInt8(ascii: "=")) {
                    let close = bytes[i + 1]
                    i += 2
                    while i + 1 < bytes.count && !(bytes[i] == close && bytes[i + 1] == UInt8(ascii: "]")) { i += 1 }
                    i += 2
                    continue
                }
                if b == UInt8(ascii: "]") { inBracket = false }
                i += 1
                continue
            }
            if b == UInt8(ascii: "\\") {
                if i + 1 < bytes.count, bytes[i + 1] >= UInt8(ascii: "1"), bytes[i + 1] <= UInt8(ascii: "9") { return true }
                i += 2
                continue
            }
            if b == UInt8(ascii: "[") {
                inBracket = true
                i += 1
                if i < bytes.count && bytes[i] == UInt8(ascii: "^") { i += 1 }
                if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1 }
                continue
            }
            i += 1
        }
        return false
    }
}
