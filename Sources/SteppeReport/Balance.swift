/// Ink's HTML for odd markdown can be ill-formed (`<em>` closed twice, a
/// paragraph inside an emphasis). Every `<` in it is Ink's own, since the
/// comment's were escaped first, so its tags are read back here and put
/// right: a closing tag without its opening one is dropped, an element left
/// open is closed, block elements close the inline ones around them, empty
/// inline elements go, and a link's address is made a valid one.
enum Balance {
    static let inline: Set<String> = ["em", "strong", "code", "a", "del", "span"]
    static let void: Set<String> = ["br", "hr", "img"]

    static func html(_ s: String) -> String {
        var out = ""
        // Open elements: name, where the opening tag starts in `out`, and
        // where its content starts.
        var stack: [(name: String, tag: String.Index, content: String.Index)] = []
        // Opening tags left out (an element inside one of its own kind), whose closing tags go too.
        var skipped: [String: Int] = [:]
        func close() {
            guard let top = stack.popLast() else { return }
            if out[top.content...].allSatisfy(\.isWhitespace) {
                // Empty: the element goes, its whitespace stays.
                let content = String(out[top.content...])
                out.removeSubrange(top.tag...)
                out += content
            } else {
                out += "</\(top.name)>"
            }
        }
        var rest = Substring(s)
        while let lt = rest.firstIndex(of: "<") {
            out += rest[..<lt]
            guard let gt = rest[lt...].firstIndex(of: ">") else {
                out += "&lt;"
                rest = rest[rest.index(after: lt)...]
                continue
            }
            let inside = rest[rest.index(after: lt)..<gt]
            rest = rest[rest.index(after: gt)...]
            let closing = inside.hasPrefix("/")
            let name = String((closing ? inside.dropFirst() : inside).prefix { $0.isLetter || $0.isNumber }).lowercased()
            guard !name.isEmpty else {
                out += "&lt;" + Prose.escapeHTML(String(inside)) + "&gt;"
                continue
            }
            if void.contains(name) {
                // An image's source would be fetched: none in a report.
                if name != "img" { out += "<\(name)>" }
                continue
            }
            if closing {
                if let n = skipped[name], n > 0 {
                    skipped[name] = n - 1
                    continue
                }
                guard let at = stack.lastIndex(where: { $0.name == name }) else { continue }
                while stack.count > at { close() }
                continue
            }
            if inline.contains(name), stack.contains(where: { $0.name == name }) {
                skipped[name, default: 0] += 1
                continue
            }
            if !inline.contains(name) {
                // A block closes the inline elements open around it.
                while let top = stack.last, inline.contains(top.name) { close() }
                if name == "p", stack.last?.name == "p" { close() }
            }
            let start = out.endIndex
            out += "<" + (name == "a" ? link(inside) : String(inside)) + ">"
            stack.append((name, start, out.endIndex))
        }
        out += rest
        while !stack.isEmpty { close() }
        return out
    }

    /// `a href="…"` with the address made valid: spaces and odd characters
    /// percent-encoded, an empty one `#`.
    static func link(_ tag: Substring) -> String {
        guard let r = tag.range(of: "href=\"") else { return "a" }
        // The address as written: the entities made before Ink read back.
        var value = String(tag[r.upperBound...].prefix { $0 != "\"" })
        for (entity, c) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
            value = value.replacingOccurrences(of: entity, with: c)
        }
        var encoded = ""
        let bytes = Array(value.utf8)
        func isHex(_ i: Int) -> Bool { i < bytes.count && Character(Unicode.Scalar(bytes[i])).isHexDigit }
        for (i, u) in bytes.enumerated() {
            let c = Character(Unicode.Scalar(u))
            if u == UInt8(ascii: "%"), isHex(i + 1), isHex(i + 2) {
                // Already percent-encoded.
                encoded.append(c)
            } else if u == UInt8(ascii: "&") {
                encoded += "&amp;"
            } else if u < 0x80, c.isLetter || c.isNumber || "-._~:/?#@!$'()*+,;=".contains(c) {
                encoded.append(c)
            } else {
                let hex = String(u, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return "a href=\"\(encoded.isEmpty ? "#" : encoded)\""
    }
}
