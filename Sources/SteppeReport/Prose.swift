import Foundation
import Ink

/// The markdown of comments, made safe: HTML written in a comment is text.
enum Prose {
    /// `<`, `>` and `&` as entities, so that Ink (which passes HTML
    /// through) sees none: `<script>` in a comment is shown, not run.
    static func escapeHTML(_ s: String, quotes: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A paragraph of a comment's markdown as HTML: emphasis, code and links.
    ///
    /// Every `<`, `>`, `&` and `"` is escaped before Ink sees the text, so
    /// it has no HTML to pass through, whatever it takes for a code span.
    /// Ink escapes code itself, so inside `<code>` the entities made here
    /// come out escaped twice (`&amp;lt;`): they are put back once.
    static func html(_ markdown: String) -> String {
        // Indented lines would be code blocks: comments are prose.
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.drop { $0 == " " || $0 == "\t" }) }
        let escaped = escapeHTML(lines.joined(separator: "\n"))
        let html = MarkdownParser().html(from: escaped)
        return Balance.html(safeLinks(unescapeTwiceInCode(html)))
    }

    /// Inside `<code>…</code>`: `&amp;lt;` → `&lt;`, and so for `gt`, `amp`, `quot`.
    static func unescapeTwiceInCode(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<code>") {
            out += rest[..<open.upperBound]
            rest = rest[open.upperBound...]
            let close = rest.range(of: "</code>")?.lowerBound ?? rest.endIndex
            var code = rest[..<close]
            var fixed = ""
            while let amp = code.range(of: "&amp;") {
                fixed += code[..<amp.lowerBound]
                let after = code[amp.upperBound...]
                if let name = ["amp;", "lt;", "gt;", "quot;"].first(where: { after.hasPrefix($0) }) {
                    fixed += "&" + name
                    code = after.dropFirst(name.count)
                } else {
                    fixed += "&amp;"
                    code = after
                }
            }
            out += fixed + code
            rest = rest[close...]
        }
        return out + rest
    }

    /// Escapes HTML everywhere but in code spans, which Ink escapes itself.
    static func escapeOutsideCode(_ s: String, quotes: Bool = true) -> String {
        let chars = Array(s)
        var out = ""
        var plain = ""
        var i = 0
        while i < chars.count {
            guard chars[i] == "`" else {
                plain.append(chars[i])
                i += 1
                continue
            }
            var run = 0
            while i + run < chars.count, chars[i + run] == "`" { run += 1 }
            // The closing run of the same length, if any.
            var j = i + run
            var close: Int?
            while j < chars.count {
                if chars[j] == "`" {
                    var k = 0
                    while j + k < chars.count, chars[j + k] == "`" { k += 1 }
                    if k == run { close = j; break }
                    j += k
                } else {
                    j += 1
                }
            }
            guard let close else {
                plain += String(repeating: "`", count: run)
                i += run
                continue
            }
            out += escapeHTML(plain, quotes: quotes)
            plain = ""
            out += String(chars[i..<(close + run)])
            i = close + run
        }
        return out + escapeHTML(plain, quotes: quotes)
    }

    /// A link may go to a web page, a mail address, a place in the page or
    /// a file beside it; any other scheme (`javascript:`) loses its href.
    static func safeLinks(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let r = rest.range(of: "href=\"") {
            out += rest[..<r.upperBound]
            rest = rest[r.upperBound...]
            let end = rest.firstIndex(of: "\"") ?? rest.endIndex
            let target = String(rest[..<end])
            out += isSafe(target) ? target : "#"
            rest = rest[end...]
        }
        return out + rest
    }

    static func isSafe(_ target: String) -> Bool {
        let lower = target.lowercased().filter { !$0.isWhitespace && $0 != "\u{0}" }
        guard let colon = lower.firstIndex(of: ":") else { return true }
        // A colon after a slash, `?` or `#` is no scheme.
        if let cut = lower.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }), cut < colon { return true }
        let scheme = lower[..<colon]
        return ["http", "https", "mailto"].contains(String(scheme))
    }
}
