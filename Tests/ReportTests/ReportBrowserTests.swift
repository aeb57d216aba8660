import Foundation
import Testing

/// The report of every saved analysis in Scripts/, as a reader gets it:
/// valid HTML5 by Debian's tidy, every mark leading to its entry, and drawn
/// by a real browser (headless Chromium), charts and all. One script at a
/// time: Chromium is heavy on a 2-core machine.
@Suite(.serialized) struct ReportBrowserTests {
    static var scripts: [URL] {
        let dir = Ran.packageRoot.appendingPathComponent("Scripts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".steppe") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// The bar colour of Plugins/Chart's SVG.
    static let barColour = "2f6db5"

    func report(_ script: URL, in dir: URL) throws -> (URL, String) {
        let out = dir.appendingPathComponent(script.deletingPathExtension().lastPathComponent + ".html")
        let r = try Ran.steppe(["--report", out.path, script.path], directory: dir)
        #expect(r.status != 2, "\(script.lastPathComponent): \(r.stderr)")
        let html = try String(contentsOf: out, encoding: .utf8)
        return (out, html)
    }

    /// Chromium's screenshot of `page` in a window `height` pixels tall,
    /// read by pngcheck.py: its lines as name → number.
    func screenshot(_ page: URL, height: Int, in dir: URL) throws -> [String: Double] {
        guard let chromium = Ran.which("chromium") ?? Ran.which("chromium-browser") else {
            Issue.record("chromium is not installed: run .ci/setup")
            return [:]
        }
        let png = dir.appendingPathComponent(page.deletingPathExtension().lastPathComponent + "-\(height).png")
        let profile = dir.appendingPathComponent("chromium-profile-\(height)")
        let r = try Ran.program(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--user-data-dir=\(profile.path)",
            "--screenshot=\(png.path)", "--window-size=1200,\(height)", page.absoluteString,
        ], environment: ["HOME": dir.path], timeout: 300)
        #expect(FileManager.default.fileExists(atPath: png.path), "chromium wrote no screenshot: \(r.stderr)")
        let check = Ran.packageRoot.appendingPathComponent("Tests/ReportTests/Support/pngcheck.py")
        let python = Ran.which("python3") ?? URL(fileURLWithPath: "/usr/bin/python3")
        let p = try Ran.program(python, [check.path, png.path, ReportBrowserTests.barColour], timeout: 300)
        #expect(p.status == 0, "\(p.stdout)\(p.stderr)")
        var values: [String: Double] = [:]
        for line in p.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count >= 2, let v = Double(parts[parts.count - 1]) { values[String(parts[0])] = v }
        }
        return values
    }

    @Test func thereAreScriptsToReportOn() {
        #expect(ReportBrowserTests.scripts.count >= 4)
        #expect(ReportBrowserTests.scripts.contains { $0.lastPathComponent == "income-vs-oil.steppe" })
    }

    /// tidy finds no error and no warning in any report.
    @Test(arguments: ReportBrowserTests.scripts) func tidyFindsNoError(_ script: URL) throws {
        let dir = try Ran.folder("tidy")
        let (page, _) = try report(script, in: dir)
        guard let tidy = Ran.which("tidy") else {
            Issue.record("tidy is not installed: run .ci/setup")
            return
        }
        let r = try Ran.program(tidy, ["-errors", "-quiet", page.path], timeout: 120)
        #expect(r.status == 0, "\(script.lastPathComponent): \(r.stderr)")
        #expect(r.stderr.isEmpty, "\(script.lastPathComponent): \(r.stderr)")
    }

    /// Odd markdown in comments (which Ink can turn into ill-formed HTML)
    /// still makes a page tidy finds no fault in, with no raw HTML in it.
    @Test func oddMarkdownInCommentsStaysValid() throws {
        let dir = try Ran.folder("odd")
        let lines = [
            "# *a <em>b* c* d <script>x</script>", "# __ `` ** **x** *", "# [a](b c) [](javascript:alert(1)) ![i](http://x/i.png)",
            "# `<b>` ``a ` b`` &# &amp; &lt; -->", "# * *a **b* c** d*", "# </p></em> ~~x~~ <!-- y", "# [x](\"><script>)",
            "# _a *b _c* d_ e_", "# 1. <li> | cell | `x", "#", "# ***", "# - a", "#     indented <i>code</i>",
        ]
        let script = dir.appendingPathComponent("odd.steppe")
        try (lines.joined(separator: "\n") + "\nprotests.killed\n").write(to: script, atomically: true, encoding: .utf8)
        let (page, html) = try report(script, in: dir)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;li&gt;"))
        #expect(!html.lowercased().contains("href=\"javascript"))
        guard let tidy = Ran.which("tidy") else {
            Issue.record("tidy is not installed: run .ci/setup")
            return
        }
        let r = try Ran.program(tidy, ["-errors", "-quiet", page.path], timeout: 120)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
    }

    /// Every citation mark's link target exists, once, in the document, and
    /// every figure the report shows from a fact has a mark.
    @Test(arguments: ReportBrowserTests.scripts) func everyMarkLeadsToItsEntry(_ script: URL) throws {
        let dir = try Ran.folder("marks")
        let (_, html) = try report(script, in: dir)
        let (links, ids) = anchors(html)
        let idList = html.components(separatedBy: "id=\"source-").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(idList.count == Set(idList).count, "an entry appears twice")
        for l in links { #expect(ids.contains(l), "\(script.lastPathComponent): mark \(l) has no entry") }
        #expect(Set(links) == ids, "\(script.lastPathComponent): an entry no mark cites")
        #expect(html.contains("<h2 id=\"sources\">Sources</h2>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http-equiv"))
        #expect(!html.contains("<link"))
        #expect(!html.contains(" src=\""))
    }

    /// Chromium draws each report: the first screen is not blank, and where
    /// the script has a chart, its bars are drawn (pixels of the bar colour
    /// in a row longer than any text makes).
    @Test(arguments: ReportBrowserTests.scripts) func chromiumDrawsIt(_ script: URL) throws {
        let dir = try Ran.folder("chromium")
        let (page, html) = try report(script, in: dir)
        let first = try screenshot(page, height: 2000, in: dir)
        #expect(first["size"] != nil)
        #expect((first["colours"] ?? 0) > 50, "\(script.lastPathComponent): the first screen is nearly one colour: \(first)")
        #expect((first["nonwhite"] ?? 0) > 0.02, "\(script.lastPathComponent): the first screen is blank: \(first)")
        guard html.contains("<figure class=\"chart\"") else {
            // No chart, no bars: what the check below looks for is not text.
            #expect((first["run"] ?? 0) < 20, "\(script.lastPathComponent): bar-coloured pixels with no chart: \(first)")
            return
        }
        // The chart may be further down than one screen: a taller window.
        var run = first["run"] ?? 0
        for height in [6000, 14000] where run < 20 {
            run = try screenshot(page, height: height, in: dir)["run"] ?? 0
        }
        #expect(run >= 20, "\(script.lastPathComponent): no bar of the chart drawn")
    }
}
