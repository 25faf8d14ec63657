import Foundation
@testable import ShowNotesCore
import Testing

/// `parse` prints each episode as soon as it is read (issue 3, big feed): the streamed
/// episodes, their order, names and diagnostics must be those of reading the whole feed.
@Suite("Feed streaming: same episodes as reading the whole feed")
struct FeedStreamingTests {
    /// Every feed fixture, by path.
    static let fixtureFeeds: [String] = {
        let folder = Fixtures.root.appending(path: "feeds").path
        let names = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return names.filter { ($0.hasSuffix(".xml") || $0.hasSuffix(".rss")) && !$0.hasPrefix("hostile/") }.sorted().map { "feeds/" + $0 }
    }()

    /// `count` items, the channel's `<title>` after item `titleAfter` (or none), written to a file.
    static func bigFeed(items count: Int, titleAfter: Int?, in folder: URL) throws -> String {
        var text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>

        """
        for index in 0..<count {
            if index == titleAfter { text += "<title>Late Title</title>\n" }
            text += """
            <item><title>Episode \(index)</title><guid>g\(index)</guid>
            <enclosure url="https://a.example/\(index).mp3#x" type="audio/mpeg" length="1"/>
            <content:encoded><![CDATA[<p>Notes  of\tepisode \(index) &amp; more…</p><ul><li>00:00 Start</li>
            <li>01:30 “Middle” – part</li><li>12:00 End <a href="https://b.example/\(index)">link  text</a></li></ul>]]></content:encoded>
            </item>

            """
        }
        text += "</channel></rss>\n"
        let file = folder.appending(path: "big-\(count)-\(titleAfter.map(String.init) ?? "none").xml")
        try Data(text.utf8).write(to: file)
        return file.path
    }

    static func streamed(_ path: String) throws -> (episodes: [Episode], prepared: [String], diagnostics: [Diagnostic]) {
        var episodes: [Episode] = []
        var prepared: [String] = []
        let diagnostics = try FeedReader.readInOrder(path: path, display: path, prepare: { ($0, $0.json.text) }) { pair in
            episodes.append(pair.0)
            prepared.append(pair.1)
        }
        return (episodes, prepared, diagnostics)
    }

    @Test("every fixture feed streams into the episodes and diagnostics of a whole read", arguments: fixtureFeeds)
    func fixturesStreamAlike(_ file: String) throws {
        let path = Fixtures.root.appending(path: file).path
        let whole = try? FeedReader.read(path: path, display: path)
        let streamed = try? Self.streamed(path)
        #expect((whole == nil) == (streamed == nil))
        guard let whole, let streamed else { return }
        #expect(streamed.episodes == whole.episodes)
        #expect(streamed.prepared == whole.episodes.map(\.json.text))
        #expect(streamed.diagnostics == whole.diagnostics)
    }

    @Test("items before a late channel title wait for it, across batches", arguments: [nil, 0, 3, 300, 699])
    func lateTitle(_ titleAfter: Int?) throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.bigFeed(items: 700, titleAfter: titleAfter, in: folder)
        let whole = try FeedReader.read(path: path, display: path)
        let streamed = try Self.streamed(path)
        #expect(whole.episodes.count == 700)
        #expect(streamed.episodes == whole.episodes)
        #expect(streamed.prepared == whole.episodes.map(\.json.text))
        #expect(streamed.episodes.map(\.guid) == (0..<700).map { "g\($0)" })
        #expect(Set(streamed.episodes.map(\.podcast)) == [titleAfter == nil ? nil : "Late Title"])
        #expect(streamed.episodes.allSatisfy { $0.chapters.count == 3 && $0.chapters.allSatisfy { $0.url?.contains("#t=") == true } })
    }

    @Test("big feeds read at once on Dispatch's pool threads (as the index builder reads them) all finish, each as read alone")
    func readOnPoolThreads() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = Array(try Data(contentsOf: URL(filePath: try Self.bigFeed(items: 600, titleAfter: 1, in: folder))))
        let alone = try FeedReader.read(bytes: bytes, display: "big.xml")
        let results = Slots(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            results.store(try? FeedReader.read(bytes: bytes, display: "big.xml").episodes, at: index)
        }
        #expect(results.values.allSatisfy { $0 == alone.episodes })
    }

    /// One slot per concurrent reader.
    private final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [[Episode]?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func store(_ value: [Episode]?, at index: Int) { lock.withLock { slots[index] = value } }
        var values: [[Episode]?] { lock.withLock { slots } }
    }

    @Test("parse --json of a feed prints, byte for byte, the JSON of every episode of a whole read")
    func parseJSONFeed() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.bigFeed(items: 600, titleAfter: 2, in: folder)
        let run = try CLITests.run(["parse", "--json", path])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let whole = try FeedReader.read(path: path, display: path)
        #expect(run.stdout == whole.episodes.map { $0.json.text + "\n" }.joined())
    }

    @Test("parse of a folder prints each source's episodes in source order, as a whole read would")
    func parseFolder() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.bigFeed(items: 300, titleAfter: nil, in: folder)
        _ = try Self.bigFeed(items: 5, titleAfter: 4, in: folder)
        try Data("Title\n\n00:00 Intro\n05:00 Main part\n".utf8).write(to: folder.appending(path: "a-notes.txt"))
        try Data(try Fixtures.bytes("feeds/damaged/entities.xml")).write(to: folder.appending(path: "entities.xml"))
        for json in [true, false] {
            let run = try CLITests.run(["parse"] + (json ? ["--json"] : []) + [folder.path])
            #expect(run.status == 0)
            var expected = ""
            var diagnostics: [String] = []
            for source in SourceFiles.discover([folder.path]).sources {
                let result = try SourceReader.read(source)
                for episode in result.episodes {
                    expected += (json ? episode.json.text : Self.summaryFirstLine(episode)) + "\n"
                }
                diagnostics += result.diagnostics.map(\.description)
            }
            if json {
                #expect(run.stdout == expected)
            } else {
                #expect(run.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { $0 + "\n" }.joined() == expected)
            }
            #expect(run.stderr == diagnostics.map { $0 + "\n" }.joined())
        }
    }

    /// The first line of `parse`'s readable block: the source.
    static func summaryFirstLine(_ episode: Episode) -> String { episode.source }
}
