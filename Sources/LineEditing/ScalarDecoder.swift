/// One step of reading the terminal: a byte, or why there is none.
enum ByteRead: Equatable {
    case byte(UInt8)
    /// The terminal closed (read returned 0).
    case end
    /// Ctrl-C, or a read error: stop reading the line.
    case stopped
}

/// Turns the terminal's bytes into Unicode scalars for libedit.
///
/// libedit's own reader decodes with `mbrtowc`, which silently drops every
/// non-ASCII byte when the C library's locale is not UTF-8. Decoding here
/// makes input independent of the locale, and an invalid sequence becomes
/// U+FFFD where the user can see it instead of vanishing.
struct ScalarDecoder {
    /// A byte read past a broken sequence, to be decoded next time.
    private var pending: UInt8?

    /// The next scalar, pulling bytes from `read` as needed.
    mutating func next(_ read: () -> ByteRead) -> ScalarRead {
        let first: ByteRead
        if let pending {
            first = .byte(pending)
            self.pending = nil
        } else {
            first = read()
        }
        guard case .byte(let lead) = first else { return first == .end ? .end : .stopped }
        if lead < 0x80 { return .scalar(UInt32(lead)) }

        let continuationCount: Int
        let smallest: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: (continuationCount, smallest, value) = (1, 0x80, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (continuationCount, smallest, value) = (2, 0x800, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (continuationCount, smallest, value) = (3, 0x1_0000, UInt32(lead & 0x07))
        default: return .scalar(0xFFFD)
        }
        for _ in 0..<continuationCount {
            switch read() {
            case .byte(let byte) where byte & 0xC0 == 0x80:
                value = value << 6 | UInt32(byte & 0x3F)
            case .byte(let byte):
                // Not a continuation: it starts the next character.
                pending = byte
                return .scalar(0xFFFD)
            case .end:
                return .scalar(0xFFFD)
            case .stopped:
                return .stopped
            }
        }
        // Overlong forms, surrogates and values past U+10FFFF are not text.
        if value < smallest || (0xD800...0xDFFF).contains(value) || value > 0x10_FFFF {
            return .scalar(0xFFFD)
        }
        return .scalar(value)
    }
}

/// One step of decoding: a scalar value, or why there is none.
enum ScalarRead: Equatable {
    case scalar(UInt32)
    case end
    case stopped
}
