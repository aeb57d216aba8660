import CEditLine

/// What a completer offers for the word before the cursor.
///
/// Offsets count `Character`s (what `String.count` counts), not bytes.
public struct Completion: Sendable, Equatable {
    /// Where in the line the word being completed starts; the text from here
    /// to the cursor is replaced.
    public var replaceFrom: Int
    /// Every full word that could stand there, in the order to list them.
    public var candidates: [String]
    /// Candidates that go on (`kazakhstan` before `.`, `about` before `(`):
    /// inserted alone, they take no space after them.
    public var continuing: Set<String>

    public init(replaceFrom: Int, candidates: [String], continuing: Set<String> = []) {
        self.replaceFrom = replaceFrom
        self.candidates = candidates
        self.continuing = continuing
    }
}

/// Asked on Tab with the whole line and the cursor's `Character` offset.
public typealias Completer = (_ line: String, _ cursor: Int) -> Completion

/// What Tab does to the line, decided apart from the terminal so it can be tested.
enum CompletionStep: Equatable {
    /// Replace the `Character`s `from..<to` with `text`.
    case replace(from: Int, to: Int, text: String)
    /// Nothing can be added: show these candidates below the line.
    case list([String])
    /// Nothing matches.
    case beep

    /// Bash's rules: one candidate is inserted whole, with a space after it
    /// unless it ends a path or a dotted name ("/" or ".") or the completer
    /// says it goes on, so the next word or `.` or `(` can follow; several
    /// insert what they share, and are listed when they share nothing more
    /// than what is typed.
    static func plan(line: String, cursor: Int, completion: Completion) -> CompletionStep {
        let cursor = min(max(0, cursor), line.count)
        let from = min(max(0, completion.replaceFrom), cursor)
        let candidates = completion.candidates
        guard let first = candidates.first else { return .beep }
        if candidates.count == 1 {
            let ending = first.last
            let text = ending == "/" || ending == "." || completion.continuing.contains(first) ? first : first + " "
            return .replace(from: from, to: cursor, text: text)
        }
        let word = line.dropFirst(from).prefix(cursor - from)
        let shared = commonPrefix(candidates)
        if shared.count > word.count, shared != String(word) {
            return .replace(from: from, to: cursor, text: shared)
        }
        return .list(candidates)
    }

    /// The longest start every string shares, compared by `Character`.
    static func commonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first.map({ Substring($0) }) else { return "" }
        for string in strings.dropFirst() {
            let shared = zip(prefix, string).prefix { $0 == $1 }.count
            prefix = prefix.prefix(shared)
        }
        return String(prefix)
    }
}

/// Candidates laid out the way bash and `ls` do: down the columns, each
/// column as wide as the widest candidate plus two spaces.
enum CompletionColumns {
    /// The lines to print for `items` on a terminal `width` columns wide.
    static func lines(_ items: [String], width: Int) -> [String] {
        guard !items.isEmpty else { return [] }
        let widths = items.map(TerminalText.width)
        let cell = (widths.max() ?? 0) + 2
        let columns = max(1, (width + 2) / cell)
        let rows = (items.count + columns - 1) / columns
        var result: [String] = []
        for row in 0..<rows {
            var line = ""
            var column = 0
            var index = row
            while index < items.count {
                let isLast = index + rows >= items.count || column == columns - 1
                line += items[index]
                if !isLast {
                    line += String(repeating: " ", count: cell - widths[index])
                }
                index += rows
                column += 1
            }
            result.append(line)
        }
        return result
    }
}

/// How wide text is on a terminal, the way libedit draws it.
enum TerminalText {
    /// Columns `text` takes; characters between two U+0001 marks (escape
    /// sequences in a prompt) take none.
    static func width(_ text: String) -> Int {
        var total = 0
        var hidden = false
        for scalar in text.unicodeScalars {
            if scalar.value == 1 {
                hidden.toggle()
                continue
            }
            if !hidden {
                total += width(scalar)
            }
        }
        return total
    }

    /// Columns one scalar takes; libedit shows control characters as `^X`.
    static func width(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || value == 0x7F { return 2 }
        if value < 0x7F { return 1 }
        let measured = steppe_wcwidth(wchar_t(bitPattern: value))
        // wcwidth knows nothing outside a UTF-8 locale; one column is the
        // likeliest guess for the letters that then come back as -1.
        return measured >= 0 ? Int(measured) : 1
    }
}
