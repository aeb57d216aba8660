import LineEditing
import SteppeCore

/// `:edit` (LANGUAGE.md, Session commands): at the prompt, opens `$VISUAL`,
/// else `$EDITOR`, else `vi`, on the last statement entered; when the editor
/// exits with status 0 the saved text runs as if typed, and history keeps it
/// as one entry. Refused under `--safe`; in a script there is no prompt to
/// edit from.
final class EditCommand {
    static let help = ":edit  at the prompt: edit the last statement in $VISUAL, $EDITOR or vi, then run it"

    /// Text the editor saved, for the prompt to run once the `:edit` line is done.
    private var saved: String?

    /// The form for scripts, `-c` and piped input.
    static func register(inScriptsOf session: Session) {
        session.extraCommands["edit"] = (help: help, run: { session, argument in
            try check(session, argument)
            throw CommandError(":edit works only at the prompt", notes: ["in a script, write the statement itself"])
        })
    }

    /// The prompt's form: edits `last()` and keeps what was saved for ``take()``.
    func register(in session: Session, last: @escaping () -> String?) {
        session.extraCommands["edit"] = (help: EditCommand.help, run: { [self] session, argument in
            try EditCommand.check(session, argument)
            let editor = ExternalEditor.command(environment: FileIO.environment)
            // What the session printed so far goes out before the editor takes the screen.
            session.flush()
            let result: (status: Int32, text: String)
            do {
                result = try ExternalEditor.edit(last() ?? "", editor: editor)
            } catch let failure as ExternalEditor.Failure {
                throw CommandError(":edit: \(failure.message)")
            }
            guard result.status == 0 else {
                throw CommandError(":edit: the editor (\(editor)) exited with status \(result.status); nothing was run")
            }
            saved = result.text
        })
    }

    /// The saved text, once: nil when there is none, or it is blank.
    func take() -> String? {
        defer { saved = nil }
        guard var text = saved else { return nil }
        while let last = text.last, last.isNewline || last == " " || last == "\t" { text.removeLast() }
        return text.contains(where: { !$0.isWhitespace }) ? text : nil
    }

    private static func check(_ session: Session, _ argument: String) throws {
        if session.options.safe { throw CommandError(":edit is refused under --safe") }
        if !argument.isEmpty { throw CommandError(":edit takes no argument", notes: ["it edits the last statement entered"]) }
    }
}
