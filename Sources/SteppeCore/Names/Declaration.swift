/// What one name means to the session: a statement word, a stage, a
/// built-in table or function, a plugin command, a session command, an
/// introducer word. Help, completion and did-you-mean read declarations and
/// nothing else; `Session.resolve` decides which one a name written in a
/// script stands for.
public struct Declaration: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case statement
        case stage
        case table
        case function
        case command
        case sessionCommand = "session command"
        /// `vs`, `by`, `to`: a word that introduces a command's argument.
        case introducer
        /// A reserved word that is neither of the above (`and`, `true`, `in`).
        case word
    }

    /// What Tab offers after a session command and a space.
    public indirect enum ArgumentCompletion: Sendable, Equatable {
        case nothing
        case files
        /// A word, then what follows it: `:plugin load FILE`.
        case word(String, then: ArgumentCompletion)
        case choices([String])
        /// The names `:help` knows.
        case names
    }

    public var name: String
    public var kind: Kind
    public var usage: String
    public var summary: String
    public var examples: [String]
    public var parameters: [Parameter]
    /// Other spellings (`:q` for `:quit`).
    public var aliases: [String]
    /// `built in`, or the plugin that declared it.
    public var origin: String
    public var completion: ArgumentCompletion

    public init(_ name: String, _ kind: Kind, usage: String, summary: String, examples: [String] = [],
                parameters: [Parameter] = [], aliases: [String] = [], origin: String = "built in",
                completion: ArgumentCompletion = .nothing) {
        self.name = name
        self.kind = kind
        self.usage = usage
        self.summary = summary
        self.examples = examples
        self.parameters = parameters
        self.aliases = aliases
        self.origin = origin
        self.completion = completion
    }

    /// How a hiding warning names it: `the command stats (Statistics)`.
    var described: String { "the \(kind.rawValue) \(name) (\(origin))" }
}

/// The words that introduce a command's argument after its first ones, as
/// the parser reads them: `compare A vs B`, `chart value by property to "c.svg"`.
public enum IntroducerWord: String, Sendable, CaseIterable {
    case vs, by, to
}

extension Command {
    /// The command as the name table holds it.
    public var declaration: Declaration {
        Declaration(name, .command, usage: usage, summary: summary, examples: examples,
                    parameters: parameters, origin: plugin)
    }
}

/// A session command (`:help`, `:run`, `:plugin load`): its declaration and
/// what it does with the rest of its line.
public struct SessionCommand: Sendable {
    public var declaration: Declaration
    /// Whether `--safe` refuses it (it writes files, runs programs, loads code).
    public var refusedWhenSafe: Bool
    /// Whether anything may follow it on the line.
    public var takesArgument: Bool
    public var run: @Sendable (SessionCommandCall) throws -> Void

    public init(_ declaration: Declaration, refusedWhenSafe: Bool = false, takesArgument: Bool = true,
                run: @escaping @Sendable (SessionCommandCall) throws -> Void) {
        var d = declaration
        d.kind = .sessionCommand
        self.declaration = d
        self.refusedWhenSafe = refusedWhenSafe
        self.takesArgument = takesArgument
        self.run = run
    }
}

/// One run of a session command.
public struct SessionCommandCall {
    public let session: Session
    /// The rest of the line, trimmed.
    public let argument: String
    public let range: SourceRange
    /// The file the line is in (paths are relative to it).
    public let file: SourceFile
}
