import LineEditing
import Testing

/// steppe does not link libedit; the prompt opens it (editline.c).
@Suite struct EditLineLoadingTests {
    /// On a machine with libedit (the README's setup installs it), it opens,
    /// and asking again gives the same answer without opening it twice.
    @Test func libeditOpensWhenAskedFor() {
        #expect(EditLineReader.unavailability() == nil)
        #expect(EditLineReader.unavailability() == nil)
    }
}
