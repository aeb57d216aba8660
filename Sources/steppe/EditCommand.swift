import LineEditing
import SteppeCore

/// `:edit` (LANGUAGE.md, Session commands): at the prompt, opens `$VISUAL`,
/// else `$EDITOR`, else `vi`, on the last statement entered; when the editor
/// exits with status 0 the saved text runs as if typed, and history keeps it
/// as one entry. Refused under `--safe`; in a script there is no prompt to
/// edit from.
final class EditCommand {
    static let declaration = Declaration(
        "edit", .sessionCommand, usage: ":edit",
        summary: "at the prompt: edit the last statement in $VISUAL, $EDITOR or vi; what is saved runs",
        examples: [":edit"])

    /// Text the editor saved, for the prompt to run once the `:edit` line is done.
    private var saved: String?
    /// The last statement entered, from the prompt's history.
    private var last: () -> String? = { nil }

    /// The form for scripts, `-c` and piped input.
    static func register(inScriptsOf session: Session) {
        session.declare(SessionCommand(declaration, refusedWhenSafe: true, takesArgument: false) { _ in
            throw CommandError(":edit works only at the prompt", notes: ["in a script, write the statement itself"])
        })
    }

    /// The prompt's form: edits `last()` and keeps what was saved for ``take()``.
    func register(in session: Session, last: @escaping () -> String?) {
        self.last = last
        session.declare(SessionCommand(EditCommand.declaration, refusedWhenSafe: true, takesArgument: false) {
            [self] call in try self.edit(call.session)
        })
    }

    private func edit(_ session: Session) throws {
        let editor = ExternalEditor.command(environment: FileIO.environment)
        // What the session printed so far goes out before the editor takes the screen.
        session.flush()
        let result = try EditCommand.open(last() ?? "", in: editor)
        guard result.status == 0 else {
            throw CommandError(":edit: the editor (\(editor)) exited with status \(result.status); nothing was run")
        }
        saved = result.text
    }

    /// Runs the editor on `text`; its failures become the command's.
    private static func open(_ text: String, in editor: String) throws -> (status: Int32, text: String) {
        do {
            return try ExternalEditor.edit(text, editor: editor)
        } catch {
            throw CommandError(":edit: \(error.message)")
        }
    }

    /// The saved text, once: nil when there is none, or it is blank.
    func take() -> String? {
        defer { saved = nil }
        guard var text = saved else { return nil }
        while let last = text.last, last.isNewline || last == " " || last == "\t" { text.removeLast() }
        return text.contains(where: { !$0.isWhitespace }) ? text : nil
    }
}
