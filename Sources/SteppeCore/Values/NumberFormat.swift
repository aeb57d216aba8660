/// Turns figures into text for people, for JSON, and for plain machine-readable output.
///
/// Everything starts from Swift's shortest round-trip digits (`description`),
/// and any rounding is done on those decimal digits, so a figure such as
/// `0.1 + 0.2` rounds as the `0.30000000000000004` it prints as, never
/// through further binary arithmetic.
public enum NumberFormat: Sendable {
    /// The figure for a table: grouped, and rounded to 4 significant digits when long.
    ///
    /// Integral figures below 1e12 show every digit; from 1e12 up, and
    /// below 1e-4, figures are written in scientific form (`1.732e12`,
    /// `1.5e-7`). Otherwise a figure with at most 6 significant digits shows
    /// exactly, and a longer one is rounded to 4 significant digits without
    /// ever losing a digit before the decimal point.
    public static func display(_ x: Double, grouping: Bool = true) -> String {
        if let special = nonFinite(x) { return special }
        if x == 0 { return "0" }
        let magnitude = x.magnitude
        let sign = x < 0 ? "-" : ""
        if magnitude < 1e12 && x == x.rounded(.towardZero) {
            return integer(Int(x), grouping: grouping)
        }
        if magnitude >= 1e-4 && magnitude < 1e12, let short = shortPositional(magnitude, maxSignificant: 6, grouping: grouping) {
            return sign + short
        }
        var digits = DecimalDigits(magnitude)
        if digits.digits.count > 6 {
            let fractionDigits = Swift.max(0, 4 - digits.pointPosition)
            let scientific = magnitude >= 1e12 || magnitude < 1e-4
            // In scientific form there are no integer digits to protect: keep 4 significant.
            digits.round(keepingSignificant: scientific ? 4 : digits.pointPosition + fractionDigits)
        }
        if magnitude >= 1e12 || magnitude < 1e-4 {
            return sign + digits.scientific()
        }
        return sign + digits.positional(grouping: grouping)
    }

    /// The figure as a JSON number; `null` when it is not finite.
    ///
    /// Integral figures below 1e15 are written as integers, the rest in
    /// their shortest round-trip form (`0.045`, `1.5e-7`, `1.732e15`).
    public static func json(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == 0 { return "0" }
        let magnitude = x.magnitude
        let sign = x < 0 ? "-" : ""
        if magnitude < 1e15 && x == x.rounded(.towardZero) {
            return sign + String(Int(magnitude))
        }
        if magnitude >= 1e-4 && magnitude < 1e15, let short = shortPositional(magnitude, maxSignificant: 17, grouping: false) {
            return sign + short
        }
        let digits = DecimalDigits(magnitude)
        if magnitude >= 1e15 || magnitude < 1e-4 {
            return sign + digits.scientific()
        }
        return sign + digits.positional(grouping: false)
    }

    /// The figure exactly, in its shortest form, ungrouped: for CSV and source text.
    ///
    /// Integral figures below 1e12 are written as integers; from 1e12 up and
    /// below 1e-4 the form is scientific (`1.732e12`, `1.5e-7`).
    public static func plain(_ x: Double) -> String {
        if let special = nonFinite(x) { return special }
        if x == 0 { return "0" }
        let magnitude = x.magnitude
        let sign = x < 0 ? "-" : ""
        if magnitude < 1e12 && x == x.rounded(.towardZero) {
            return sign + String(Int(magnitude))
        }
        if magnitude >= 1e-4 && magnitude < 1e12, let short = shortPositional(magnitude, maxSignificant: 17, grouping: false) {
            return sign + short
        }
        let digits = DecimalDigits(magnitude)
        if magnitude >= 1e12 || magnitude < 1e-4 {
            return sign + digits.scientific()
        }
        return sign + digits.positional(grouping: false)
    }

