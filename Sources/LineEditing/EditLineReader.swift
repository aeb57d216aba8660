import CEditLine
import Glibc

/// Reads lines from a terminal with libedit: emacs keys, history recall,
/// Ctrl-R search and Tab completion.
///
/// Keys beyond libedit's emacs defaults: Ctrl-R searches history backwards,
/// Ctrl-W and Ctrl-U delete the word or the text before the cursor (as in
/// bash), Home/End and Ctrl-Left/Right work in the common terminals, Tab asks
/// ``completer``. Ctrl-C abandons the line, Ctrl-D on an empty line ends input.
///
/// A prompt may contain escape sequences (colour) between two `"\u{1}"`s,
/// so they are not counted as columns.
public final class EditLineReader: LineReader {
    /// Called on Tab; with no completer Tab beeps.
    public var completer: Completer?

    /// The libedit session; nil once closed.
    var editor: OpaquePointer?
    /// libedit's in-memory history, which Up/Down and Ctrl-R walk.
    private var editorHistory: OpaquePointer?
    private var list: HistoryList
    /// The prompt being shown, as Swift text for measuring.
    private(set) var prompt = ""
    /// The prompt as a NUL-terminated wide string, owned here because libedit
    /// asks for it through a C callback at every redraw.
    private var promptBuffer: UnsafeMutableBufferPointer<wchar_t>?
    /// Decodes the terminal's bytes; keeps a byte across calls.
    var decoder = ScalarDecoder()

    // Ctrl-R's search (EditLineReader+Search.swift).
    /// The search under way, nil when none is.
    var search: HistorySearch?
    /// The states before each key of the search, for Backspace.
    var searchStack: [HistorySearch] = []
    /// The line and prompt from before the search.
    var searchStart: SearchStart?
    /// The key read for the search, handed over under a Ctrl-R.
    var searchPending: Unicode.Scalar?
    /// Keys to give libedit before reading more (the key that ended a search).
    var searchReplay: [wchar_t] = []
    /// What the last search looked for: Ctrl-R Ctrl-R looks for it again.
    var lastSearchPattern: String?

