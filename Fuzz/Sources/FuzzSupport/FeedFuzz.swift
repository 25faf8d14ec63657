import ShowNotesCore

/// What the feed fuzz target does with an input: read it as a feed held in memory (no folder,
/// so no chapter file beside it is ever looked for) and render what came out.
public enum FeedFuzz {
    public static func run(_ data: UnsafeRawBufferPointer) {
        guard let feed = try? FeedReader.readFeed(bytes: Array(data), display: "fuzz/feed.xml") else { return }
        for episode in feed.episodes { _ = episode.json.text }
        for diagnostic in feed.diagnostics { _ = diagnostic.description }
    }
}
