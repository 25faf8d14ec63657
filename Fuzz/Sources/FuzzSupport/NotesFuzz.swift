import ShowNotesCore

/// What every notes fuzz target does with an input: decode and parse it in one format, then
/// export its chapters in every format (the exporters read what the parser found).
public enum NotesFuzz {
    public static func run(_ data: UnsafeRawBufferPointer, format: NotesParser.Format) {
        guard let result = try? SourceReader.readNotes(Array(data), format: format, display: "fuzz/input") else { return }
        for episode in result.episodes {
            for chapterFormat in ChapterFormat.allCases {
                _ = try? ChapterExporter.export(episode.chapters, format: chapterFormat, duration: 99 * 3600)
            }
            _ = episode.json.text
        }
        for diagnostic in result.diagnostics { _ = diagnostic.description }
    }
}
