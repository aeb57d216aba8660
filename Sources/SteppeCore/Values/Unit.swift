/// A unit as written: named atoms with integer exponents, in the order they
/// were written (`GBP/person/yr` is GBP¹·people⁻¹·yr⁻¹). Kept symbolic so
/// results show in the units the reader used.
public struct Unit: Sendable, Hashable {
    public struct Factor: Sendable, Hashable {
        public var atom: String
        public var exponent: Int
        public init(_ atom: String, _ exponent: Int) {
            self.atom = atom
            self.exponent = exponent
        }
    }

    public var factors: [Factor]
    public init(_ factors: [Factor] = []) { self.factors = factors }
    public static let none = Unit()
    public var isNone: Bool { factors.isEmpty }

    public func exponent(of atom: String) -> Int {
        factors.first { $0.atom == atom }?.exponent ?? 0
    }

    /// Multiplies by `other` raised to `sign` (±1), merging equal atoms.
    public func combined(with other: Unit, sign: Int = 1) -> Unit {
        var result = factors
        for f in other.factors {
            if let i = result.firstIndex(where: { $0.atom == f.atom }) {
                result[i].exponent += f.exponent * sign
            } else {
                result.append(Factor(f.atom, f.exponent * sign))
            }
        }
        return Unit(result.filter { $0.exponent != 0 })
    }

    public func power(_ n: Int) -> Unit {
        Unit(factors.map { Factor($0.atom, $0.exponent * n) }.filter { $0.exponent != 0 })
    }

    /// `GBP/person/yr`, `km^2`, `bbl/day`. People read as `person` below the line.
    public var description: String {
        if factors.count == 1 && factors[0].exponent == 1 { return factors[0].atom }
        let top = factors.filter { $0.exponent > 0 }
        let bottom = factors.filter { $0.exponent < 0 }
        func word(_ f: Factor, below: Bool) -> String {
            let name = below && f.atom == "people" ? "person" : f.atom
            let e = abs(f.exponent)
            return e == 1 ? name : "\(name)^\(e)"
        }
        var text = top.map { word($0, below: false) }.joined(separator: "*")
        if text.isEmpty && !bottom.isEmpty { text = "1" }
        for f in bottom { text += "/" + word(f, below: true) }
        return text
    }

    /// The unit after a figure of one: `people` alone reads `person`.
    public var singularDescription: String {
        factors.count == 1 && factors[0].atom == "people" && factors[0].exponent == 1 ? "person" : description
    }
}

/// One named unit: its dimension and its size in base terms. Currencies have
/// no fixed size: they convert through rate facts.
public struct UnitAtom: Sendable {
    public var name: String
    public var dimension: Dimension
    /// Size in the base unit of its dimension (yr, m, people, t); for a
    /// currency-derived atom, in units of `currency`.
    public var scale: Double
    /// The currency this atom counts in, if it is money.
    public var currency: String?
    /// True for the currencies themselves (GBP, USD, KZT).
    public var isCurrency: Bool { currency == name }

    public init(name: String, dimension: Dimension, scale: Double, currency: String? = nil) {
        self.name = name
        self.dimension = dimension
        self.scale = scale
        self.currency = currency
    }
}

/// The unit names a session knows: the built-in table plus `unit` statements.
public struct UnitTable: Sendable {
    public private(set) var atoms: [String: UnitAtom] = [:]
    public private(set) var aliases: [String: String] = [:]

    /// The built-in table. It is made once per process and shared (each fact
    /// store has one, and each pack loaded makes a store to roll back to).
    public init() { self = UnitTable.builtIn }

    private static let builtIn = UnitTable(builtIn: ())

    private init(builtIn: Void) {
        let volume = Dimension.length.power(3)
        add(UnitAtom(name: "%", dimension: .none, scale: 0.01))
        add(UnitAtom(name: "people", dimension: .people, scale: 1), aliases: ["person", "persons"])
        add(UnitAtom(name: "yr", dimension: .time, scale: 1), aliases: ["year", "years"])
        add(UnitAtom(name: "month", dimension: .time, scale: 1.0 / 12), aliases: ["months"])
        add(UnitAtom(name: "day", dimension: .time, scale: 1.0 / 365.25), aliases: ["days"])
        add(UnitAtom(name: "bbl", dimension: volume, scale: 0.158987294928))
        add(UnitAtom(name: "t", dimension: .mass, scale: 1))
        add(UnitAtom(name: "m", dimension: .length, scale: 1))
        add(UnitAtom(name: "km", dimension: .length, scale: 1000))
        for code in ["GBP", "USD", "KZT"] {
            add(UnitAtom(name: code, dimension: .money, scale: 1, currency: code))
        }
    }

    public mutating func add(_ atom: UnitAtom, aliases names: [String] = []) {
        atoms[atom.name] = atom
        for n in names { aliases[n] = atom.name }
    }

    /// The canonical atom for a written name, or nil.
    public func atom(named name: String) -> UnitAtom? {
        if let a = atoms[name] { return a }
        if let canonical = aliases[name] { return atoms[canonical] }
        return nil
    }

    public var allNames: [String] { Array(atoms.keys) + Array(aliases.keys) }

    public func dimension(of unit: Unit) -> Dimension {
        var d = Dimension.none
        for f in unit.factors {
            if let a = atoms[f.atom] { d = d * a.dimension.power(f.exponent) }
        }
        return d
    }
}
