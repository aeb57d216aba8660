#if canImport(Glibc)
import Glibc
#endif

/// Tab completion from the live session and its declarations (LANGUAGE.md,
/// "At the prompt: completion"): names, properties after `SUBJECT.`, stages
/// after `|`, columns inside a stage, session commands after `:` and what
/// each one's declaration says may follow it, introducer words after a
/// command.
extension Session {
    public struct Completions: Sendable, Equatable {
        /// Character offset in the line where the word being completed starts.
        public var start: Int
        public var candidates: [String]
        /// Candidates that go on (an entity or record before `.`, a function
        /// before `(`): inserted alone, they take no space after them.
        public var continuing: Set<String> = []
    }

    public func completions(line: String, cursor: Int) -> Completions {
        let chars = Array(line.prefix(cursor))
        var start = chars.count
        while start > 0, Session.isWordChar(chars[start - 1]) { start -= 1 }
        let word = String(chars[start...])
        let before = String(chars[..<start])
        func offer(_ names: [String], continuing: Set<String> = []) -> Completions {
            let matched = Session.matching(word, names)
            return Completions(start: start, candidates: matched, continuing: continuing.intersection(matched))
        }

        // A session command, then what its declaration says may follow it.
        let lead = before.drop { $0 == " " || $0 == "\t" }
        if lead.hasPrefix(":") {
            let typed = lead.dropFirst()
            guard let space = typed.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
                return offer(sessionCommands.map(\.declaration.name))
            }
            guard let command = sessionCommand(named: String(typed[..<space])) else { return offer([]) }
            let argument = String(typed[space...].drop { $0 == " " || $0 == "\t" }) + word
            return argumentCompletions(command.declaration.completion, argument: argument, cursor: cursor) { offer($0) }
        }
        // After `SUBJECT.`: that subject's properties (or a record's fields).
        if start > 0, chars[start - 1] == "." {
            var s = start - 1
            while s > 0, Session.isWordChar(chars[s - 1]) { s -= 1 }
            return offer(fields(of: String(chars[s..<(start - 1)])))
        }
        let statement = Session.currentStatement(before)
        let stageText = statement.split(separator: "|", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let inStage = statement.contains("|")
        // After `|`: stages, commands that take input, and defs.
        if inStage && stageText.trimmed.isEmpty {
            let names = declarations.filter { $0.kind == .stage }.map(\.name)
                + registry.commands.values.filter(\.takesInput).map(\.name) + defs.keys
            return offer(names)
        }
        var names = declarations.filter { [.table, .function, .command, .word].contains($0.kind) }.map(\.name)
        var continuing = Set(Builtins.functions.map(\.declaration.name)).union(defs.keys)
        names += letOrder + defs.keys + store.sourceOrder
        let entityNames = store.entityOrder + store.entities.values.flatMap(\.aliases).filter(Session.isName)
        names += entityNames
        continuing.formUnion(entityNames)
        for (name, v) in lets { if case .record = v.payload { continuing.insert(name) } }
        // A command inside an expression is called with `(`.
        let head = stageText.trimmed.prefix { Session.isWordChar($0) }
        let atHead = stageText.trimmed.isEmpty
        if !atHead { continuing.formUnion(registry.commands.keys) }
        if statement.trimmed.isEmpty { names += declarations.filter { $0.kind == .statement }.map(\.name) }
        if inStage {
            names += columns(flowingInto: statement) + ["by", "asc", "desc"]
        }
        // After a command and a whole argument: the words its declaration
        // introduces (and the operators that may go on with the argument).
        if !atHead, stageText.trimmed != head, case .command(let command) = resolve(String(head), .statementStart, Env.session),
           Session.endsOperand(stageText) {
            let used = Set(stageText.split(separator: " ").map(String.init))
            let words = command.parameters.compactMap { p -> String? in
                if case .word(let w) = p.introducer, !used.contains(w.rawValue) { return w.rawValue }
                return nil
            }
            return offer(words + ["and", "or", "in", "to"])
        }
        return offer(names, continuing: continuing)
    }

    func argumentCompletions(_ kind: Declaration.ArgumentCompletion, argument: String, cursor: Int,
                             offer: ([String]) -> Completions) -> Completions {
        switch kind {
        case .nothing: return offer([])
        case .files:
            // The whole argument is replaced, `/` and `.` and all.
            let paths = Session.paths(matching: argument)
            return Completions(start: cursor - argument.count, candidates: paths)
        case .choices(let words): return offer(words)
        case .names: return offer(declarations.map(\.name) + letOrder + defs.keys)
        case .word(let w, let then):
            guard let space = argument.firstIndex(of: " ") else { return offer([w]) }
            guard argument[..<space] == w else { return offer([]) }
            let rest = String(argument[space...].drop { $0 == " " })
            return argumentCompletions(then, argument: rest, cursor: cursor, offer: offer)
        }
    }

