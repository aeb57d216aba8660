import Testing

@testable import LineEditing

@Suite struct ScalarDecoderTests {
    /// Decodes `bytes` the way the terminal reader does, until they run out.
    func decode(_ bytes: [UInt8]) -> [ScalarRead] {
        var decoder = ScalarDecoder()
        var remaining = bytes[...]
        var results: [ScalarRead] = []
        while true {
            let result = decoder.next {
                guard let byte = remaining.popFirst() else { return .end }
                return .byte(byte)
            }
            results.append(result)
            if !result.isScalar { return results }
        }
    }

    @Test func decodesEveryLength() {
        let text = "a£Қ日😀"
        #expect(decode(Array(text.utf8)) == text.unicodeScalars.map { .scalar($0.value) } + [.end])
    }

    @Test func brokenSequencesBecomeReplacementCharacters() {
        // A stray continuation byte, a lead byte cut short by "x", an
        // overlong "/", an encoded surrogate.
        let bytes: [UInt8] = [0x80, 0xC3, 0x78, 0xC0, 0xAF, 0xED, 0xA0, 0x80]
        #expect(
            decode(bytes) == [
                .scalar(0xFFFD), .scalar(0xFFFD), .scalar(0x78), .scalar(0xFFFD), .scalar(0xFFFD),
                .scalar(0xFFFD), .end,
            ])
    }

    @Test func stopsWhenReadingStops() {
        var decoder = ScalarDecoder()
        var bytes: [ByteRead] = [.byte(0xD0), .stopped]
        #expect(decoder.next { bytes.removeFirst() } == .stopped)
    }
}

extension ScalarRead {
    var isScalar: Bool {
        if case .scalar = self { return true }
        return false
    }
}
