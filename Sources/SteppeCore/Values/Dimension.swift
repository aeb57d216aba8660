/// A physical dimension as exponents over steppe's base dimensions.
/// Money is one dimension whatever the currency: currencies convert through
/// rate facts, not fixed factors. Five small fields rather than an array, so
/// comparing and combining dimensions never allocates.
public struct Dimension: Sendable, Hashable {
    public static let baseNames = ["money", "people", "time", "length", "mass"]
    public var money: Int8 = 0
    public var people: Int8 = 0
    public var time: Int8 = 0
    public var length: Int8 = 0
    public var mass: Int8 = 0

    public init(money: Int8 = 0, people: Int8 = 0, time: Int8 = 0, length: Int8 = 0, mass: Int8 = 0) {
        self.money = money
        self.people = people
        self.time = time
        self.length = length
        self.mass = mass
    }

    public static let none = Dimension()
    public static let money = Dimension(money: 1)
    public static let people = Dimension(people: 1)
    public static let time = Dimension(time: 1)
    public static let length = Dimension(length: 1)
    public static let mass = Dimension(mass: 1)

    public var exponents: [Int8] { [money, people, time, length, mass] }
    public var isNone: Bool { self == .none }

    public static func * (a: Dimension, b: Dimension) -> Dimension {
        Dimension(money: a.money &+ b.money, people: a.people &+ b.people, time: a.time &+ b.time,
                  length: a.length &+ b.length, mass: a.mass &+ b.mass)
    }

    public func power(_ n: Int) -> Dimension {
        func p(_ e: Int8) -> Int8 { Int8(clamping: Int(e) * n) }
        return Dimension(money: p(money), people: p(people), time: p(time), length: p(length), mass: p(mass))
    }

    /// Words for error messages: `money/(people·time)`, `volume`, `a plain number`.
    public var name: String {
        if isNone { return "a plain number" }
        var top: [String] = []
        var bottom: [String] = []
        for (i, e) in exponents.enumerated() where e != 0 {
            var word = Dimension.baseNames[i]
            if i == 3 && abs(e) == 3 { word = "volume" } else if i == 3 && abs(e) == 2 { word = "area" }
            else if abs(e) != 1 { word += "^\(abs(e))" }
            if e > 0 { top.append(word) } else { bottom.append(word) }
        }
        let numerator = top.isEmpty ? "1" : top.joined(separator: "·")
        if bottom.isEmpty { return numerator }
        let denominator = bottom.count == 1 ? bottom[0] : "(" + bottom.joined(separator: "·") + ")"
        return numerator + "/" + denominator
    }
}
