#if canImport(Glibc)
import Glibc
#endif

/// Tab completion from the live session: names, properties after `SUBJECT.`,
/// stages after `|`, session commands after `:`, paths after `:run`/`:load`.
extension Session {
    public struct Completions: Sendable, Equatable {
        /// Character offset in the line where the word being completed starts.
        public var start: Int
        public var candidates: [String]
    }

    public func completions(line: String, cursor: Int) -> Completions {
        let chars = Array(line.prefix(cursor))
        var start = chars.count
        while start > 0, Session.isWordChar(chars[start - 1]) { start -= 1 }
        let word = String(chars[start...])
        let before = String(chars[..<start])
        let trimmedBefore = before.trimmed

        // Session commands and their file arguments.
        if trimmedBefore.isEmpty && start > 0 && chars[start - 1] == ":" || (before.hasSuffix(":") && before.trimmed == ":") {
            let names = Session.sessionCommands.map(\.name) + extraCommands.keys
            return Completions(start: start, candidates: Session.matching(word, names))
        }
        if trimmedBefore.hasPrefix(":run") || trimmedBefore.hasPrefix(":load") {
            let args = line.prefix(cursor).drop { $0 != " " }.drop { $0 == " " }
            let pathStart = cursor - args.count
            return Completions(start: pathStart, candidates: Session.paths(matching: String(args)))
        }
        if trimmedBefore.hasPrefix(":format") {
            return Completions(start: start, candidates: Session.matching(word, OutputFormat.allCases.map(\.rawValue)))
        }
        if trimmedBefore.hasPrefix(":help") {
            let names = Array(registry.commands.keys) + Help.stages.map(\.0) + Array(Session.builtinFunctions.keys)
                + Session.sessionCommands.map(\.name)
            return Completions(start: start, candidates: Session.matching(word, names))
        }
        if trimmedBefore.hasPrefix(":timer") {
            return Completions(start: start, candidates: Session.matching(word, ["on", "off"]))
        }
        // After `SUBJECT.`: that subject's properties (or a record's fields).
        if start > 0, chars[start - 1] == "." {
            var s = start - 1
            while s > 0, Session.isWordChar(chars[s - 1]) { s -= 1 }
            let subject = String(chars[s..<(start - 1)])
            var names: [String] = []
            if let e = store.entity(subject) {
                names = store.properties(of: e.id) + ["id", "name", "kind", "aliases"]
                names += assumptions.keys.filter { $0.hasPrefix(e.id + ".") }.map { String($0.dropFirst(e.id.count + 1)) }
            } else if let v = lets[subject], case .record(let r) = v.payload {
                names = r.fields.map(\.name)
            } else if store.hasAnyFacts(subject: subject) {
                names = store.properties(of: subject)
            }
            return Completions(start: start, candidates: Session.matching(word, names))
        }
        // After `|`: stages, commands and functions that take input.
        if trimmedBefore.hasSuffix("|") {
            let names = Help.stages.map(\.0) + registry.commands.values.filter(\.takesInput).map(\.name) + Array(defs.keys)
            return Completions(start: start, candidates: Session.matching(word, names))
        }
        var names = ["facts", "entities", "sources", "let", "set", "def", "why", "true", "false", "and", "or", "not", "to"]
        names += letOrder + Array(defs.keys) + Array(Session.builtinFunctions.keys) + Array(registry.commands.keys)
        names += store.entityOrder + store.entities.values.flatMap(\.aliases).filter { Session.isName($0) }
        names += store.sourceOrder
        if trimmedBefore.isEmpty { names += ["fact", "entity", "source", "unit", "rule"] }
        if before.contains("|") { names += Help.stages.map(\.0) + ["by", "asc", "desc"] }
        return Completions(start: start, candidates: Session.matching(word, names))
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