    /// Why libedit cannot be used here (the loader's message), or nil when
    /// it can. The first call opens the library (see editline.c): steppe
    /// does not link it, so that `-c` and scripts never load it.
    public static func unavailability() -> String? {
        var reason = [CChar](repeating: 0, count: 512)
        if steppe_editline_open(&reason, reason.count) == 1 { return nil }
        return reason.withUnsafeBufferPointer { bytes in
            String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// Opens libedit on standard input and output. Returns nil when libedit
    /// cannot be loaded (see ``unavailability()``) or cannot start.
    ///
    /// Also switches the C library's character type to UTF-8 (see
    /// `steppe_setup_utf8_locale`), which libedit needs to show and measure
    /// non-ASCII text.
    public init?(completer: Completer? = nil, historyCapacity: Int = HistoryFile.capacity) {
        guard Self.unavailability() == nil else { return nil }
        _ = steppe_setup_utf8_locale()
        guard let editor = steppe_el_init("steppe") else { return nil }
        self.editor = editor
        self.completer = completer
        list = HistoryList(capacity: historyCapacity)
        editorHistory = steppe_history_init(Int32(clamping: list.capacity))
        configure(editor)
    }

    deinit {
        close()
    }

    private func configure(_ editor: OpaquePointer) {
        _ = steppe_el_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
        _ = steppe_el_set_editor(editor, "emacs")
        // libedit's own signal handling re-sends each signal to the whole
        // process group with kill(0, ...); the reader handles the few
        // signals it cares about itself (see readCharacter).
        _ = steppe_el_set_signal(editor, 0)
        _ = steppe_el_set_prompt(editor) { editor in
            EditLineReader.reader(of: editor)?.promptBuffer?.baseAddress ?? steppe_empty_prompt()
        }
        _ = steppe_el_set_getc(editor) { editor, character in
            guard let character else { return -1 }
            guard let reader = EditLineReader.reader(of: editor) else {
                character.pointee = 0
                return -1
            }
            return reader.readCharacter(into: character)
        }
        if let editorHistory {
            _ = steppe_el_set_history(editor, editorHistory)
        }
        _ = steppe_el_add_function(editor, "steppe-complete", "Complete the word before the cursor") {
            editor, _ in
            EditLineReader.reader(of: editor)?.complete() ?? UInt8(CC_ERROR)
        }
        _ = steppe_el_add_function(editor, "steppe-search", "Search history backwards as you type") {
            editor, _ in
            EditLineReader.reader(of: editor)?.searchKey() ?? UInt8(CC_ERROR)
        }
        for (keys, command) in Self.bindings {
            _ = steppe_el_bind(editor, keys, command)
        }
    }

    /// Keys bound on top of libedit's emacs map. Backslash escapes are
    /// libedit's: `\e` is Escape, `^X` is Ctrl-X.
    private static let bindings: [(String, String)] = [
        ("^I", "steppe-complete"),
        // libedit binds Ctrl-R to redisplay; readline users expect search,
        // and readline's look (see EditLineReader+Search.swift).
        ("^R", "steppe-search"),
        // libedit's Ctrl-W kills the region and Ctrl-U repeats; bash's
        // meanings are what people type.
        ("^W", "ed-delete-prev-word"),
        ("^U", "vi-kill-line-prev"),
        // Home, End and Delete as tmux, screen, xterm and the Linux console
        // send them; terminfo supplies only one variant of each.
        ("\\e[1~", "ed-move-to-beg"), ("\\e[7~", "ed-move-to-beg"),
        ("\\e[H", "ed-move-to-beg"), ("\\eOH", "ed-move-to-beg"),
        ("\\e[4~", "ed-move-to-end"), ("\\e[8~", "ed-move-to-end"),
        ("\\e[F", "ed-move-to-end"), ("\\eOF", "ed-move-to-end"),
        ("\\e[3~", "ed-delete-next-char"),
        // Ctrl-Left/Right (and Alt-Left/Right) move by words.
        ("\\e[1;5D", "ed-prev-word"), ("\\e[1;5C", "em-next-word"),
        ("\\e[1;3D", "ed-prev-word"), ("\\e[1;3C", "em-next-word"),
    ]

    // MARK: - LineReader

    /// Shows `prompt` and edits one line until Enter, Ctrl-C or Ctrl-D.
    ///
    /// The terminal is in raw mode only during the call. On Ctrl-C and
    /// Ctrl-D the reader moves to a fresh row itself (showing `^C`/`^D`),
    /// so the caller prints nothing extra. A recalled multi-line history
    /// entry comes back with its newlines.
    public func readLine(prompt: String) -> ReadResult {
        guard let editor else { return .endOfInput }
        setPrompt(prompt)
        ReadingSignals.begin()
        var count: Int32 = 0
        let text = steppe_el_wgets(editor, &count)
        ReadingSignals.end()
        searchReplay = []
        // A search cut short (Ctrl-C, end of input) ends here, after the
        // abandoned line is measured with the prompt it was shown with.
        defer { endSearch(keeping: search) }

        // The flag comes first: an interrupted search or read may look like
        // an end of input to libedit.
        if Interrupt.requested {
            Interrupt.clear()
            finishAbandonedLine()
            return .interrupted
        }
        guard let text, count > 0 else {
            // Ctrl-D leaves the cursor after the prompt; end the line so the
            // shell's prompt does not follow ours on the same row.
            steppe_write_stdout("\n")
            return .endOfInput
        }
        var scalars = String.UnicodeScalarView()
        for index in 0..<Int(count) {
            scalars.append(Self.scalar(text[index]))
        }
        if scalars.last == "\n" {
            scalars.removeLast()
        }
        return .line(String(scalars))
    }

    public func addHistory(_ entry: String) {
        guard list.add(entry), let editorHistory else { return }
        Self.withWideString(entry) { _ = steppe_history_enter(editorHistory, $0) }
    }

    public var history: [String] {
        list.entries
    }

    /// Gives the terminal back in the mode it had; idempotent.
    public func close() {
        if let editor {
            steppe_el_end(editor)
        }
        editor = nil
        if let editorHistory {
            steppe_history_end(editorHistory)
        }
        editorHistory = nil
        promptBuffer?.deallocate()
        promptBuffer = nil
    }

    /// Columns of the terminal on standard output, or nil when it is not a terminal.
    public static func terminalWidth() -> Int? {
        let width = steppe_terminal_width(STDOUT_FILENO)
        return width > 0 ? Int(width) : nil
    }

    // MARK: - Helpers

    func setPrompt(_ text: String) {
        guard text != prompt || promptBuffer == nil else { return }
        let scalars = text.unicodeScalars
        let buffer = UnsafeMutableBufferPointer<wchar_t>.allocate(capacity: scalars.count + 1)
        var index = 0
        for scalar in scalars {
            buffer[index] = wchar_t(bitPattern: scalar.value)
            index += 1
        }
        buffer[index] = 0
        promptBuffer?.deallocate()
        promptBuffer = buffer
        prompt = text
    }

    /// After Ctrl-C: show `^C` when the cursor is at the end, and move below
    /// the abandoned text so the next prompt starts on a fresh row.
    private func finishAbandonedLine() {
        let layout = inputLayout()
        let mark = layout.cursorAtEnd ? "^C" : ""
        steppe_write_stdout(mark + String(repeating: "\n", count: layout.rowsBelowCursor + 1))
    }

    /// Where the cursor is within the prompt and the text being edited.
    func inputLayout() -> (rowsBelowCursor: Int, cursorAtEnd: Bool) {
        guard let editor, let info = steppe_el_wline(editor) else { return (0, true) }
        let columns = Self.terminalWidth() ?? 80
        let promptWidth = TerminalText.width(prompt)
        var before = 0
        var total = 0
        var position = info.pointee.buffer
        while let current = position, let end = info.pointee.lastchar, current < end {
            let width = TerminalText.width(Self.scalar(current.pointee))
            if current < (info.pointee.cursor ?? end) {
                before += width
            }
            total += width
            position = current + 1
        }
        let rows = (promptWidth + total) / columns - (promptWidth + before) / columns
        return (max(0, rows), info.pointee.cursor == info.pointee.lastchar)
    }

    /// The reader that a libedit callback belongs to, through EL_CLIENTDATA.
    static func reader(of editor: OpaquePointer?) -> EditLineReader? {
        guard let editor, let data = steppe_el_get_clientdata(editor) else { return nil }
        return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
    }

    static func scalar(_ character: wchar_t) -> Unicode.Scalar {
        Unicode.Scalar(UInt32(bitPattern: character)) ?? "\u{FFFD}"
    }

    /// Calls `body` with `text` as a NUL-terminated wide string.
    static func withWideString<Result>(
        _ text: String, _ body: (UnsafePointer<wchar_t>) -> Result
    ) -> Result {
        var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        return wide.withUnsafeBufferPointer { buffer in
            // A buffer from a non-empty array always has an address.
            guard let base = buffer.baseAddress else { preconditionFailure("empty wide string") }
            return body(base)
        }
    }
}
