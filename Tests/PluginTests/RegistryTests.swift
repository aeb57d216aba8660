import Testing
import SteppeCore
import Example

#if canImport(Glibc)
import Glibc
#endif

/// What every plugin must do: describe itself, and keep its examples working.
@Suite struct RegistryTests {
    @Test func everyBuiltinPluginLoads() throws {
        let s = try session()
        #expect(lines(":plugins", in: s) == [
            "plugin      version  origin    commands",
            "Statistics  1.0.0    built in  stats",
            "Compare     1.0.0    built in  compare",
            "Crosscheck  1.0.0    built in  crosscheck",
            "Timeline    1.0.0    built in  timeline",
            "Chart       1.0.0    built in  chart",
            "Search      1.0.0    built in  search",
            "Describe    1.0.0    built in  describe",
        ])
    }

    @Test func aPluginLoadsOnce() throws {
        let s = try session()
        #expect(throws: CommandError.self) { try s.load(plugin: builtinPlugins[0]) }
    }

    @Test func anErrorNeverEndsTheSession() throws {
        let s = try session()
        s.options.keepGoing = true
        let r = run("compare 1 vs \"x\"\nstats nosuch\n1 + 1", in: s)
        #expect(r.err.contains("compare: expected a quantity after vs, found a text"))
        #expect(r.out == "2\n")
    }

    /// Each command's examples, as `:help NAME` shows them, run without error.
    @Test func everyExampleWorks() throws {
        let s = try session(builtinPlugins + [Example.self])
        let folder = "/tmp/steppe-examples-\(getpid())"
        mkdir(folder, 0o755)
        var written: [String] = []
        for command in s.registry.commands.values.sorted(by: { $0.name < $1.name }) {
            #expect(!command.examples.isEmpty, "\(command.name) has no examples")
            #expect(!command.summary.isEmpty)
            #expect(eval(":help \(command.name)", in: s).hasPrefix(command.usage))
            for example in command.examples {
                // A file an example writes goes to a scratch folder.
                let text = example.replacing("to \"", with: "to \"\(folder)/")
                if text != example, let name = text.split(separator: "\"").dropFirst().last(where: { $0.hasSuffix(".svg") }) {
                    written.append(String(name))
                }
                let r = run(text, in: s)
                #expect(r.err.isEmpty, "\(example): \(r.err)")
                #expect(!r.out.isEmpty, "\(example) shows nothing")
            }
        }
        for path in written { unlink(path) }
        rmdir(folder)
    }
}
