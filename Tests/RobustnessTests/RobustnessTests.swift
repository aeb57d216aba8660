import Foundation
import Testing

/// No input, however bad, crashes or hangs steppe: hundreds of malformed
/// inputs, generated mutations of valid statements (LANGUAGE.md's examples)
/// and hand-written nasty cases, each run through the real binary with a time
/// limit, by `-c`, as a script file and on piped stdin. Each must end by
/// itself with status 0, 1 or 2, and with an `error:` line whenever the status
/// is not 0 (`Runner.problems`).
@Suite("Malformed input never crashes or hangs steppe")
struct RobustnessTests {
    // MARK: - Generated mutations

    @Test func truncationsAtEveryToken() {
        var cases: [Case] = []
        var n = 0
        for statement in Corpus.statements {
            let tokens = Corpus.tokens(statement)
            for cut in 1..<max(1, tokens.count) {
                let text = tokens[..<cut].joined()
                cases.append(Case(name: "truncated", input: Array(text.utf8), transport: Corpus.transport(n)))
                n += 1
            }
        }
        #expect(cases.count >= 150)
        let problems = Runner.check(cases)
        #expect(problems.isEmpty, "\(problems.count) of \(cases.count) truncated statements:\n\(problems.joined(separator: "\n"))")
    }

    @Test func mutatedStatements() {
        var rng = SeededRandom(seed: 0x5754_4550_5045)
        var cases: [Case] = []
        for (i, statement) in Corpus.statements.enumerated() {
            for (j, mutation) in Mutation.allCases.enumerated() {
                let input = mutation.apply(to: Array(statement.utf8), rng: &rng)
                var c = Case(name: "\(mutation)", input: input, transport: Corpus.transport(i + j))
                if !c.fitsCommandLine && c.transport == .commandLine { c.transport = .file }
                cases.append(c)
            }
        }
        #expect(cases.count >= 150)
        let problems = Runner.check(cases)
        #expect(problems.isEmpty, "\(problems.count) of \(cases.count) mutated statements:\n\(problems.joined(separator: "\n"))")
    }

    // MARK: - Hand-written nasty cases, each by every way in

    @Test func nastyCases() {
        var cases: [Case] = []
        for (name, text) in Nasty.texts {
            for transport in Transport.allCases {
                var c = Case(name: name, input: text, transport: transport)
                if transport == .commandLine && !c.fitsCommandLine { continue }
                if text.count > 1 << 20 && transport == .commandLine { continue }
                c.options = ["--keep-going"]
                cases.append(c)
            }
        }
        let problems = Runner.check(cases, timeout: Runner.heavyLimit)
        #expect(problems.isEmpty, "\(problems.count) of \(cases.count) nasty cases:\n\(problems.joined(separator: "\n"))")
    }

    @Test func badFiles() {
        let problems = Runner.check(Nasty.fileCases(), timeout: Runner.heavyLimit)
        #expect(problems.isEmpty, "\(problems.count) file cases:\n\(problems.joined(separator: "\n"))")
    }

    @Test func safeModeRefusesFileWrites() {
        let problems = Runner.check(Nasty.safeCases())
        #expect(problems.isEmpty, "\(problems.count) --safe cases:\n\(problems.joined(separator: "\n"))")
    }

    /// The saved binary crashers (see crashers/README.md); none so far, so
    /// the test shows as skipped rather than passing over nothing.
    static let crasherNames: [String] = {
        let dir = Runner.packageRoot.appendingPathComponent("Tests/RobustnessTests/crashers")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }
    }()

    /// Every input the fuzzer (or anyone) found that crashed steppe once.
    @Test(.enabled(if: !crasherNames.isEmpty, "no binary crashers saved yet"))
    func savedCrashers() throws {
        let dir = Runner.packageRoot.appendingPathComponent("Tests/RobustnessTests/crashers")
        let names = Self.crasherNames
        var cases: [Case] = []
        for name in names.sorted() where !name.hasPrefix(".") && !name.hasSuffix(".md") {
            let bytes = Array(try Data(contentsOf: dir.appendingPathComponent(name)))
            cases.append(Case(name: "crasher \(name)", input: bytes, transport: .file))
            cases.append(Case(name: "crasher \(name)", input: bytes, transport: .stdin, options: ["--keep-going"]))
        }
        let problems = Runner.check(cases, timeout: Runner.heavyLimit)
        #expect(problems.isEmpty, "\(problems.count) of \(cases.count) saved crashers:\n\(problems.joined(separator: "\n"))")
    }

    @Test func thereAreEnoughCases() {
        let generated = Corpus.statements.map { Corpus.tokens($0).count - 1 }.reduce(0, +)
            + Corpus.statements.count * Mutation.allCases.count
        #expect(generated + Nasty.texts.count + Nasty.fileCases().count >= 150)
    }
}

// MARK: - Valid statements to mutate

