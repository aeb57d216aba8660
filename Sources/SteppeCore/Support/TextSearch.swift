/// Finding one text inside another, by characters, as _StringProcessing's
/// `contains(_:)` and `firstRange(of:)` do. SteppeCore does not import
/// _StringProcessing (its libraries would cost every start-up; see
/// Package.swift), so these are its own: Knuth–Morris–Pratt, linear in both
/// lengths however the texts repeat.
extension StringProtocol {
    func contains(_ other: String) -> Bool {
        other.isEmpty || firstRange(of: other) != nil
    }

    func firstRange(of other: String) -> Range<Index>? {
        let pattern = Array(other)
        guard !pattern.isEmpty else { return startIndex..<startIndex }
        // failure[k]: the length of the longest proper border of pattern[0...k].
        var failure = [Int](repeating: 0, count: pattern.count)
        var k = 0
        for q in stride(from: 1, to: pattern.count, by: 1) {
            while k > 0 && pattern[k] != pattern[q] { k = failure[k - 1] }
            if pattern[k] == pattern[q] { k += 1 }
            failure[q] = k
        }
        var matched = 0
        var starts: [Index] = []
        starts.reserveCapacity(pattern.count)
        var i = startIndex
        while i < endIndex {
            let c = self[i]
            while matched > 0 && pattern[matched] != c { matched = failure[matched - 1] }
            if pattern[matched] == c { matched += 1 }
            // The start of each character, to find where the match began.
            starts.append(i)
            i = index(after: i)
            if matched == pattern.count {
                return starts[starts.count - pattern.count]..<i
            }
        }
        return nil
    }
}
