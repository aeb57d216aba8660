/// A value of a JSON pack's object: packs hold flat objects, so a value is
/// a string, a number, true, false or null, never an array or an object.
public enum JSONScalar: Sendable, Equatable {
    case string(String)
    /// The number, and its text as written (valid steppe too).
    case number(Double, String)
    case bool(Bool)
    case null
}

/// One key and its value, with where each is written.
public struct JSONField: Sendable {
    public var key: String
    public var keyStart: Int
    public var value: JSONScalar
    /// The value's first byte (a string's opening quote); `valueEnd` after its last.
    public var valueStart: Int
    public var valueEnd: Int
}

/// One object of a pack: where its `{` is, the line it is on, its fields in order.
public struct JSONObject: Sendable {
    public var start: Int
    public var line: Int
    public var fields: [JSONField]
}

/// Reads the objects of a JSON pack (`.json`: one array of objects) or a
/// JSON Lines pack (`.jsonl`: one object a line) from bytes, strictly by RFC
/// 8259, keeping the place of every key and value. The reader never
/// recurses, so no nesting, however deep, can overflow the stack: a value
/// that is an array or an object is an error at its bracket.
public struct JSONRowReader {
    public let bytes: [UInt8]
    public let lines: Bool
    var i: Int
    var line = 1
    /// `.json`: the `[` has been read; an object has been read (a `,` or `]` comes next).
    var opened = false
    var afterItem = false
    var finished = false