enum Corpus {
    /// LANGUAGE.md's examples, as statements that run on the built-in facts.
    static let statements: [String] = [
        "protests.killed",
        "protests.killed > 200 people",
        "more_than(225 people) > 300 people",
        "kazakhstan.average_income to USD/person/yr",
        "3 % * 1732 bbl",
        "2500 GBP/yr + 3 GBP/yr",
        "between(225 people, 238 people)",
        "about(30 yr) * 2",
        "less_than(2500 GBP/yr)",
        "at_least(1.732e12 bbl) - 2_500 bbl",
        "nominal(protests.killed)",
        "\"Central \\\"Asia\\\"\\n\\t\\\\\"",
        "date(2019) < 2019-03-19",
        "2022-01-05 == 2022-01",
        "entity(\"kazakhstan\").name",
        "source(\"article\").title",
        "[china, russia]",
        "{name: \"CSTO\", members: 6}.members",
        "let r = {name: \"CSTO\", members: 6}; r.name",
        "facts | where topic == \"casualties\" and source == article | select property, value, at",
        "facts | where subject == kazakhstan | sort value desc | take 3",
        "facts | group by topic",
        "csto.members | count",
        "entities | select id, name | sort name asc",
        "sources | where kind == \"reference\" | count",
        "def double(x) = x * 2; double(protests.killed)",
        "def double(x) = x * 2; [1, 2, 3] | double",
        "set kazakhstan.oil_reserves_share = 1.73 %; kazakhstan.oil_wealth_per_person",
        "why kazakhstan.oil_wealth_per_person",
        "why protests.killed / protests.arrested",
        "not (protests.killed > 300 people) or true and unknown",
        "-3 people + 5 people",
        "2 ^ 10 / 4",
        "1.732e12 bbl / kazakhstan.population to bbl/person",
        "kazakhstan.borders",
        "stats protests.killed, protests.arrested, protests.officers_killed",
        "compare kazakhstan.oil_wealth_per_person vs kazakhstan.average_income",
        "crosscheck protests.killed",
        "timeline kazakhstan",
        "[protests.killed, protests.arrested] | chart value",
        ":format json; protests.killed / protests.arrested",
        ":help where",
        "fact demo.x = 3 people from article at \"¶9\" quote \"three\" on 2022-01 topic test",
        "entity demo \"Demo\" kind country aka \"D\", \"DM\"",
        "source demo_src \"Demo\" by \"Me\" year 2020 kind reference",
        "unit widget = 3 people; 2 widget to people",
        "rule kazakhstan.double_pop = kazakhstan.population * 2; kazakhstan.double_pop",
        "facts | where value > 100 people | count",
    ]

    /// Splits a statement into tokens, roughly as the lexer does: names,
    /// numbers, texts, operators, and the blanks between them.
    static func tokens(_ s: String) -> [String] {
        var out: [String] = []
        var chars = Array(s)[...]
        while let c = chars.first {
            var token = String(c)
            chars.removeFirst()
            if c.isLetter || c.isNumber || c == "_" || c == "." {
                while let d = chars.first, d.isLetter || d.isNumber || d == "_" || d == "." {
                    token.append(d)
                    chars.removeFirst()
                }
            } else if c == "\"" {
                while let d = chars.first {
                    token.append(d)
                    chars.removeFirst()
                    if d == "\\", let e = chars.first { token.append(e); chars.removeFirst(); continue }
                    if d == "\"" { break }
                }
            } else if c == " " {
                while chars.first == " " { token.append(" "); chars.removeFirst() }
            } else if "=!<>".contains(c), chars.first == "=" {
                token.append("=")
                chars.removeFirst()
            }
            out.append(token)
        }
        return out
    }

    /// Round-robin over the three ways in.
    static func transport(_ i: Int) -> Transport { Transport.allCases[i % Transport.allCases.count] }
}

// MARK: - Mutations

enum Mutation: CaseIterable {
    case doubledOperator, deletedBracket, insertedBracket, byteFlips, hugeNumber, tinyNumber
    case lookAlike, controlBytes, invalidUTF8, crlf, loneCR, swappedTokens, splicedHalves
    case repeated, deepWrap, longName

