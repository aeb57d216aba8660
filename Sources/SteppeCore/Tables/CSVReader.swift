/// One cell of a CSV row, as offsets into the file's bytes: no text is made
/// until someone asks for it.
public struct CSVCell: Sendable, Equatable {
    /// Where the cell starts as written (its opening quote, when quoted):
    /// errors point here.
    public var start: Int
    /// The cell's content: between the quotes when quoted.
    public var contentStart: Int
    public var contentEnd: Int
    public var quoted: Bool
    /// A quoted cell with doubled quotes (`""`) inside: its text un-doubles them.
    public var doubledQuotes: Bool

    public var isEmpty: Bool { contentStart == contentEnd }
    /// Where the cell ends as written (after its closing quote).
    public var end: Int { quoted ? contentEnd + 1 : contentEnd }
}

/// A CSV file that breaks RFC 4180, at the byte where it does.
public struct CSVError: Error, Sendable {
    public var problem: PackProblem
    public var offset: Int
    public var notes: [String]
    init(_ problem: PackProblem, at offset: Int, notes: [String] = []) {
        self.problem = problem
        self.offset = offset
        self.notes = notes
    }
}

/// A strict RFC 4180 reader over bytes: fields separated by `,`, records by
/// CRLF or LF (a lone CR too), a field in double quotes may hold commas,
/// line breaks and doubled quotes. A UTF-8 byte-order mark at the start and a
/// missing final line break are fine; empty lines are skipped. A quote that is
/// never closed, a quote inside an unquoted field and text after a closing
/// quote are errors, never guessed at. The caller checks UTF-8 and the
/// number of cells a row.
public struct CSVReader {
    public let bytes: [UInt8]
    /// Where the next row starts.
    public private(set) var offset: Int
    /// The line the next row starts on.
    public private(set) var line = 1
    /// The row just read: its first byte and line.
    public private(set) var rowStart = 0
    public private(set) var rowLine = 1

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// Reads the next row's cells into `cells` (emptied first); false at the end.
    public mutating func nextRow(_ cells: inout [CSVCell]) throws(CSVError) -> Bool {
        cells.removeAll(keepingCapacity: true)
        let n = bytes.count
        // Skip empty lines.
        while offset < n {
            if bytes[offset] == CSVReader.lf {
                offset += 1
                line += 1
            } else if bytes[offset] == CSVReader.cr {
                offset += 1
                if offset < n, bytes[offset] == CSVReader.lf { offset += 1 }
                line += 1
            } else {
                break
            }
        }
        guard offset < n else { return false }
        rowStart = offset
        rowLine = line
        var i = offset
        var line = self.line
        let result: Result<Void, CSVError> = bytes.withUnsafeBufferPointer { p in
            while true {
                let start = i
                var cell: CSVCell
                if i < n, p[i] == CSVReader.quote {
                    i += 1
                    var doubled = false
                    while true {
                        guard i < n else {
                            return .failure(CSVError(.quoteNeverClosed, at: start,
                                                     notes: ["close the cell with a '\"'; a '\"' inside a quoted cell is written twice (\"\")"]))
                        }
                        let b = p[i]
                        if b == CSVReader.quote {
                            if i + 1 < n, p[i + 1] == CSVReader.quote {
                                doubled = true
                                i += 2
                                continue
                            }
                            break
                        }
                        if b == CSVReader.lf { line += 1 }
                        i += 1
                    }
                    cell = CSVCell(start: start, contentStart: start + 1, contentEnd: i, quoted: true, doubledQuotes: doubled)
                    i += 1
                    if i < n, p[i] != CSVReader.comma, p[i] != CSVReader.lf, p[i] != CSVReader.cr {
                        return .failure(CSVError(.textAfterClosingQuote, at: i,
                                                 notes: ["a cell ends at its closing quote; a '\"' inside it is written twice (\"\")"]))
                    }
                } else {
                    while i < n {
                        let b = p[i]
                        if b == CSVReader.comma || b == CSVReader.lf || b == CSVReader.cr { break }
                        if b == CSVReader.quote {
                            return .failure(CSVError(.quoteInsideCell, at: i,
                                                     notes: ["put the whole cell in quotes and write the '\"' twice: \"say \"\"hi\"\"\""]))
                        }
                        i += 1
                    }
                    cell = CSVCell(start: start, contentStart: start, contentEnd: i, quoted: false, doubledQuotes: false)
                }
                cells.append(cell)
                guard i < n else { return .success(()) }
                switch p[i] {
                case CSVReader.comma:
                    i += 1
                case CSVReader.cr:
                    i += 1
                    if i < n, p[i] == CSVReader.lf { i += 1 }
                    line += 1
                    return .success(())
                default:
                    i += 1
                    line += 1
                    return .success(())
                }
            }
        }
        offset = i
        self.line = line
        if case .failure(let e) = result { throw e }
        return true
    }

    /// The cell's text, with doubled quotes made one.
    public func text(_ cell: CSVCell) -> String {
        let slice = bytes[cell.contentStart..<cell.contentEnd]
        guard cell.doubledQuotes else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = cell.contentStart
        while i < cell.contentEnd {
            out.append(bytes[i])
            i += bytes[i] == CSVReader.quote ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
