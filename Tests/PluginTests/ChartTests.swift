import Testing
import SteppeCore
@testable import Chart

#if canImport(Glibc)
import Glibc
#endif

@Suite struct ChartTests {
    let casualties = "[protests.killed, protests.arrested, protests.officers_killed]"

    @Test func barsInTheTerminal() throws {
        let s = try session()
        s.options.width = 60
        let out = lines("\(casualties) | chart value", in: s)
        #expect(out.count == 3)
        #expect(out[0].hasPrefix("killed           █▎▶ > 225 people"))
        #expect(out[1].hasPrefix("arrested         ████"))
        #expect(out[1].hasSuffix("▶ > 5,000 people"))
        #expect(out[2] == "officers_killed  ▏ 13 people")
        for line in out { #expect(line.count <= 60) }
    }

    @Test func scalesToTheWidth() throws {
        let s = try session()
        s.options.width = 120
        let wide = lines("\(casualties) | chart value", in: s)[1]
        s.options.width = nil
        let plain = lines("\(casualties) | chart value", in: s)[1]
        #expect(wide.count <= 120 && wide.count > 100)
        #expect(plain.count <= 80 && plain.count > 60)
    }

    @Test func labelsFromAColumn() throws {
        let s = try session()
        let out = lines("facts | where topic == \"casualties\" and source == article and property != \"lethal_force_claim\" | chart value", in: s)
        #expect(out.map { String($0.prefix { $0 != " " }) } == ["killed", "arrested", "officers_killed"])
        let bySource = lines("facts | where subject == protests and property == \"killed\" | chart value by source", in: s)
        #expect(bySource.map { String($0.prefix(8)) } == ["article ", "Prosecut"])
        let numbered = lines("[1, 2] | chart value", in: s)
        #expect(numbered.map { String($0.prefix(1)) } == ["1", "2"])
    }

    @Test func drawsBoundsAsTheyAre() {
        func bar(_ q: Quantity) -> Bar { Bar(label: "", labelValue: .empty, value: Value(.quantity(q)), quantity: q) }
        #expect(TerminalBars.draw(bar(Quantity(50)), cells: 10, top: 100) == "█████")
        #expect(TerminalBars.draw(bar(Quantity(55)), cells: 10, top: 100) == "█████▌")
        #expect(TerminalBars.draw(bar(Quantity(50, interval: .moreThan(50))), cells: 10, top: 100) == "█████▶")
        #expect(TerminalBars.draw(bar(Quantity(50, interval: .lessThan(50))), cells: 10, top: 100) == "░░░░░")
        #expect(TerminalBars.draw(bar(Quantity(50, interval: .between(30, 50))), cells: 10, top: 100) == "███░░")
        #expect(TerminalBars.draw(bar(Quantity(0.1)), cells: 10, top: 100) == "▏")
    }

    @Test func givesTheTableItDrew() throws {
        let s = try session(format: .json)
        let out = eval("\(casualties) | chart value", in: s)
        #expect(out.hasPrefix("[{\"label\": \"killed\", \"value\": {\"value\": 225, \"unit\": \"people\", \"bound\": \"more_than\""))
    }

    @Test func writesAnSVGFile() throws {
        let s = try session()
        let path = "/tmp/steppe-chart-test-\(getpid()).svg"
        defer { unlink(path) }
        #expect(eval("\(casualties) | chart value to \"\(path)\"", in: s) == "wrote \(path): 3 bars of value")
        let svg = String(decoding: try FileIO.read(path: path), as: UTF8.self)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains(">value (people)</text>"))
        #expect(svg.contains("fill=\"url(#open)\""))
        #expect(svg.contains(">&gt; 5,000 people</text>"))
        #expect(svg.contains(">officers_killed</text>"))
        #expect(svg.hasSuffix("</svg>\n"))
    }

    @Test func refusesWhatItCannotDraw() throws {
        let s = try session()
        #expect(error("[1 bbl, 2 people] | chart value", in: s).contains("chart: cannot chart people beside bbl (row 2): people is not volume"))
        #expect(error("[\"x\"] | chart value", in: s).contains("chart: row 1 of value is a text ('x'), not a quantity"))
        #expect(error("[1] | chart value to \"x.png\"", in: s).contains("chart: chart writes SVG files"))
        #expect(error("chart value", in: s).contains("chart: pipe a table or a list into it"))
        s.options.safe = true
        #expect(error("[1] | chart value to \"/tmp/never.svg\"", in: s).contains("chart: --safe forbids writing files"))
    }

    @Test func ticksAreRound() {
        #expect(SVGChart.ticks(5000) == (1000, 5000))
        #expect(SVGChart.ticks(10890) == (2500, 12500))
        #expect(SVGChart.ticks(13) == (5, 15))
        #expect(SVGChart.ticks(11) == (2.5, 12.5))
    }
}
