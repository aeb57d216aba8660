import Testing
import SteppeCore
import Example

@Suite struct ExampleTests {
    @Test func perPerson() throws {
        let s = try session([Example.self])
        #expect(eval("per_person kazakhstan.oil_reserves", in: s) == "1,564 bbl/person")
        // Bounds and lineage come through the session's arithmetic.
        #expect(eval("per_person protests.killed", in: s) == "> 1.173e-5")
        #expect(eval("why per_person(kazakhstan.oil_reserves)", in: s).contains("kazakhstan.population"))
        run("set kazakhstan.population = 20_000_000 people", in: s)
        #expect(eval("per_person(kazakhstan.oil_reserves)", in: s) == "1,500 bbl/person")
    }

    @Test func share() throws {
        let s = try session([Example.self])
        #expect(eval("share protests.officers_killed, protests.killed", in: s) == "< 5.778 %")
        #expect(eval("share protests.officers_killed vs protests.killed", in: s) == "< 5.778 %")
        #expect(eval(":help share", in: s).contains("whole  a quantity (after vs)"))
        #expect(eval("share(kazakhstan.oil_reserves, world.oil_reserves)", in: s) == "1.732 %")
        #expect(error("share 3 bbl, 2 people", in: s).contains("share: the part and the whole must be of one dimension: volume is not people"))
        #expect(error("share 3 bbl", in: s).contains("share: expected a quantity"))
    }

    @Test func describesItself() throws {
        let s = try session([Example.self])
        #expect(lines(":plugins", in: s).last?.hasPrefix("Example  1.0.0    built in  per_person, share") == true)
        #expect(eval(":help per_person", in: s).hasPrefix("per_person X\n"))
    }
}
