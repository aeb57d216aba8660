/// One parameter of a command, as declared. Help, completion and argument
/// errors are all generated from these declarations.
public struct Parameter: Sendable {
    public enum Kind: Sendable {
        /// Any value: `compare A vs B`.
        case expression
        /// A column of the incoming table: `stats value`, `chart value by property`.
        case column
        /// A text: `to "chart.svg"`.
        case text
        /// A column of the incoming table when the command is a stage
        /// (`| stats value`); any value otherwise (`stats a, b, c`).
        case columnOrValue
        /// The rest of the statement or stage as words (`search city halls`),
        /// given as a text; bare words that are one entity id or alias give
        /// that entity. A text literal (`search "city halls"`) is its text.
        case words
    }

    public var name: String
    /// How it is introduced: by place for the first arguments, by one of the
    /// words the parser knows (`vs`, `by`, `to`) for those after them, or as
    /// `name: VALUE`.
    public var introducer: Introducer
    public var kind: Kind
    public var optional: Bool
    /// Takes the rest of the positional arguments (`stats EXPR, ...`).
    public var variadic: Bool
    public var summary: String

    public enum Introducer: Sendable, Equatable {
        case positional
        case word(IntroducerWord)
        case named

        /// Whether `label`, as the parser read it, introduces this parameter.
        func introduces(_ label: String) -> Bool {
            if case .word(let w) = self { return w.rawValue == label }
            return false
        }
    }

    public init(_ name: String, _ kind: Kind = .expression, introducer: Introducer = .positional,
                optional: Bool = false, variadic: Bool = false, summary: String = "") {
        self.name = name
        self.kind = kind
        self.introducer = introducer
        self.optional = optional
        self.variadic = variadic
        self.summary = summary
    }
}

/// What a command gives back: a value (what `json` shows and what the next
/// stage gets) and, optionally, a presentation for the table format.
public struct CommandResult: Sendable {
    public var value: Value
    /// Lines shown instead of the value's default rendering in table format.
    public var display: String?
    /// A drawing of it for a report (an SVG document), made when
    /// `CommandContext.wantsFigure` is true.
    public var figure: String?
    public init(_ value: Value, display: String? = nil, figure: String? = nil) {
        self.value = value
        self.display = display
        self.figure = figure
    }
}

/// The arguments a command was called with, checked against its declaration.
public struct Arguments: Sendable {
    /// Values by parameter name; a variadic parameter collects a list.
    public var values: [String: Value]
    /// Column parameters by name, as written.
    public var columns: [String: String]
    /// Where each argument was written, for errors that point at it.
    public var ranges: [String: SourceRange]
    /// The incoming value when the command is a pipeline stage.
    public var input: Value?

    public init(values: [String: Value] = [:], columns: [String: String] = [:],
                ranges: [String: SourceRange] = [:], input: Value? = nil) {
        self.values = values
        self.columns = columns
        self.ranges = ranges
        self.input = input
    }

    public subscript(name: String) -> Value? { values[name] }
}

/// An error from a command, shown under the command's name: `compare: …`.
public struct CommandError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The parameter it is about, so the caret can point at that argument.
    public var parameter: String?
    public var notes: [String]
    public init(_ message: String, parameter: String? = nil, notes: [String] = []) {
        self.message = message
        self.parameter = parameter
        self.notes = notes
    }

    /// The message, so that an error shown as text is never a struct dump.
    public var description: String { message }
}

/// A command's declaration and what it runs.
public struct Command: Sendable {
    public var name: String
    public var summary: String
    public var usage: String
    public var examples: [String]
    public var parameters: [Parameter]
    /// Whether it can be a stage (gets the incoming value as `input`).
    public var takesInput: Bool
    /// Filled in by the registry: the plugin that registered it.
    public internal(set) var plugin: String = ""
    public var run: @Sendable (Arguments, CommandContext) throws -> CommandResult

    public init(name: String, summary: String, usage: String, examples: [String] = [],
                parameters: [Parameter] = [], takesInput: Bool = false,
                run: @escaping @Sendable (Arguments, CommandContext) throws -> CommandResult) {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.examples = examples
        self.parameters = parameters
        self.takesInput = takesInput
        self.run = run
    }

    /// True when it can run with no arguments, so its bare name runs it.
    public var runsBare: Bool { parameters.allSatisfy { $0.optional } }
}

/// A plugin's description, for `:plugins`.
public struct PluginInfo: Sendable {
    public var name: String
    public var version: String
    public var summary: String
    /// `built in`, or the file it was loaded from.
    public var origin: String
    public var commands: [String]
    public init(name: String, version: String, summary: String, origin: String, commands: [String] = []) {
        self.name = name
        self.version = version
        self.summary = summary
        self.origin = origin
        self.commands = commands
    }
}

/// What a plugin implements: a description and one entry point that
/// registers its commands.
public protocol SteppePlugin {
    static var name: String { get }
    static var version: String { get }
    static var summary: String { get }
    static func register(into registry: inout CommandRegistry) throws
}

/// The session's commands, by name. Each session has its own.
public struct CommandRegistry: Sendable {
    public private(set) var commands: [String: Command] = [:]
    public private(set) var plugins: [PluginInfo] = []
    var registering: String?

    public init() {}

    /// Registers one command for the plugin being loaded.
    public mutating func register(_ command: Command) throws {
        guard Self.validName(command.name) else {
            throw CommandError("'\(command.name)' is not a valid command name")
        }
        if let existing = commands[command.name] {
            throw CommandError("command '\(command.name)' is already registered by plugin \(existing.plugin)")
        }
        var c = command
        c.plugin = registering ?? "?"
        commands[c.name] = c
        if let i = plugins.indices.last, plugins[i].name == registering { plugins[i].commands.append(c.name) }
    }

    /// Loads a plugin: all its commands, or none of them.
    public mutating func load(_ plugin: any SteppePlugin.Type, origin: String) throws {
        if plugins.contains(where: { $0.name == plugin.name }) {
            throw CommandError("plugin \(plugin.name) is already loaded")
        }
        var copy = self
        copy.plugins.append(PluginInfo(name: plugin.name, version: plugin.version, summary: plugin.summary, origin: origin))
        copy.registering = plugin.name
        try plugin.register(into: &copy)
        copy.registering = nil
        self = copy
    }

    public func command(_ name: String) -> Command? { commands[name] }

    /// The commands that take the rest of their statement as words: the
    /// parser reads their arguments as words.
    public var wordCommands: Set<String> {
        Set(commands.values.filter { $0.parameters.contains { $0.kind == .words } }.map(\.name))
    }

    static func validName(_ s: String) -> Bool {
        guard let first = s.utf8.first, (first >= 97 && first <= 122) || first == 95 else { return false }
        return s.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 || ($0 >= 65 && $0 <= 90) }
    }
}
