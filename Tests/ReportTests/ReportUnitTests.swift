import Chart
import Compare
import Crosscheck
import Statistics
import SteppeCore
import SteppeReport
import Testing
import Timeline

/// Runs `text` as a script in a fresh session with the built-in plugins and
/// gives back what the report sees.
func record(_ text: String, name: String = "t.steppe") throws -> [StatementRecord] {
    let session = try Session.withBuiltinFacts(output: OutputBuffer(capture: true))
    for p: any SteppePlugin.Type in [Statistics.self, Compare.self, Crosscheck.self, Timeline.self, Chart.self] {
        try session.load(plugin: p)
    }
    session.options.keepGoing = true
    var records: [StatementRecord] = []
    session.statementObserver = { records.append($0) }
    session.run(SourceFile(name: name, text: text))
    return records
}

/// Every `href="#source-N"` in `html`, and every `id="source-N"`.
func anchors(_ html: String) -> (links: [String], ids: Set<String>) {
    func all(_ prefix: String) -> [String] {
        var out: [String] = []
        var rest = Substring(html)
        while let r = rest.range(of: prefix) {
            rest = rest[r.upperBound...]
            let end = rest.firstIndex(of: "\"") ?? rest.endIndex
            out.append(String(rest[..<end]))
        }
        return out
    }
    return (all("href=\"#source-"), Set(all("id=\"source-")))
}

