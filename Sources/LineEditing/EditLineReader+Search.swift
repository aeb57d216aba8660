import CEditLine

// Ctrl-R: incremental history search that looks like readline's,
// `(reverse-i-search)'oil': kazakhstan.oil_reserves_share`.
//
// libedit's own search (em-inc-search-prev) cannot be made to look so: it
// writes a fixed "bck:" (a static array inside ce_inc_search) and the
// pattern into the line buffer below the line, with no hook to change it.
// So Ctrl-R is a function of ours. libedit calls a bound function once per
// key and redraws only when it returns, so the search is a mode that spans
// calls: while it is on, the character reader hands every key it reads to
// the search (as a Ctrl-R carrying the real key), and each call changes the
// prompt and the line and asks libedit to redisplay, which redraws both in
// place with libedit's own knowledge of the screen.

/// Where an incremental search stands.
struct HistorySearch: Equatable {
    /// The text typed so far.
    var pattern = ""
    /// The entry shown (an index into the history), nil before a match.
    var match: Int?
    /// Whether the last extension of the pattern found nothing.
    var failed = false
    /// Towards older entries (Ctrl-R) or newer ones (Ctrl-S).
    var backwards = true

    /// What the prompt says, as readline says it.
    var prompt: String {
        (failed ? "(failed " : "(") + (backwards ? "reverse-i-search" : "i-search") + ")'\(pattern)': "
    }

    /// The nearest entry from `start` (included) in the search's direction
    /// that contains `pattern`, and where in it.
    static func find(_ pattern: String, in entries: [String], from start: Int, backwards: Bool)
        -> (index: Int, offset: Int)?
    {
        var index = start
        while index >= 0 && index < entries.count {
            if let range = entries[index].range(of: pattern) {
                return (index, entries[index].distance(from: entries[index].startIndex, to: range.lowerBound))
            }
            index += backwards ? -1 : 1
        }
        return nil
    }
}

/// What one key does to a search.
enum SearchKey {
    case extend(Character)
    case older, newer, deleteBack
    /// Ctrl-G: put the line back as it was before the search.
    case abort
    /// Any other key ends the search with the match in the line, then does
    /// what it does (Enter runs the line, Ctrl-A moves to its start, ...).
    case finish

    init(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x12: self = .older
        case 0x13: self = .newer
        case 0x08, 0x7F: self = .deleteBack
        case 0x07: self = .abort
        case 0x20..<0x7F, 0xA0...: self = .extend(Character(scalar))
        default: self = .finish
        }
    }
}

extension String {
    /// The range of the first occurrence of `other`, compared by Characters.
    fileprivate func range(of other: String) -> Range<Index>? {
        guard !other.isEmpty else { return startIndex..<startIndex }
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(other) {
                return start..<index(start, offsetBy: other.count)
            }
            start = index(after: start)
        }
        return nil
    }
}

extension EditLineReader {
    /// The Ctrl-R function: starts a search, or takes the key the character
    /// reader set aside for the search under way. Returns a libedit CC_* code.
    func searchKey() -> UInt8 {
        guard editor != nil else { return UInt8(CC_ERROR) }
        guard var state = search else {
            searchStart = SearchStart(line: currentLine(), cursor: currentCursor(), prompt: prompt)
            searchStack = []
            search = HistorySearch()
            showSearch()
            return UInt8(CC_REDISPLAY)
        }
        guard let key = searchPending else { return UInt8(CC_NORM) }
        searchPending = nil
        let entries = history
        switch SearchKey(key) {
        case .extend(let character):
            searchStack.append(state)
            state.pattern.append(character)
            let from = state.match ?? (state.backwards ? entries.count - 1 : 0)
            if !state.failed, let found = HistorySearch.find(state.pattern, in: entries, from: from, backwards: state.backwards) {
                state.match = found.index
                replaceLine(with: entries[found.index], cursor: found.offset)
            } else {
                state.failed = true
            }
        case .older:
            searchStack.append(state)
            state = step(state, backwards: true, in: entries)
        case .newer:
            searchStack.append(state)
            state = step(state, backwards: false, in: entries)
        case .deleteBack:
            guard let previous = searchStack.popLast() else {
                steppe_write_stdout("\u{7}")
                return UInt8(CC_NORM)
            }
            state = previous
            if let match = state.match, match < entries.count,
                let found = HistorySearch.find(state.pattern, in: entries, from: match, backwards: state.backwards),
                found.index == match
            {
                replaceLine(with: entries[match], cursor: found.offset)
            } else if state.match == nil, let start = searchStart {
                replaceLine(with: start.line, cursor: start.cursor)
            }
        case .abort:
            if let start = searchStart { replaceLine(with: start.line, cursor: start.cursor) }
            endSearch(keeping: state)
            return UInt8(CC_REDISPLAY)
        case .finish:
            endSearch(keeping: state)
            // The key goes on to libedit as if typed now.
            searchReplay.append(wchar_t(bitPattern: key.value))
            return UInt8(CC_REDISPLAY)
        }
        search = state
        showSearch()
        return UInt8(CC_REDISPLAY)
    }