    func apply(to input: [UInt8], rng: inout SeededRandom) -> [UInt8] {
        var b = input
        func position() -> Int { b.isEmpty ? 0 : Int.random(in: 0...b.count, using: &rng) }
        switch self {
        case .doubledOperator:
            let ops = b.indices.filter { "+-*/^=<>|,.:;".utf8.contains(b[$0]) }
            if let i = ops.randomElement(using: &rng) { b.insert(b[i], at: i) } else { b += Array(" ++".utf8) }
        case .deletedBracket:
            let brackets = b.indices.filter { "()[]{}\"".utf8.contains(b[$0]) }
            if let i = brackets.randomElement(using: &rng) { b.remove(at: i) } else { b.insert(UInt8(ascii: "("), at: 0) }
        case .insertedBracket:
            let choices = Array("()[]{}\"".utf8)
            b.insert(choices.randomElement(using: &rng)!, at: position())
        case .byteFlips:
            for _ in 0..<Int.random(in: 1...3, using: &rng) where !b.isEmpty {
                let i = Int.random(in: 0..<b.count, using: &rng)
                b[i] ^= UInt8(1 << Int.random(in: 0...7, using: &rng))
            }
        case .hugeNumber:
            let huge = ["1e309", "1e308 * 10", String(repeating: "9", count: 400), "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "9007199254740993", "1e308 people * 1e308", "-1e308 - 1e308"].randomElement(using: &rng)!
            b = replaceNumber(b, with: huge, rng: &rng)
        case .tinyNumber:
            let tiny = ["1e-400", "4.9e-324", "0.0000000000000000000000000000000000000000001", "-0", "0 / 0", "0.0e0", "1_", "1__0", "._5", "1e", "1e+", "0x10"].randomElement(using: &rng)!
            b = replaceNumber(b, with: tiny, rng: &rng)
        case .lookAlike:
            let fakes = ["−", "×", "÷", "“", "”", "＝", "（", "）", "‐", "\u{00A0}", "\u{200B}", "\u{FEFF}", "а", "\u{202E}", "≈", "¶", "\u{0301}", "🇰🇿", "≥", "≠"]
            b.insert(contentsOf: Array(fakes.randomElement(using: &rng)!.utf8), at: position())
        case .controlBytes:
            let controls: [[UInt8]] = [[0], [0, 0, 0], [0x1B, 0x5B, 0x32, 0x4A], [0x07], [0x08], [0x0B], [0x0C], [0x7F], [0x04], [0x1A]]
            b.insert(contentsOf: controls.randomElement(using: &rng)!, at: position())
        case .invalidUTF8:
            let bad: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFE, 0xFF], [0xC3]]
            b.insert(contentsOf: bad.randomElement(using: &rng)!, at: position())
        case .crlf:
            b = Array(String(decoding: b, as: UTF8.self).replacingOccurrences(of: "; ", with: "\r\n").utf8) + Array("\r\n".utf8)
            if !b.contains(UInt8(ascii: "\r")) { b.insert(contentsOf: Array("\r\n".utf8), at: position()) }
        case .loneCR:
            b.insert(UInt8(ascii: "\r"), at: position())
            b = b.map { $0 == UInt8(ascii: ";") ? UInt8(ascii: "\r") : $0 }
        case .swappedTokens:
            var t = Corpus.tokens(String(decoding: b, as: UTF8.self))
            if t.count > 1 {
                let i = Int.random(in: 0..<t.count, using: &rng), j = Int.random(in: 0..<t.count, using: &rng)
                t.swapAt(i, j)
            }
            b = Array(t.joined().utf8)
        case .splicedHalves:
            let other = Array(Corpus.statements.randomElement(using: &rng)!.utf8)
            b = Array(b.prefix(b.count / 2)) + Array(other.suffix(other.count / 2))
        case .repeated:
            let joiner = Array([";", "\n", " ", " | ", ", "].randomElement(using: &rng)!.utf8)
            var out: [UInt8] = []
            for _ in 0..<2000 { out += b + joiner }
            b = out
        case .deepWrap:
            let (open, close) = [("(", ")"), ("[", "]"), ("{a: ", "}"), ("-", ""), ("not ", ""), ("nominal(", ")"), ("f(", ")"), ("(1 + ", ")")].randomElement(using: &rng)!
            let depth = [150, 199, 201, 250, 1_000, 10_000].randomElement(using: &rng)!
            b = Array(String(repeating: open, count: depth).utf8) + b + Array(String(repeating: close, count: depth).utf8)
        case .longName:
            let name = String(repeating: "kazakhstan", count: 20_000)
            b.insert(contentsOf: Array(name.utf8), at: position())
        }
        return b
    }

    /// Replaces the first number in the statement (or appends an operand).
    func replaceNumber(_ b: [UInt8], with number: String, rng: inout SeededRandom) -> [UInt8] {
        let text = String(decoding: b, as: UTF8.self)
        if let r = text.range(of: "[0-9][0-9_.e]*", options: .regularExpression) {
            return Array(text.replacingCharacters(in: r, with: number).utf8)
        }
        return Array((text + " * " + number).utf8)
    }
}

// MARK: - Hand-written cases

enum Nasty {
    static func deep(_ open: String, _ inner: String, _ close: String, _ n: Int) -> [UInt8] {
        Array((String(repeating: open, count: n) + inner + String(repeating: close, count: n)).utf8)
    }
    static func text(_ s: String) -> [UInt8] { Array(s.utf8) }
    static func lines(_ line: String, _ n: Int, separator: String = "\n") -> [UInt8] {
        Array(Array(repeating: line, count: n).joined(separator: separator).utf8)
    }

