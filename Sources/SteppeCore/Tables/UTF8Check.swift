/// Checks that bytes are valid UTF-8 (RFC 3629: no overlong forms, no
/// surrogates, nothing above U+10FFFF), and says where the first bad byte is.
enum UTF8Check {
    /// The offset of the first byte that does not start valid UTF-8 (the lead
    /// byte of a broken sequence), or nil.
    static func firstInvalidByte(in bytes: [UInt8], from start: Int = 0) -> Int? {
        bytes.withUnsafeBufferPointer { p -> Int? in
            let n = p.count
            var i = start
            while i < n {
                let b = p[i]
                if b < 0x80 { i += 1; continue }
                let length: Int
                var low: UInt8 = 0x80, high: UInt8 = 0xBF
                switch b {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return i
                }
                guard i + 1 < n, p[i + 1] >= low, p[i + 1] <= high else { return i }
                for k in 2..<length {
                    guard i + k < n, p[i + k] & 0xC0 == 0x80 else { return i }
                }
                i += length
            }
            return nil
        }
    }
}