@Suite struct ReportUnitTests {
    /// The income-versus-oil comparison rests on the article's ¶1 (the
    /// share) and ¶3 (the income), BP's world reserves, the EIA's price, the
    /// census's population and the IMF's pound rate: six entries, in order
    /// of first citation.
    @Test func sourcesOfTheIncomeVersusOilComparison() throws {
        let records = try record("compare kazakhstan.oil_wealth_per_person vs kazakhstan.average_income\n")
        let sources = SteppeReport.sources(records)
        let keys = sources.map { "\($0.source) \($0.place ?? "-")" }
        #expect(keys.count == 6, "\(keys)")
        #expect(Set(keys.map { $0.split(separator: " ").first.map(String.init) ?? "" })
            == ["article", "bp2021", "eia_steo2022", "census2021", "imf_sdr2022"])
        #expect(keys.contains("article ¶1"))
        #expect(keys.contains("article ¶3"))
        #expect(sources.map(\.number) == Array(1...6))
        let share = sources.first { $0.source == "article" && $0.place == "¶1" }
        #expect(share?.quotes.contains("3% of the global oil reserves") == true)
        let income = sources.first { $0.source == "article" && $0.place == "¶3" }
        #expect(income?.quotes.contains { $0.contains("2.500") } == true)
        // The rate is cited in the list and shown under the result.
        let html = SteppeReport.html(records)
        #expect(html.contains("<dt>Rates</dt>"))
        #expect(html.contains("1.3557 USD/GBP (International Monetary Fund, 2022-01)"))
    }

    /// Every mark links to an entry that exists, and every entry is linked.
    @Test func everyMarkHasItsEntry() throws {
        let records = try record("""
        why kazakhstan.oil_wealth_per_person
        facts | where topic == "casualties" and source == article and property != "lethal_force_claim" | chart value
        crosscheck protests.killed
        stats protests.killed, protests.arrested

        """)
        let html = SteppeReport.html(records)
        let (links, ids) = anchors(html)
        #expect(!links.isEmpty)
        for l in links { #expect(ids.contains(l), "no entry for mark \(l)") }
        #expect(Set(links) == ids)
        #expect(ids.count == Set(links).count)
    }

    /// HTML in a comment and in a fact arrives escaped; markdown in a
    /// comment is rendered; a link may not run script.
    @Test func htmlFromCommentsAndFactsIsEscaped() throws {
        let records = try record("""
        # <script>alert("comment")</script> and **bold**, `<code>` and a [link](javascript:alert(1)).
        source evil "<script>alert('title')</script>" publisher "<b>P</b>" year 2020 address "javascript:alert(2)" kind reference
        fact kazakhstan.evil = 3 people from evil at "¶<i>9</i>" quote "<script>alert('quote')</script>"
        # Shown: a "quoted" <img src=x onerror=alert(3)>.
        kazakhstan.evil

        """)
        let html = SteppeReport.html(records)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>P</b>"))
        #expect(!html.contains("<i>9</i>"))
        #expect(!html.lowercased().contains("href=\"javascript"))
        // The address that is no web address is shown as text, not linked.
        #expect(html.contains(" javascript:alert(2)."))
        #expect(html.contains("&lt;script&gt;alert("))
        #expect(html.contains("<strong>bold</strong>"))
        #expect(html.contains("<code>&lt;code&gt;</code>"))
        #expect(html.contains("&lt;script&gt;alert('quote')&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(3)&gt;"))
        // In markdown, outside the statements' code blocks (which GitHub shows as text).
        let md = SteppeReport.markdown(records, stem: "/tmp/x").text
        let prose = md.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
        #expect(!prose.lowercased().contains("<script"))
        #expect(!prose.contains("<img"))
        #expect(!prose.contains("<b>"))
    }

    /// Prose: `#` and one space removed, paragraphs at empty comment lines,
    /// `#!` and `# expect` lines left out, `# ---- Title` as a heading.
    @Test func proseFromComments() throws {
        let records = try record("""
        #!/usr/bin/env steppe
        # ---- Casualties
        # First *paragraph*
        # goes on here.
        #
        # Second paragraph.
        protests.killed
        # expect: > 225 people
        # After.
        1 + 1
        # expect: 2

        """)
        let html = SteppeReport.html(records)
        #expect(!html.contains("/usr/bin/env"))
        #expect(!html.contains("expect:"))
        #expect(html.contains("<h2>Casualties</h2>"))
        #expect(html.contains("<p>First <em>paragraph</em>\ngoes on here.</p>") || html.contains("<p>First <em>paragraph</em> goes on here.</p>"), "\(html)")
        #expect(html.contains("<p>Second paragraph.</p>"))
        // Prose sits above its own statement.
        let after = html.range(of: "After.")
        let killed = html.range(of: "protests.killed</code>")
        let sum = html.range(of: "1 + 1</code>")
        #expect(after != nil && killed != nil && sum != nil)
        if let after, let killed, let sum {
            #expect(killed.upperBound < after.lowerBound && after.upperBound < sum.lowerBound)
        }
        #expect(html.contains("<span class=\"bound\">&gt;</span>"))
    }

    /// A chart stage is drawn in place as SVG (in markdown, as OUT-N.svg).
    @Test func chartsAreDrawnInPlace() throws {
        let records = try record("""
        [protests.killed, protests.arrested] | chart value
        [protests.officers_killed] | chart value

        """)
        let html = SteppeReport.html(records)
        #expect(html.components(separatedBy: "<figure class=\"chart\"").count == 3)
        #expect(html.contains("#2f6db5"))
        #expect(!html.contains("<?xml"))
        // Ids in the two drawings do not collide.
        let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count, "\(ids)")
        let (md, charts) = SteppeReport.markdown(records, stem: "/tmp/out")
        #expect(charts.map(\.name) == ["/tmp/out-1.svg", "/tmp/out-2.svg"])
        #expect(md.contains("](out-1.svg)"))
        #expect(md.contains("](out-2.svg)"))
        #expect(md.contains("[^1]"))
        #expect(md.contains("\n[^1]: "))
    }

    /// A failing statement shows its error in place; the rest is reported.
    @Test func aFailureIsShownInPlace() throws {
        let records = try record("1 + 1\nnosuch\n2 + 2\n")
        let html = SteppeReport.html(records)
        #expect(html.contains("<pre class=\"error\""))
        #expect(html.contains("unknown name 'nosuch'"))
        #expect(html.contains("t.steppe:2:1"))
        #expect(html.contains(">4</output>"))
    }

    /// Presentation commands are not shown; `:run` is a one-line note.
    @Test func presentationCommandsAreLeftOut() throws {
        let records = try record(":format json\n:timer on\nprotests.killed\n:timer off\n")
        let html = SteppeReport.html(records)
        #expect(!html.contains(":format"))
        #expect(!html.contains(":timer"))
        #expect(html.contains("225 people"))
    }

    /// Under a result, the assumptions (`set`) it used.
    @Test func assumptionsUnderTheResult() throws {
        let records = try record("set kazakhstan.oil_reserves_share = 1.73 %\nkazakhstan.oil_wealth_per_person\n")
        let html = SteppeReport.html(records)
        #expect(html.contains("<dt>Assumed</dt>"))
        #expect(html.contains("kazakhstan.oil_reserves_share = 1.73 % (set at t.steppe:1)"))
    }
}
