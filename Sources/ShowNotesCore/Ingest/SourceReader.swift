/// Reads one source file into the episodes it holds (one for a notes file, one per item for a feed).
public enum SourceReader {
    /// Episodes read from a source, and what was noticed on the way.
    public struct Result: Sendable {
        public var episodes: [Episode]
        public var diagnostics: [Diagnostic]
    }

    public static func read(_ source: SourceFiles.Source) throws(InputError) -> Result {
        switch source.kind {
        case .notes(let format):
            let bytes = try SourceFiles.bytes(of: source.path, limit: SourceFiles.maximumNotesBytes)
            return try readNotes(bytes, format: format, display: source.display)
        case .feed:
            return try FeedSource.read(path: source.path, display: source.display)
        }
    }

    /// Reads a source into the same episodes as `read(_:)`, handing each to `each` as soon
    /// as it is complete (a feed's items one by one, never all held in memory); returns the
    /// diagnostics, which come at the end. Each episode is first `prepare`d (into the text
    /// to print, say): for a feed on the worker that parsed it, so on all cores.
    public static func read<Prepared: Sendable>(_ source: SourceFiles.Source, prepare: @escaping @Sendable (Episode) -> Prepared,
                                                each: (Prepared) -> Void) throws(InputError) -> [Diagnostic] {
        switch source.kind {
        case .notes:
            let result = try read(source)
            for episode in result.episodes { each(prepare(episode)) }
            return result.diagnostics
        case .feed:
            return try FeedReader.readInOrder(path: source.path, display: source.display, prepare: prepare, each: each)
        }
    }

    /// Parses the bytes of a notes file.
    public static func readNotes(_ bytes: [UInt8], format: NotesParser.Format, display: String) throws(InputError) -> Result {
        let decoded = try TextDecoding.decode(bytes, file: display)
        let parsed = NotesParser.parse(decoded.text, format: format, source: display, podcast: SourceFiles.folderName(of: display))
        return Result(episodes: [parsed.episode], diagnostics: decoded.warnings + parsed.diagnostics)
    }
}

