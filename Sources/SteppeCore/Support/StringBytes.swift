extension String {
    /// The pieces as one string, made in one allocation (with room for a
    /// line's end after it): appending them one by one costs a capacity
    /// check and a copy each, which a result a line pays 10,000 times in a
    /// script.
    static func concatenated(_ pieces: String...) -> String {
        var total = 1
        for p in pieces { total += p.utf8.count }
        return String(unsafeUninitializedCapacity: total) { buffer in
            var at = 0
            for var piece in pieces {
                piece.withUTF8 { bytes in
                    if let to = buffer.baseAddress, let from = bytes.baseAddress {
                        (to + at).initialize(from: from, count: bytes.count)
                    }
                    at += bytes.count
                }
            }
            return at
        }
    }
}

extension String {
    /// Whether a byte of the text passes `test`, read from its UTF-8 in
    /// place (a short text's from the stack): iterating `utf8` costs a few
    /// dozen instructions a byte, and every result's text is asked this.
    func containsByte(where test: (UInt8) -> Bool) -> Bool {
        var s = self
        return s.withUTF8 { bytes in
            for b in bytes where test(b) { return true }
            return false
        }
    }
}
