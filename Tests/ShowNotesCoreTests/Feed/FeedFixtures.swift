import Foundation
import ShowNotesCore
import Testing

/// Reads the feeds under `Fixtures/feeds/` the way the CLI does (by path, streaming), with
/// display names such as `feeds/full.xml`, and builds small feeds in memory.
enum FeedFixtures {
    static func path(_ name: String) -> String { Fixtures.root.appending(path: "feeds/" + name).path }

    static func read(_ name: String) throws -> FeedReader.Result {
        try FeedReader.read(path: path(name), display: "feeds/" + name)
    }

    static func readFeed(_ name: String) throws -> FeedReader.Feed {
        try FeedReader.readFeed(bytes: Fixtures.bytes("feeds/" + name), display: "feeds/" + name,
                                feedFolder: (path(name) as NSString).deletingLastPathComponent)
    }

    /// An RSS 2.0 document around `items` (with the usual namespaces declared).
    static func rss(_ items: String, title: String = "Test Feed") -> [UInt8] {
        Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
          xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:psc="http://podlove.org/simple-chapters"
          xmlns:podcast="https://podcastindex.org/namespace/1.0">
        <channel><title>\(title)</title>
        \(items)
        </channel></rss>
        """.utf8)
    }

    static func episodes(_ items: String, folder: String? = nil) throws -> (episodes: [Episode], diagnostics: [String]) {
        let result = try FeedReader.read(bytes: rss(items), display: "mem.xml", feedFolder: folder)
        return (result.episodes, result.diagnostics.map(\.description))
    }

    /// The repository root (for `Feeds/`).
    static let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The shared real-data corpus, when this machine has it.
    static let corpus = repository.deletingLastPathComponent().appending(path: "shared/corpus/real")
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.path) }
}

/// `0:00 Title` lines plus each chapter's url/img/toc, for exact comparisons.
func described(_ chapters: [Chapter]) -> [String] {
    chapters.map { chapter in
        var line = "\(stamp(chapter.startTime)) \(chapter.title)"
        if let url = chapter.url { line += " url=\(url)" }
        if let img = chapter.img { line += " img=\(img)" }
        if let toc = chapter.toc { line += " toc=\(toc)" }
        return line
    }
}