    /// Ctrl-R (or Ctrl-S) again: the next match further on, with the
    /// pattern so far (or, typed first, the last search's pattern).
    private func step(_ current: HistorySearch, backwards: Bool, in entries: [String]) -> HistorySearch {
        var state = current
        if state.pattern.isEmpty, let last = lastSearchPattern { state.pattern = last }
        state.backwards = backwards
        let from = state.match.map { $0 + (backwards ? -1 : 1) } ?? (backwards ? entries.count - 1 : 0)
        if let found = HistorySearch.find(state.pattern, in: entries, from: from, backwards: backwards) {
            state.match = found.index
            state.failed = false
            replaceLine(with: entries[found.index], cursor: found.offset)
        } else {
            state.failed = true
            steppe_write_stdout("\u{7}")
        }
        return state
    }

    /// Leaves search mode: the normal prompt comes back.
    func endSearch(keeping state: HistorySearch?) {
        if let state, !state.pattern.isEmpty { lastSearchPattern = state.pattern }
        if let start = searchStart { setPrompt(start.prompt) }
        search = nil
        searchStart = nil
        searchStack = []
        searchPending = nil
    }

    private func showSearch() {
        guard let search else { return }
        setPrompt(search.prompt)
    }

    /// The text being edited.
    func currentLine() -> String {
        guard let editor, let info = steppe_el_wline(editor) else { return "" }
        var scalars = String.UnicodeScalarView()
        var position = info.pointee.buffer
        while let current = position, let end = info.pointee.lastchar, current < end {
            scalars.append(Self.scalar(current.pointee))
            position = current + 1
        }
        return String(scalars)
    }

    /// The cursor, in Characters from the start of the line.
    func currentCursor() -> Int {
        guard let editor, let info = steppe_el_wline(editor), let start = info.pointee.buffer,
            let cursor = info.pointee.cursor
        else { return 0 }
        return String(currentLine().unicodeScalars.prefix(cursor - start)).count
    }

    /// Puts `text` in the line, with the cursor `cursor` Characters in.
    func replaceLine(with text: String, cursor: Int) {
        guard let editor, let info = steppe_el_wline(editor), let start = info.pointee.buffer,
            let end = info.pointee.lastchar, let at = info.pointee.cursor
        else { return }
        _ = steppe_el_cursor(editor, Int32(clamping: end - at))
        steppe_el_deletestr(editor, Int32(clamping: end - start))
        if !text.isEmpty {
            _ = Self.withWideString(text) { steppe_el_winsertstr(editor, $0) }
        }
        let after = text.unicodeScalars.count - String(text.prefix(cursor)).unicodeScalars.count
        _ = steppe_el_cursor(editor, Int32(clamping: -after))
    }
}

/// The line as it was when the search began, to put back on Ctrl-G.
struct SearchStart {
    var line: String
    var cursor: Int
    var prompt: String
}
