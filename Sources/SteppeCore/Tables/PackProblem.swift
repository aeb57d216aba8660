/// The catalogue of the errors of reading packs (CSV, JSON and JSON Lines
/// files, and what a `.steppe` pack may hold), as `Problem` is of evaluation
/// errors: each kind is a case, its text is written once here.
public enum PackProblem: Sendable, Equatable {
    // MARK: Any table pack
    /// The first byte that starts no UTF-8 character.
    case invalidUTF8(UInt8)
    // MARK: CSV
    case quoteNeverClosed
    case textAfterClosingQuote
    case quoteInsideCell
    case emptyCSV
    case unnamedColumn
    case unknownColumn(String)
    case columnTwice(String)
    case headerLacks(String)
    case headerLacksValue
    case raggedRow(row: Int, cells: Int, header: Int)
    // MARK: JSON
    case jsonLineGoesOn
    case emptyJSON
    case notAnArray
    /// `afterObject`: a ',' or ']' was awaited, else an object.
    case arrayNeverClosed(afterObject: Bool)
    case expectedCommaOrBracket
    case commaBeforeBracket
    case textAfterArray
    case itemNotObject
    case expectedKey
    case objectNeverClosed
    case expectedColon
    case expectedCommaOrBrace
    case expectedValue
    case expectedScalar
    case nestedValue(array: Bool)
    case numberNeedsDigits
    case leadingZero
    case digitsAfterPoint
    case digitsAfterExponent
    case numberOutOfRange
    case textNeverClosed
    case textNeverClosedOnLine
    case controlCharacter
    case hexEscape
    case loneHighSurrogate
    case loneLowSurrogate
    case notACharacter
    case unknownEscape(String)
    case unknownKey(String)
    case keyTwice(String)
    // MARK: Rows and cells
    case emptyCell(String)
    case nullValue(String)
    case noKey(String)
    case takesText(String)
    case takesNumber(String)
    case notADate(String)
    case notAUnit(String)
    case notAPropertyName(String)
    case entityIDTaken(String, id: String, by: String)
    case noSource
    case sourceDiffers(String, from: String)
    case unitNeedsPlainNumber(column: String, found: String)
    case valueAndBounds
    case boundWithLowHigh
    case unknownBound(String)
    case boundNeedsFigure(found: String)
    case boundNeedsExact
    case onNeedsDate
    // MARK: Loading
    case notPackStatement
    /// `:load FILE from SOURCE` of a `.steppe` pack.
    case fromNeedsTablePack(String)

    public var message: String {
        switch self {
        case .invalidUTF8(let b):
            let hex = String(b, radix: 16, uppercase: true)
            return "the file is not valid UTF-8: byte 0x\(hex.count < 2 ? "0" + hex : hex) here"
        case .quoteNeverClosed: return "this quote is never closed"
        case .textAfterClosingQuote: return "text after the closing quote of a cell"
        case .quoteInsideCell: return "a '\"' inside a cell that does not start with one"
        case .emptyCSV: return "the file is empty: a CSV pack starts with a header row, such as subject,property,value,source"
        case .unnamedColumn: return "a column with no name"
        case .unknownColumn(let c): return "unknown column '\(c)'"
        case .columnTwice(let c): return "the column '\(c)' is given twice"
        case .headerLacks(let c): return "the header has no '\(c)' column"
        case .headerLacksValue: return "the header has no 'value' column (nor 'low' or 'high')"
        case .raggedRow(let row, let cells, let header):
            return "row \(row) has \(cells) cell\(cells == 1 ? "" : "s"), but the header has \(header)"
        case .jsonLineGoesOn: return "a JSON Lines pack holds one object a line; this line goes on after its object"
        case .emptyJSON: return "the file is empty: a JSON pack is an array of objects, [{…}, {…}]"
        case .notAnArray: return "a JSON pack is an array of objects, [{…}, {…}]"
        case .arrayNeverClosed(let afterObject): return "the array is never closed: expected " + (afterObject ? "',' or ']'" : "an object")
        case .expectedCommaOrBracket: return "expected ',' or ']' after an object"
        case .commaBeforeBracket: return "a ',' with no object after it"
        case .textAfterArray: return "text after the end of the array"
        case .itemNotObject: return "each item of a JSON pack is an object, {\"subject\": …, \"property\": …, \"value\": …}"
        case .expectedKey: return "expected a key in double quotes"
        case .objectNeverClosed: return "the object is never closed"
        case .expectedColon: return "expected ':' after the key"
        case .expectedCommaOrBrace: return "expected ',' or '}' after a value"
        case .expectedValue: return "expected a value"
        case .expectedScalar: return "expected a value: a text, a number, true, false or null"
        case .nestedValue(let array):
            return "a value in a pack is a text, a number, true, false or null, not \(array ? "an array" : "an object")"
        case .numberNeedsDigits: return "a number needs digits"
        case .leadingZero: return "a JSON number does not start with 0"
        case .digitsAfterPoint: return "a number needs digits after its '.'"
        case .digitsAfterExponent: return "a number needs digits after its exponent"
        case .numberOutOfRange: return "number out of range"
        case .textNeverClosed: return "this text is never closed"
        case .textNeverClosedOnLine: return "this text is never closed on its line"
        case .controlCharacter: return "a control character inside a text"
        case .hexEscape: return "\\u takes four hexadecimal digits"
        case .loneHighSurrogate: return "a \\u escape of a high surrogate needs its low surrogate after it"
        case .loneLowSurrogate: return "a lone low surrogate in a \\u escape"
        case .notACharacter: return "not a character"
        case .unknownEscape(let e): return "unknown escape '\\\(e)' in a text"
        case .unknownKey(let k): return "unknown key \"\(k)\""
        case .keyTwice(let k): return "the key \"\(k)\" is given twice in this object"
        case .emptyCell(let c): return "this row has an empty '\(c)' cell; '\(c)' is required"
        case .nullValue(let c): return "this row has \"\(c)\": null; '\(c)' is required"
        case .noKey(let c): return "this row has no \"\(c)\" key; '\(c)' is required"
        case .takesText(let c): return "'\(c)' takes a text"
        case .takesNumber(let c): return "'\(c)' takes a number"
        case .notADate(let t): return "'\(t)' is not a date: no such month or day"
        case .notAUnit(let t): return "'\(t)' is not a unit"
        case .notAPropertyName(let n): return "'\(n)' is not a property name"
        case .entityIDTaken(let text, let id, let name): return "'\(text)' would become the entity '\(id)', but that id is \(name)'s"
        case .noSource: return "this row has no source"
        case .sourceDiffers(let id, let from): return "this row's source is '\(id)', but the load gives every row '\(from)'"
        case .unitNeedsPlainNumber(let column, let kind): return "'unit' applies to a plain number in '\(column)', and this one is \(kind)"
        case .valueAndBounds: return "give 'value', or 'low' and 'high', not both"
        case .boundWithLowHigh: return "'bound' applies to 'value', not to 'low' and 'high'"
        case .unknownBound(let w): return "unknown bound '\(w)'"
        case .boundNeedsFigure(let kind): return "'bound' applies to a figure, and this value is \(kind)"
        case .boundNeedsExact: return "'bound' applies to an exact figure, and this one is bounded already"
        case .onNeedsDate: return "'on' takes a date, such as 2022-01 or 2022-01-05"
        case .notPackStatement: return "a fact pack holds only source, entity, fact, unit and rule statements"
        case .fromNeedsTablePack(let s): return "'from \(s)' is for CSV and JSON packs"
        }
    }
}
