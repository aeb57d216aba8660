/// A physical dimension as exponents over steppe's base dimensions.
/// Money is one dimension whatever the currency: currencies convert through
/// rate facts, not fixed factors.
public struct Dimension: Sendable, Hashable {
    public static let baseNames = ["money", "people", "time", "length", "mass"]
    public var exponents: [Int8]

    public init(_ exponents: [Int8] = [0, 0, 0, 0, 0]) { self.exponents = exponents }

    public static let none = Dimension()
    public static let money = Dimension([1, 0, 0, 0, 0])
    public static let people = Dimension([0, 1, 0, 0, 0])
    public static let time = Dimension([0, 0, 1, 0, 0])
    public static let length = Dimension([0, 0, 0, 1, 0])
    public static let mass = Dimension([0, 0, 0, 0, 1])

    public var isNone: Bool { exponents.allSatisfy { $0 == 0 } }

    public static func * (a: Dimension, b: Dimension) -> Dimension {
        Dimension(zip(a.exponents, b.exponents).map { $0 &+ $1 })
    }

    public func power(_ n: Int) -> Dimension {
        Dimension(exponents.map { Int8(clamping: Int($0) * n) })
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
