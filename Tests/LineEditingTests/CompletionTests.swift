import Testing

@testable import LineEditing

@Suite struct CompletionTests {
    @Test func oneCandidateIsInsertedWithASpace() {
        let step = CompletionStep.plan(
            line: "show sel", cursor: 8, completion: Completion(replaceFrom: 5, candidates: ["select"]))
        #expect(step == .replace(from: 5, to: 8, text: "select "))
    }

    @Test func pathsAndDottedNamesGetNoSpace() {
        let path = CompletionStep.plan(
            line: ":run sc", cursor: 7, completion: Completion(replaceFrom: 5, candidates: ["scripts/"]))
        #expect(path == .replace(from: 5, to: 7, text: "scripts/"))
        let dotted = CompletionStep.plan(
            line: "ma", cursor: 2, completion: Completion(replaceFrom: 0, candidates: ["math."]))
        #expect(dotted == .replace(from: 0, to: 2, text: "math."))
    }

    @Test func severalCandidatesInsertTheirCommonPrefix() {
        let step = CompletionStep.plan(
            line: "Қаз", cursor: 3,
            completion: Completion(replaceFrom: 0, candidates: ["Қазақстан", "Қазан"]))
        #expect(step == .replace(from: 0, to: 3, text: "Қаза"))
    }

    @Test func nothingToAddListsTheCandidates() {
        let step = CompletionStep.plan(
            line: "se", cursor: 2, completion: Completion(replaceFrom: 0, candidates: ["select", "set"]))
        #expect(step == .list(["select", "set"]))
    }

    @Test func noCandidateBeeps() {
        let step = CompletionStep.plan(
            line: "zz", cursor: 2, completion: Completion(replaceFrom: 0, candidates: []))
        #expect(step == .beep)
    }

    @Test func outOfRangeOffsetsAreClamped() {
        let step = CompletionStep.plan(
            line: "ab", cursor: 9, completion: Completion(replaceFrom: -3, candidates: ["abc"]))
        #expect(step == .replace(from: 0, to: 2, text: "abc "))
    }

    @Test func commonPrefixComparesCharacters() {
        #expect(CompletionStep.commonPrefix(["e\u{301}a", "e\u{301}b"]) == "e\u{301}")
        // "e" and "é" (e + combining acute) share no Character.
        #expect(CompletionStep.commonPrefix(["e", "e\u{301}"]) == "")
        #expect(CompletionStep.commonPrefix([]) == "")
    }

    @Test func candidatesAreListedDownTheColumns() {
        let items = ["a", "bb", "ccc", "dddd", "e"]
        // Cells are 6 wide; 13 columns fit 2 of them.
        #expect(
            CompletionColumns.lines(items, width: 13) == [
                "a     dddd",
                "bb    e",
                "ccc",
            ])
        #expect(CompletionColumns.lines(items, width: 1) == items)
        #expect(CompletionColumns.lines(["one", "two"], width: 80) == ["one  two"])
    }

    @Test func promptEscapesTakeNoColumns() {
        #expect(TerminalText.width("\u{1}\u{1B}[1m\u{1}steppe>\u{1}\u{1B}[0m\u{1} ") == 8)
        #expect(TerminalText.width("a\tb") == 4)
    }
}
