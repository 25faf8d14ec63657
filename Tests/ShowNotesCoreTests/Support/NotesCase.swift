import ShowNotesCore
import Testing

/// One fixture under `Fixtures/notes/` and exactly what a reader gets from it.
struct NotesCase: Sendable, CustomTestStringConvertible {
    var file: String
    var title: String?
    /// `M:SS Title`, as `rendered(_:)` writes them.
    var chapters: [String]
    var takeaways: [String] = []
    /// When set, the summary must be exactly this.
    var summary: String? = nil
    /// Rendered diagnostics expected (warnings only; notes are not listed).
    var warnings: [String] = []

    var testDescription: String { file }

    /// Parses the fixture and checks every expectation.
    func check() throws {
        let (episode, diagnostics) = try Fixtures.parse("notes/" + file)
        #expect(episode.title == title, "title")
        #expect(rendered(episode.chapters) == chapters, "chapters")
        #expect(episode.takeaways == takeaways, "takeaways")
        if let summary { #expect(episode.summary == summary, "summary") }
        #expect(diagnostics.filter { $0.severity != .note }.map(\.description) == warnings, "warnings")
    }
}