    public init(bytes: [UInt8], lines: Bool) {
        self.bytes = bytes
        self.lines = lines
        i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    typealias Failure = CSVError

    /// The next object, or nil at the end of the pack.
    public mutating func next() throws(CSVError) -> JSONObject? {
        if finished { return nil }
        if lines {
            skipSpace(newlines: true)
            if i >= bytes.count { finished = true; return nil }
            let object = try readObject()
            skipSpace(newlines: false)
            if i < bytes.count, bytes[i] != UInt8(ascii: "\n") {
                throw CSVError(.jsonLineGoesOn, at: i)
            }
            return object
        }
        skipSpace(newlines: true)
        if !opened {
            guard i < bytes.count else { throw CSVError(.emptyJSON, at: i) }
            guard bytes[i] == UInt8(ascii: "[") else {
                throw CSVError(.notAnArray, at: i,
                               notes: bytes[i] == UInt8(ascii: "{") ? ["for one object a line, name the file .jsonl"] : [])
            }
            i += 1
            opened = true
            skipSpace(newlines: true)
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                i += 1
                try end()
                return nil
            }
        } else if afterItem {
            guard i < bytes.count else { throw CSVError(.arrayNeverClosed(afterObject: true), at: i) }
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                try end()
                return nil
            }
            guard bytes[i] == UInt8(ascii: ",") else { throw CSVError(.expectedCommaOrBracket, at: i) }
            let comma = i
            i += 1
            skipSpace(newlines: true)
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { throw CSVError(.commaBeforeBracket, at: comma) }
        }
        guard i < bytes.count else { throw CSVError(.arrayNeverClosed(afterObject: false), at: i) }
        let object = try readObject()
        afterItem = true
        return object
    }

    mutating func end() throws(CSVError) {
        skipSpace(newlines: true)
        guard i >= bytes.count else { throw CSVError(.textAfterArray, at: i) }
        finished = true
    }

    mutating func skipSpace(newlines: Bool) {
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): i += 1
            case UInt8(ascii: "\n") where newlines: i += 1; line += 1
            default: return
            }
        }
    }

    mutating func readObject() throws(CSVError) -> JSONObject {
        guard bytes[i] == UInt8(ascii: "{") else {
            throw CSVError(.itemNotObject, at: i)
        }
        let object = JSONObject(start: i, line: line, fields: [])
        var fields: [JSONField] = []
        i += 1
        skipSpace(newlines: !lines)
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            return object
        }
        while true {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw CSVError(i < bytes.count ? .expectedKey : .objectNeverClosed, at: i < bytes.count ? i : object.start)
            }
            let keyStart = i
            let key = try readString()
            skipSpace(newlines: !lines)
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw CSVError(.expectedColon, at: min(i, bytes.count)) }
            i += 1
            skipSpace(newlines: !lines)
            let valueStart = i
            let value = try readScalar()
            fields.append(JSONField(key: key, keyStart: keyStart, value: value, valueStart: valueStart, valueEnd: i))
            skipSpace(newlines: !lines)
            guard i < bytes.count else { throw CSVError(.objectNeverClosed, at: object.start) }
            if bytes[i] == UInt8(ascii: "}") {
                i += 1
                return JSONObject(start: object.start, line: object.line, fields: fields)
            }
            guard bytes[i] == UInt8(ascii: ",") else { throw CSVError(.expectedCommaOrBrace, at: i) }
            i += 1
            skipSpace(newlines: !lines)
        }
    }

    mutating func readScalar() throws(CSVError) -> JSONScalar {
        guard i < bytes.count else { throw CSVError(.expectedValue, at: i) }
        switch bytes[i] {
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try word("true"); return .bool(true)
        case UInt8(ascii: "f"): try word("false"); return .bool(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            throw CSVError(.nestedValue(array: bytes[i] == UInt8(ascii: "[")), at: i,
                           notes: ["for a list or a bounded figure, write a steppe expression in a text: \"=[russia, china]\""])
        default:
            throw CSVError(.expectedScalar, at: i)
        }
    }

    mutating func word(_ w: StaticString) throws(CSVError) {
        let start = i
        let n = w.utf8CodeUnitCount
        guard i + n <= bytes.count, bytes[i..<i + n].elementsEqual(UnsafeBufferPointer(start: w.utf8Start, count: n)) else {
            throw CSVError(.expectedScalar, at: start)
        }
        i += n
    }

    mutating func readNumber() throws(CSVError) -> JSONScalar {
        let start = i
        func digits() -> Int {
            let s = i
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
            return i - s
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        let n = digits()
        guard n > 0 else { throw CSVError(.numberNeedsDigits, at: start) }
        if n > 1, bytes[intStart] == UInt8(ascii: "0") { throw CSVError(.leadingZero, at: start) }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw CSVError(.digitsAfterPoint, at: start) }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw CSVError(.digitsAfterExponent, at: start) }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw CSVError(.numberOutOfRange, at: start) }
        return .number(value, text)
    }

    mutating func readString() throws(CSVError) -> String {
        let start = i
        i += 1
        var out: [UInt8] = []
        var plainFrom = i
        while true {
            guard i < bytes.count else { throw CSVError(.textNeverClosed, at: start) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                out.append(contentsOf: bytes[plainFrom..<i])
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 {
                throw CSVError(b == UInt8(ascii: "\n") ? .textNeverClosedOnLine : .controlCharacter, at: b == UInt8(ascii: "\n") ? start : i,
                               notes: ["write a line break inside a JSON text as \\n"])
            }
            if b != UInt8(ascii: "\\") {
                i += 1
                continue
            }
            out.append(contentsOf: bytes[plainFrom..<i])
            guard i + 1 < bytes.count else { throw CSVError(.textNeverClosed, at: start) }
            let e = bytes[i + 1]
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "u"):
                let escape = i
                guard var scalar = hex4(at: i + 2) else { throw CSVError(.hexEscape, at: escape) }
                i += 6
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                          let low = hex4(at: i + 2), low >= 0xDC00, low < 0xE000 else {
                        throw CSVError(.loneHighSurrogate, at: escape)
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw CSVError(.loneLowSurrogate, at: escape)
                }
                guard let u = Unicode.Scalar(scalar) else { throw CSVError(.notACharacter, at: escape) }
                out.append(contentsOf: Array(String(Character(u)).utf8))
                plainFrom = i
                continue
            default:
                throw CSVError(.unknownEscape(String(decoding: [e], as: UTF8.self)), at: i,
                               notes: ["the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"])
            }
            i += 2
            plainFrom = i
        }
    }

    func hex4(at j: Int) -> UInt32? {
        guard j + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for k in j..<j + 4 {
            let b = bytes[k]
            let d: UInt32
            switch b {
            case 48...57: d = UInt32(b - 48)
            case 65...70: d = UInt32(b - 55)
            case 97...102: d = UInt32(b - 87)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }
}