    /// A positive, non-integral figure's `description` when it already is
    /// what `DecimalDigits(x).positional(grouping:)` would write: positional
    /// (no exponent), at most `maxSignificant` significant digits, and no
    /// integer digits to group. Nil otherwise, for the general path.
    private static func shortPositional(_ x: Double, maxSignificant: Int, grouping: Bool) -> String? {
        let text = x.description
        var significant = 0
        var integerDigits = 0
        var seenPoint = false
        var leading = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "."):
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if !seenPoint { integerDigits += 1 }
                if leading && byte == UInt8(ascii: "0") { continue }
                leading = false
                significant += 1
            default:
                return nil
            }
        }
        guard seenPoint, significant <= maxSignificant, !grouping || integerDigits <= 3,
              text.utf8.last != UInt8(ascii: "0") else { return nil }
        return text
    }

    private static func nonFinite(_ x: Double) -> String? {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-∞" : "∞" }
        return nil
    }

    /// Inserts "," between groups of three integer digits when asked to.
    /// An integer with thousands separators, written straight into bytes
    /// (the commonest figure in a table).
    static func integer(_ n: Int, grouping: Bool) -> String {
        // Below 1,000 there is nothing to group, and the standard library's
        // own conversion makes a small string without allocating.
        if n > -1000 && n < 1000 { return String(n) }
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var m = n.magnitude
        var count = 0
        repeat {
            if grouping && count > 0 && count % 3 == 0 { digits.append(UInt8(ascii: ",")) }
            digits.append(UInt8(48 + m % 10))
            m /= 10
            count += 1
        } while m > 0
        if n < 0 { digits.append(UInt8(ascii: "-")) }
        digits.reverse()
        return String(decoding: digits, as: UTF8.self)
    }

    fileprivate static func group(_ integerDigits: String, _ grouping: Bool) -> String {
        let digits = integerDigits.utf8
        guard grouping, digits.count > 3 else { return integerDigits }
        var result: [UInt8] = []
        result.reserveCapacity(digits.count + digits.count / 3)
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { result.append(UInt8(ascii: ",")) }
            result.append(c)
        }
        return String(decoding: result, as: UTF8.self)
    }
}

/// A positive finite figure as decimal digits: 0.d1d2…dn × 10^pointPosition.
private struct DecimalDigits {
    /// Significant digits, 0...9 each, without leading or trailing zeros.
    var digits: [UInt8]
    /// How many digits stand before the decimal point (≤ 0 for figures below 0.1).
    var pointPosition: Int

    /// The shortest round-trip digits of a positive finite `x`, read from its `description`.
    init(_ x: Double) {
        // description is "123.45", "1e-05" or "1.2345678901234568e+17".
        var mantissa: [UInt8] = []
        var integerCount = 0
        var seenPoint = false
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for byte in x.description.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = byte - UInt8(ascii: "0")
                if inExponent {
                    exponent = exponent * 10 + Int(d)
                } else {
                    mantissa.append(d)
                    if !seenPoint { integerCount += 1 }
                }
            case UInt8(ascii: "."):
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = true
            case UInt8(ascii: "-"):
                if inExponent { exponentSign = -1 }
            default:
                break
            }
        }
        var position = integerCount + exponentSign * exponent
        var leading = 0
        while leading < mantissa.count && mantissa[leading] == 0 {
            leading += 1
            position -= 1
        }
        var significant = Array(mantissa[leading...])
        while let last = significant.last, last == 0 {
            significant.removeLast()
        }
        if significant.isEmpty {
            significant = [0]
            position = 1
        }
        digits = significant
        pointPosition = position
    }

    /// Rounds half away from zero to `count` significant digits, dropping trailing zeros.
    mutating func round(keepingSignificant count: Int) {
        guard count < digits.count else { return }
        guard count > 0 else {
            // Only the first digit can still round up into a new leading 1.
            if count == 0 && digits[0] >= 5 {
                digits = [1]
                pointPosition += 1
            } else {
                digits = [0]
                pointPosition = 1
            }
            return
        }
        let roundUp = digits[count] >= 5
        var kept = Array(digits[..<count])
        if roundUp {
            var i = kept.count - 1
            while i >= 0 {
                if kept[i] == 9 {
                    kept[i] = 0
                    i -= 1
                } else {
                    kept[i] += 1
                    break
                }
            }
            if i < 0 {
                kept.insert(1, at: 0)
                pointPosition += 1
            }
        }
        while let last = kept.last, last == 0, kept.count > 1 {
            kept.removeLast()
        }
        digits = kept
    }

    /// Written with a decimal point: `2,500.5`, `0.045`.
    func positional(grouping: Bool) -> String {
        var integerPart = ""
        var fractionPart = ""
        if pointPosition <= 0 {
            integerPart = "0"
            fractionPart = String(repeating: "0", count: -pointPosition) + text(digits[...])
        } else if pointPosition >= digits.count {
            integerPart = text(digits[...]) + String(repeating: "0", count: pointPosition - digits.count)
        } else {
            integerPart = text(digits[..<pointPosition])
            fractionPart = text(digits[pointPosition...])
        }
        let grouped = NumberFormat.group(integerPart, grouping)
        return fractionPart.isEmpty ? grouped : grouped + "." + fractionPart
    }

    /// Written as mantissa and exponent: `1.732e12`, `1e-7`.
    func scientific() -> String {
        var mantissa = text(digits[..<1])
        if digits.count > 1 {
            mantissa += "." + text(digits[1...])
        }
        return mantissa + "e" + String(pointPosition - 1)
    }

    private func text(_ slice: ArraySlice<UInt8>) -> String {
        String(decoding: slice.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    }
}