    /// What may follow `NAME.`: an entity's properties and fields, a record's fields.
    func fields(of subject: String) -> [String] {
        if let v = lets[subject], case .record(let r) = v.payload { return r.fields.map(\.name) }
        if let e = store.entity(subject) {
            return store.properties(of: e.id) + ["id", "name", "kind", "aliases"]
                + assumptions.keys.filter { $0.hasPrefix(e.id + ".") }.map { String($0.dropFirst(e.id.count + 1)) }
        }
        if store.sources[subject] != nil { return ["id", "title", "author", "publisher", "year", "address", "kind", "note"] }
        return store.hasAnyFacts(subject: subject) ? store.properties(of: subject) : []
    }

    /// The columns of the table that reaches the last stage of `statement`:
    /// a built-in table's or a `let` table's, as `select` and `group by` change them.
    func columns(flowingInto statement: String) -> [String] {
        let stages = statement.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmed }
        guard let head = stages.first else { return [] }
        var columns: [String]
        switch resolve(head, .value, Env.session) {
        case .table("facts"): columns = Session.factColumns
        case .table("entities"): columns = ["id", "name", "kind", "aliases"]
        case .table("sources"): columns = ["id", "title", "author", "publisher", "year", "address", "kind"]
        case .variable(let v):
            switch v.payload {
            case .table(let t): columns = t.columns
            case .list: columns = ["value"]
            default: return []
            }
        default:
            // `csto.members | …`: a list goes through as the column `value`.
            columns = head.contains(".") ? ["value"] : []
        }
        for stage in stages.dropFirst().dropLast() {
            if stage.hasPrefix("select ") {
                columns = stage.dropFirst(7).split(separator: ",").map {
                    String(String($0).trimmed.prefix { Session.isWordChar($0) })
                }.filter { !$0.isEmpty }
            } else if stage.hasPrefix("group by ") {
                columns = [String(stage.dropFirst(9)).trimmed, "rows"]
            } else if stage == "count" {
                columns = []
            }
        }
        return columns
    }

    /// Whether `text` ends with a whole operand and a space (`compare 1 `,
    /// `stats a.b `), so that what comes next is an operator or an introducer.
    static func endsOperand(_ text: String) -> Bool {
        guard text.last == " ", let last = text.trimmed.last else { return false }
        let lastWord = text.trimmed.split(separator: " ").last.map(String.init) ?? ""
        if Builtins.reserved.contains(lastWord) { return false }
        return isWordChar(last) || last == ")" || last == "]" || last == "}" || last == "\"" || last == "%"
    }

    /// The text of the statement the cursor is in: after the last `;`.
    static func currentStatement(_ before: String) -> String {
        var inText = false
        var start = before.startIndex
        for i in before.indices {
            if before[i] == "\"" { inText.toggle() }
            if before[i] == ";" && !inText { start = before.index(after: i) }
        }
        return String(before[start...])
    }

    static func isWordChar(_ c: Character) -> Bool { c == "_" || (c.isASCII && (c.isLetter || c.isNumber)) }

    static func isName(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy(isWordChar) }

    static func matching(_ prefix: String, _ names: [String]) -> [String] {
        Array(Set(names.filter { $0.hasPrefix(prefix) })).sorted()
    }

    /// Files and folders starting with `prefix` (folders end with `/`).
    static func paths(matching prefix: String) -> [String] {
        let dir: String
        let namePrefix: String
        if let slash = prefix.lastIndex(of: "/") {
            dir = String(prefix[...slash])
            namePrefix = String(prefix[prefix.index(after: slash)...])
        } else {
            dir = ""
            namePrefix = prefix
        }
        guard let handle = opendir(dir.isEmpty ? "." : dir) else { return [] }
        defer { closedir(handle) }
        var results: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard name != ".", name != "..", name.hasPrefix(namePrefix) else { continue }
            if name.hasPrefix(".") && !namePrefix.hasPrefix(".") { continue }
            let full = dir + name
            results.append(FileIO.isDirectory(full) ? full + "/" : full)
        }
        return results.sorted()
    }
}
