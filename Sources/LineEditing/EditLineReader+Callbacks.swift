import CEditLine
import Glibc

// What libedit calls back into while a line is being edited. Each entry
// point is reached from a @convention(c) closure through EL_CLIENTDATA.

extension EditLineReader {
    // MARK: - Reading keys

    /// libedit's EL_GETCFN: stores the next typed character and returns 1,
    /// or returns 0 at end of input and -1 to abandon the line (Ctrl-C).
    func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        character.pointee = 0
        if !searchReplay.isEmpty {
            character.pointee = searchReplay.removeFirst()
            return 1
        }
        switch decoder.next({ readByte() }) {
        case .scalar(let value):
            if search != nil, let key = Unicode.Scalar(value) {
                // The search takes every key: hand it over under the key
                // bound to the search (EditLineReader+Search.swift).
                searchPending = key
                character.pointee = 0x12
                return 1
            }
            character.pointee = wchar_t(bitPattern: value)
            return 1
        case .end:
            return 0
        case .stopped:
            errno = EINTR
            return -1
        }
    }

    /// One byte from the terminal, dealing with the signals that interrupt
    /// the wait: resize and Ctrl-Z are handled here and the wait resumes.
    private func readByte() -> ByteRead {
        var byte: UInt8 = 0
        while true {
            if Interrupt.requested { return .stopped }
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 { return .byte(byte) }
            if count == 0 { return .end }
            guard errno == EINTR else { return .stopped }
            handleSignals()
        }
    }

    private func handleSignals() {
        guard let editor else { return }
        if ReadingSignals.takeSuspend() {
            // Give the shell a sane terminal while stopped, then take it back
            // and draw the line again below whatever the shell printed.
            _ = steppe_el_prep_term(editor, 0)
            ReadingSignals.suspend()
            _ = steppe_el_prep_term(editor, 1)
            _ = steppe_el_redraw(editor)
        }
        if ReadingSignals.takeResize() {
            steppe_el_resize(editor)
            // Redraw from the start of the row: libedit's picture of the
            // screen is stale after a resize.
            steppe_write_stdout("\r")
            _ = steppe_el_redraw(editor)
        }
    }

    // MARK: - Completion

    /// The Tab function: asks the completer and edits or lists accordingly.
    /// Returns a libedit CC_* code.
    func complete() -> UInt8 {
        guard let editor, let completer, let info = steppe_el_wline(editor),
            let start = info.pointee.buffer, let end = info.pointee.lastchar,
            let cursorPointer = info.pointee.cursor
        else { return UInt8(CC_ERROR) }

        var scalars = String.UnicodeScalarView()
        var position = start
        while position < end {
            scalars.append(Self.scalar(position.pointee))
            position += 1
        }
        let line = String(scalars)
        let cursorScalars = cursorPointer - start
        let cursor = String(scalars.prefix(cursorScalars)).count
        let completion = completer(line, cursor)

        switch CompletionStep.plan(line: line, cursor: cursor, completion: completion) {
        case .beep:
            return UInt8(CC_ERROR)
        case .replace(let from, _, let text):
            // libedit deletes and inserts scalars (wide characters), so the
            // Character offset becomes a scalar count.
            let fromScalars = String(line.prefix(from)).unicodeScalars.count
            steppe_el_deletestr(editor, Int32(clamping: max(0, cursorScalars - fromScalars)))
            if !text.isEmpty {
                let inserted = Self.withWideString(text) { steppe_el_winsertstr(editor, $0) }
                if inserted != 0 { return UInt8(CC_REFRESH_BEEP) }
            }
            return UInt8(CC_REFRESH)
        case .list(let candidates):
            showCandidates(candidates, editor: editor)
            return UInt8(CC_NORM)
        }
    }

    /// Prints candidates in columns below the line being edited, then draws
    /// the prompt and line again underneath, as bash does.
    private func showCandidates(_ candidates: [String], editor: OpaquePointer) {
        // The terminal is in libedit's raw mode here: spell out "\r\n".
        let rows = inputLayout().rowsBelowCursor
        let lines = CompletionColumns.lines(candidates, width: Self.terminalWidth() ?? 80)
        let text =
            String(repeating: "\r\n", count: rows + 1)
            + lines.joined(separator: "\r\n") + "\r\n"
        steppe_write_stdout(text)
        // EL_REFRESH forgets the old screen and draws from the cursor; the
        // CC_REDISPLAY return code would first move up and wipe the list.
        _ = steppe_el_redraw(editor)
    }
}