    /// Inputs run by all three ways in (`-c` where the text allows).
    static let texts: [(String, [UInt8])] = {
        var rng = SeededRandom(seed: 42)
        var t: [(String, [UInt8])] = [
            // Empty and blank.
            ("empty", []),
            ("blanks", text("   \t  \n\n  \t\n")),
            ("only comments", text("# a\n#\n#!/usr/bin/env steppe\n")),
            ("only semicolons", text(";;;;\n;\n; ; ;")),
            ("shebang", text("#!/usr/bin/env steppe\nprotests.killed\n")),
            ("lone continuation", text("\\\n")),
            ("backslash at end", text("1 \\")),
            // Depth: 10,000 levels of everything that nests.
            ("10k parens", deep("(", "1", ")", 10_000)),
            ("10k brackets", deep("[", "1", "]", 10_000)),
            ("10k braces", deep("{a: ", "1", "}", 10_000)),
            ("10k minus", deep("-", "1", "", 10_000)),
            ("10k minus spaced", deep("- ", "1", "", 10_000)),
            ("10k not", deep("not ", "true", "", 10_000)),
            ("10k calls", deep("nominal(", "1", ")", 10_000)),
            ("10k unknown calls", deep("f(", "1", ")", 10_000)),
            ("10k open parens only", text(String(repeating: "(", count: 10_000))),
            ("10k close parens only", text(String(repeating: ")", count: 10_000))),
            ("10k additions", text(String(repeating: "1 + ", count: 10_000) + "1")),
            ("10k powers", text(String(repeating: "2 ^ ", count: 10_000) + "1")),
            ("10k members", text("kazakhstan" + String(repeating: ".name", count: 10_000))),
            ("10k conversions", text("1 km" + String(repeating: " to m", count: 10_000))),
            ("10k ands", text(String(repeating: "true and ", count: 10_000) + "true")),
            ("10k comparisons", text(String(repeating: "1 < ", count: 10_000) + "2")),
            ("10k stages", text("[1, 2, 3]" + String(repeating: " | take 3", count: 10_000))),
            ("10k select columns", text("facts | select " + (0..<10_000).map { "c\($0): 1" }.joined(separator: ", "))),
            ("10k list items", text("[" + Array(repeating: "1 people", count: 10_000).joined(separator: ", ") + "] | count")),
            ("10k record fields", text("{" + (0..<10_000).map { "f\($0): \($0)" }.joined(separator: ", ") + "}")),
            ("10k duplicate fields", text("{" + Array(repeating: "a: 1", count: 10_000).joined(separator: ", ") + "}.a")),
            ("10k nested pipelines", deep("(", "[1]", " | count)", 10_000)),
            ("10k def parameters", text("def f(" + (0..<10_000).map { "p\($0)" }.joined(separator: ", ") + ") = 1; f(1)")),
            ("10k arguments", text("more_than(" + Array(repeating: "1", count: 10_000).joined(separator: ", ") + ")")),
            ("mixed deep nesting", text(String(repeating: "([{a: -", count: 2_000) + "1" + String(repeating: "}])", count: 2_000))),
            // Recursion while evaluating.
            ("def recursion", text("def f(x) = f(x)\nf(1)")),
            ("def recursion plus", text("def f(x) = f(x) + 1\nf(1)")),
            ("def recursion deep body", text("def f(x) = ((((((f(x) + 1) + 1) + 1) + 1) + 1) + 1)\nf(1)")),
            ("def recursion deeper body", text("def f(x) = " + String(repeating: "(", count: 150) + "f(x)" + String(repeating: " + 1)", count: 150) + "\nf(1)")),
            ("def recursion in list", text("def f(x) = [f([x])]\nf(1)")),
            ("def mutual recursion", text("def f(x) = g(x) + 1\ndef g(x) = f(x) * 2\nf(1)")),
            ("def recursion in stage", text("def f(x) = x | f\nf(1)")),
            ("def recursion in where", text("def f(x) = facts | where f(x) | count\nf(1)")),
            ("rule cycle", text("rule a.b = a.c + 1\nrule a.c = a.b\na.b")),
            ("rule self", text("rule a.b = a.b\na.b")),
            ("rule chain 3000", text("entity chain \"Chain\"\n") + Array((0..<3_000).map { "rule chain.p\($0) = chain.p\($0 + 1) + 1" }.joined(separator: "\n").utf8) + text("\nrule chain.p3000 = 1\nchain.p0")),
            ("let nesting 5000", text("let a = [1]\n") + lines("let a = [a]", 5_000) + text("\na")),
            ("let nesting 50000", text("let a = [1]\n") + lines("let a = [a]", 50_000) + text("\na | count\nlet a = 1\na")),
            ("compare lists nested 5000", text("let a = [1]\n") + lines("let a = [a]", 5_000) + text("\na == a\na | count")),
            ("let record nesting 5000", text("let a = {x: 1}\n") + lines("let a = {x: a}", 5_000) + text("\n:format json\na")),
            ("let doubling", text("let a = [1, 1]\n") + lines("let a = [a, a]", 40) + text("\n[1] | count")),
            // Limits of numbers.
            ("1e309", text("1e309")),
            ("overflow product", text("1e308 * 10")),
            ("overflow sum", text("1e308 people + 1e308 people")),
            ("negative overflow", text("-1e308 - 1e308")),
            ("division by zero", text("1 / 0")),
            ("zero by zero", text("0 / 0")),
            ("quantity by zero", text("protests.killed / 0 people")),
            ("interval straddling zero", text("1 / between(-1, 1)")),
            ("big power", text("2 ^ 1024")),
            ("tiny power", text("2 ^ -1080")),
            ("power of a negative", text("(-8) ^ 0.5")),
            ("zero to a negative power", text("0 ^ -1")),
            ("unit to a huge power", text("1 m^99 * 1 m^99 * 1 m^99")),
            ("unit power 1e300", text("1 m^1e300")),
            ("400 digits", text(String(repeating: "9", count: 400))),
            ("long fraction", text("0." + String(repeating: "0", count: 400) + "1")),
            ("denormal", text("4.9e-324 / 2")),
            ("take huge", text("facts | take 1e300")),
            ("take negative", text("facts | take -1")),
            ("take fraction", text("facts | take 0.5")),
            ("date huge year", text("date(99999999)")),
            ("date 1e300", text("date(1e300)")),
            ("date month 13", text("date(2019, 13)")),
            ("impossible date", text("2022-13-45")),
            ("year zero", text("0000-01")),
            ("date arithmetic", text("2022-01 + 1")),
            ("less than zero", text("less_than(0 people)")),
            ("about negative", text("about(-5 yr)")),
            ("between reversed", text("between(10 people, 1 people)")),
            ("low of more_than", text("high(more_than(1))")),
            ("nominal overflow", text("nominal(1e308 people) + 1e308 people")),
            ("infinite interval json", text(":format json\nmore_than(1) * more_than(1)")),
            ("infinite interval csv", text(":format csv\n1 / less_than(1 people)")),
            // Strings and names.
            ("unterminated text", text("\"abc")),
            ("unterminated text at end", text("\"")),
            ("bad escape", text("\"\\q\"")),
            ("escape at end", text("\"\\")),
            ("text with NUL", [0x22, 0x61, 0x00, 0x62, 0x22]),
            ("name with NUL", [0x61, 0x00, 0x62]),
            ("NUL only", [0]),
            ("NUL lines", [0, 10, 0, 10, 0]),
            ("long name", text(String(repeating: "a", count: 100_000))),
            ("long name member", text("kazakhstan." + String(repeating: "a", count: 100_000))),
            ("long text", text("\"" + String(repeating: "ж", count: 100_000) + "\"")),
            ("long text json", text(":format json\n\"" + String(repeating: "\\\"\\n\\t", count: 10_000) + "\"")),
            ("unicode look-alikes", text("protests.killed − 1 people × 2 ÷ 3")),
            ("smart quotes", text("entity(“kazakhstan”)")),
            ("full-width", text("ｌｅｔ ｘ ＝ １")),
            ("zero-width space", text("protests\u{200B}.killed")),
            ("BOM first", text("\u{FEFF}protests.killed")),
            ("right-to-left override", text("\u{202E}protests.killed")),
            ("combining marks", text("protests.kille\u{0301}d")),
            ("emoji", text("🇰🇿 + 1")),
            ("escape sequences in text", text("\"\u{1B}[2J\u{1B}]0;title\u{07}\"")),
            ("invalid UTF-8 name", [0x6B, 0xFF, 0x61, 0x7A]),
            ("invalid UTF-8 text", [0x22, 0xC3, 0x28, 0x22]),
            ("invalid UTF-8 comment", [0x31, 0x20, 0x23, 0xFE, 0xFF, 0x0A, 0x32]),
            ("overlong NUL", [0xC0, 0x80]),
            ("surrogate", [0x22, 0xED, 0xA0, 0x80, 0x22]),
            ("truncated sequence at end", [0x31, 0x20, 0x2B, 0x20, 0xE2, 0x82]),
            // Line ends.
            ("CRLF", text("let x = 1\r\nx + 1\r\n:format json\r\nx\r\n")),
            ("lone CR", text("let x = 1\rx + 1\r")),
            ("CR in session command", text(":format json\r\n:help\r\n:vars\r")),
            ("CR inside text", text("\"a\rb\"")),
            ("form feed and vertical tab", text("1\u{0C}+\u{0B}2")),
            ("continuation never ends", text("facts |\n")),
            ("operator at end", text("1 +")),
            ("open bracket at end", text("[1, 2,")),
            ("comma at end", text("stats 1,")),
            ("pipe only", text("|")),
            ("dot only", text(".")),
            ("colon only", text(":")),
            ("semicolon colon", text(";:")),
            ("equals only", text("=")),
            // Long lines: 5 MiB.
            ("5 MiB comment", text("# " + String(repeating: "x", count: 5 << 20) + "\n1")),
            ("5 MiB text", text("let x = \"" + String(repeating: "x", count: 5 << 20) + "\"; 1")),
            ("1 MiB list", text("[" + String(repeating: "1,", count: 1 << 19) + "1] | count")),
            ("5 MiB blanks", text(String(repeating: " ", count: 5 << 20) + "1")),
            ("5 MiB name", text(String(repeating: "k", count: 5 << 20))),
            // Session commands.
            (":run nothing", text(":run")),
            (":run missing", text(":run /nonexistent/nope.steppe")),
            (":run folder", text(":run /")),
            (":run dev null", text(":run /dev/null")),
            (":load dev null", text(":load /dev/null")),
            (":run dev zero", text(":run /dev/zero")),
            (":load dev zero", text(":load /dev/zero")),
            (":load dev random", text(":load /dev/urandom")),
            (":run dev stdin", text(":run /dev/stdin")),
            (":run dev tty", text(":run /dev/tty")),
            (":run proc self", text(":run /proc/self/status")),
            (":run proc mem", text(":run /proc/self/mem")),
            (":run quoted", text(":run \"\"")),
            (":run binary", text(":run /bin/sh")),
            (":load binary", text(":load /bin/sh")),
            (":history huge", text(":history 99999999999999999999999")),
            (":history negative", text(":history -5")),
            (":format nothing", text(":format   ")),
            (":format bad", text(":format yaml")),
            (":timer maybe", text(":timer maybe")),
            (":help long", text(":help " + String(repeating: "x", count: 100_000))),
            (":quit extra", text(":quit now")),
            (":quit then more", text(":quit\n1 / 0")),
            ("unknown session command", text(":frobnicate")),
            ("session command in a pipeline", text("facts | :vars")),
            // Plugins on odd input.
            ("stats of nothing", text("stats []")),
            ("stats of text", text("stats \"a\", 1")),
            ("stats mixed dimensions", text("stats 1 people, 1 yr")),
            ("stats infinite", text("stats more_than(1), more_than(2)")),
            ("stats huge", text("stats 1e308, 1e308, 1e308")),
            ("compare text", text("compare \"a\" vs 1")),
            ("compare zero", text("compare 1 people vs 0 people")),
            ("compare intervals", text("compare between(-1, 1) vs between(-1, 1)")),
            ("crosscheck unknown", text("crosscheck nosuch.thing")),
            ("crosscheck number", text("crosscheck 5")),
            ("timeline unknown", text("timeline nosuch")),
            ("timeline number", text("timeline 5")),
            ("chart empty", text("[] | chart value")),
            ("chart text", text("[\"a\", \"b\"] | chart value")),
            ("chart extremes", text("[0 people, 1e308 people, -1e308 people, 1e-300 people] | chart value")),
            ("chart infinite", text("[more_than(1 people), less_than(1 people)] | chart value")),
            ("chart mixed", text("[1 people, 1 yr] | chart value")),
            ("chart no column", text("facts | chart nosuch")),
            ("chart by", text("facts | chart value by subject")),
            ("command with nothing", text("stats")),
            ("command as stage of a number", text("1 | stats")),
            // Pipelines on odd input.
            ("where not a truth", text("facts | where 1")),
            ("where unknown column", text("facts | where nosuch == 1")),
            ("sort mixed", text("[1, \"a\", 2022-01, true, [1], {a: 1}, kazakhstan, article] | sort value")),
            ("group mixed", text("[1, \"a\", 2022-01, true, [1], {a: 1}] | group by value")),
            ("select nothing", text("facts | select")),
            ("count of a number", text("1 | count")),
            ("pipeline into a let", text("facts | let")),
            ("stage named like a value", text("facts | protests")),
            ("list of tables", text("[facts, facts, entities] | count")),
            ("table in a record json", text(":format json\n{a: facts | take 2, b: entities | take 1}")),
            ("table in a list markdown", text(":format markdown\n[facts | take 1, sources | take 1]")),
            ("nested lists csv", text(":format csv\n[[1, [2, [3, \"a,b\\\"c\"]]]]")),
            ("why of everything", text("why [facts | take 3, kazakhstan, article, 2022-01, \"x\", {a: protests.killed}]")),
            // Statements out of place.
            ("let without value", text("let x =")),
            ("let a number", text("let 1 = 2")),
            ("def without body", text("def f(x) =")),
            ("def repeated parameter", text("def f(x, x) = x; f(1, 2)")),
            ("def of a built-in", text("def about(x) = x")),
            ("def wrong arity", text("def f(x) = x; f(1, 2, 3)")),
            ("set unknown", text("set nosuch.thing = 1; nosuch.thing")),
            ("set of a set", text("set a.b = 1; set a.b = a.b + 1; a.b")),
            ("fact without source", text("fact a.b = 1; a.b")),
            ("fact of itself", text("fact a.b = a.b")),
            ("unit of itself", text("unit u = 1 u; 1 u")),
            ("unit cycle", text("unit u = 1 v\nunit v = 1 u\n1 u to v")),
            ("unit zero", text("unit z = 0 people; 1 z to people; 1 people to z")),
            ("entity twice", text("entity a \"A\"; entity a \"B\"")),
            ("source of a number", text("source 5 \"x\"")),
            ("rate of zero", text("fact usd.rate = 0 GBP/USD from article\n1 USD to GBP\n1 GBP to USD")),
            ("rate negative", text("fact usd.rate = -1 GBP/USD from article\n1 USD to GBP")),
            ("rate cycle", text("fact usd.rate = 2 KZT/USD from article\nfact kzt.rate = 2 USD/KZT from article\n1 GBP to KZT")),
            ("why of a let", text("let x = 1; why x")),
            ("why of nothing", text("why")),
            // Many statements.
            ("100k statements", lines("1", 100_000, separator: ";")),
            ("100k lets", lines("let x = 1", 100_000)),
            ("20k errors", lines("nosuch", 20_000)),
            ("10k warnings", lines("facts | where value > 1 people | count", 2_000)),
        ]
        // Binary garbage.
        for size in [16, 512, 4_096, 65_536] {
            t.append(("garbage \(size) bytes", (0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) }))
        }
        t.append(("printable garbage", (0..<4_096).map { _ in UInt8.random(in: 32...126, using: &rng) }))
        t.append(("token soup", Array((0..<2_000).map { _ in ["(", ")", "[", "]", "{", "}", "|", ",", ";", ":", "=", "==", "1", "x", "\"", "\n", "-", "not", "let", "def", "why", "where", "to", "%", "."].randomElement(using: &rng)! }.joined(separator: " ").utf8)))
        return t
    }()

    /// Files steppe is asked to run or load: missing, a folder, special
    /// files, garbage, invalid UTF-8, packs with an error on the last line,
    /// scripts that run themselves.
    static func fileCases() -> [Case] {
        var rng = SeededRandom(seed: 7)
        let garbage = (0..<8_192).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let goodPack = text("source mine \"Mine\" kind reference\nentity thing \"Thing\"\nfact thing.size = 3 people from mine\n")
        let badLast = goodPack + text("fact thing.weight = 2 kg from mine\n")
        let badLastNoNewline = goodPack + text("fact thing.weight = (2 people")
        let invalidUTF8Pack = goodPack + [0x66, 0x61, 0x63, 0x74, 0x20, 0xFF, 0xFE, 0x0A]
        func c(_ name: String, _ script: String, files: [String: [UInt8]?] = [:], options: [String] = ["--keep-going"],
               transport: Transport = .file, check: (@Sendable (Outcome, URL) -> String?)? = nil) -> Case {
            Case(name: name, input: text(script), transport: transport, options: options, files: files, check: check)
        }
        /// The pack's first fact must not be there after a failed load, and
        /// the error must name the pack's file, line and column.
        @Sendable func nothingLoaded(_ line: Int) -> @Sendable (Outcome, URL) -> String? {
            { o, _ in
                if !o.stderr.contains("pack.steppe:\(line):") { return "the error does not name pack.steppe:\(line):COL" }
                if !o.stderr.contains("unknown name 'thing'") { return "part of the failed pack was loaded" }
                return nil
            }
        }
        var cases = [
            c("script missing", "", options: ["nope.steppe"], transport: .stdin),
            c("script is a folder", "", options: ["."], transport: .stdin),
            c("script is dev null", "", options: ["/dev/null"], transport: .stdin),
            c("script is a FIFO", "", files: ["fifo": nil], options: ["fifo"], transport: .stdin),
            c("script is garbage", "", files: ["garbage.steppe": garbage], options: ["garbage.steppe"], transport: .stdin),
            c("--load missing", "1", options: ["--load", "nope.steppe"]),
            c("--load folder", "1", options: ["--load", "."]),
            c("--load garbage", "1", files: ["garbage": garbage], options: ["--load", "garbage"]),
            c("--load FIFO", "1", files: ["fifo": nil], options: ["--load", "fifo"]),
            c("--load dev zero", "1", options: ["--load", "/dev/zero"]),
            c("--load pack with error on last line", "1", files: ["pack.steppe": badLast], options: ["--load", "pack.steppe"],
              check: { o, _ in o.stderr.contains("pack.steppe:4:") && o.status == 1 ? nil : "expected pack.steppe:4: and status 1" }),
            c(":run missing", ":run nope.steppe\n2"),
            c(":run folder", ":run ."),
            c(":load folder", ":load ."),
            c(":load FIFO", ":load fifo", files: ["fifo": nil]),
            c(":run FIFO", ":run fifo", files: ["fifo": nil]),
            c(":run garbage", ":run garbage", files: ["garbage": garbage]),
            c(":load garbage", ":load garbage\nthing", files: ["garbage": garbage]),
            c(":load invalid UTF-8", ":load pack.steppe\nthing", files: ["pack.steppe": invalidUTF8Pack], check: nothingLoaded(4)),
            c(":load error on last line", ":load pack.steppe\nthing", files: ["pack.steppe": badLast], check: nothingLoaded(4)),
            c(":load error on unclosed last line", ":load pack.steppe\nthing", files: ["pack.steppe": badLastNoNewline], check: nothingLoaded(4)),
            c(":load a good pack", ":load pack.steppe\nthing.size", files: ["pack.steppe": goodPack],
              check: { o, _ in o.status == 0 && String(decoding: o.stdout, as: UTF8.self).contains("3 people") ? nil : "the good pack did not load" }),
            c(":load a script as a pack", ":load script.steppe", files: ["script.steppe": text("let x = 1\n")]),
            c(":load itself", ":load input.steppe"),
            c(":run itself", ":run input.steppe",
              check: { o, _ in o.stderr.contains("nested too deeply") ? nil : "no 'nested too deeply' error" }),
            c(":run itself twice", "1\n:run input.steppe\n:run input.steppe\n"),
            c(":run each other", ":run b.steppe", files: ["b.steppe": text(":run input.steppe\n")]),
            c(":run self by another name", ":run ./././input.steppe"),
            c(":run empty file", ":run empty.steppe", files: ["empty.steppe": []]),
            c(":run NUL path", ":run a\u{0}b"),
            c(":run then syntax error", ":run bad.steppe\n1", files: ["bad.steppe": text("1 +\n")]),
            c(":plugin load FIFO", ":plugin load fifo.so", files: ["fifo.so": nil]),
            c("--plugin FIFO", "1", files: ["fifo.so": nil], options: ["--plugin", "fifo.so"]),
            c(":plugin load garbage", ":plugin load garbage.so", files: ["garbage.so": garbage]),
            c(":plugin load dev zero", ":plugin load /dev/zero"),
            c(":plugin load folder", ":plugin load ."),
            c("pack with 10k-deep value", ":load deep.steppe", files: ["deep.steppe": text("fact a.b = " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + "\n")]),
            c("pack with 10k lines then an error", ":load big.steppe\nthing", files: ["big.steppe": goodPack + lines("fact thing.n = 1 people from mine", 10_000) + text("\nfact thing.bad = nosuch\n")]),
        ]
        // Everything that goes through stdin also goes as garbage.
        cases.append(Case(name: "garbage on stdin", input: garbage, transport: .stdin))
        return cases
    }

    /// `--safe`: no file writes by statements, each refused with an error.
    static func safeCases() -> [Case] {
        let noFile: @Sendable (Outcome, URL) -> String? = { o, dir in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            if files.contains(where: { $0.hasSuffix(".svg") }) { return "--safe wrote a file: \(files)" }
            if o.status == 0 { return "--safe did not refuse the write" }
            return nil
        }
        return [
            Case(name: "safe chart to file", input: text("[1 people, 2 people] | chart value to \"out.svg\""), transport: .commandLine, options: ["--safe"], check: noFile),
            Case(name: "safe chart by to file", input: text("facts | where topic == \"casualties\" | chart value by property to \"out.svg\""), transport: .file, options: ["--safe"], check: noFile),
            Case(name: "safe chart to file on stdin", input: text("[1 people] | chart value to \"x.svg\"\n"), transport: .stdin, options: ["--safe"], check: noFile),
            Case(name: "safe plugin load", input: text(":plugin load garbage.so"), transport: .commandLine, options: ["--safe"],
                 files: ["garbage.so": Array(repeating: 0x7F, count: 64)],
                 check: { o, _ in o.status == 1 && o.stderr.contains("--safe forbids") ? nil : "--safe did not refuse :plugin load" }),
            Case(name: "safe --plugin", input: text("1"), transport: .commandLine, options: ["--safe", "--plugin", "garbage.so"],
                 files: ["garbage.so": Array(repeating: 0x7F, count: 64)],
                 check: { o, _ in o.status == 2 && o.stderr.contains("--safe forbids") ? nil : "--safe did not refuse --plugin" }),
            Case(name: "chart to a folder", input: text("[1 people] | chart value to \".\""), transport: .commandLine),
            Case(name: "chart to a missing folder", input: text("[1 people] | chart value to \"no/such/dir/x.svg\""), transport: .commandLine),
            Case(name: "chart to a FIFO", input: text("[1 people] | chart value to \"fifo.svg\""), transport: .commandLine, files: ["fifo.svg": nil]),
            Case(name: "chart to dev full", input: text("[1 people] | chart value to \"/dev/full\""), transport: .commandLine),
        ]
    }
}
