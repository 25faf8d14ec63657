import Foundation
@testable import ShowNotesCore
import Testing

@Suite("Feed chapters: Podlove, Podcasting 2.0 JSON, deep links")
struct FeedChapterTests {
    @Test("podcastparser's psc example: NPT variants with exact times, fractions kept")
    func podcastparserPodlove() throws {
        let episode = try #require(try FeedFixtures.read("podcastparser/chapters.rss").episodes.first)
        #expect(described(episode.chapters) == [
            "0:00 Introduction",
            "0:01 Chapter II",
            "1:02 Chapter with Link url=http://example.com/",
            "1:02:03 Chapter with Image img=http://example.org/image.png",
            "1:02:03.400 Chapter with Everything url=http://example.net/psc img=http://example.net/image2.png",
        ])
        #expect(episode.feed?.chaptersFrom == "psc:chapters")
    }

    @Test("Mtillmann's Podlove sample: 8:26.250 stays 506.25 and deep links use the Atom-style enclosure")
    func mtillmannPodlove() throws {
        let episode = try #require(try FeedFixtures.read("mtillmann/podlove-simple-chapters.xml").episodes.first)
        #expect(episode.audio == "http://podlove.org/files/fiatlux.mp3")
        #expect(described(episode.chapters) == [
            "0:00 Welcome url=http://podlove.org/files/fiatlux.mp3#t=0",
            "3:07 Introducing Podlove url=http://podlove.org/",
            "8:26.250 Podlove WordPress Plugin url=http://podlove.org/podlove-podcast-publisher",
            "12:42 Resumée url=http://podlove.org/files/fiatlux.mp3#t=762",
        ])
    }

    @Test("feedparser's psc tests: RSS, Atom, two items, and only the first list when there are several", arguments: [
        ("feedparser/wellformed_psc_rss2.0simplechapter.xml", 0, "0:00 Welcome", 4),
        ("feedparser/wellformed_psc_atomsimplechapter.xml", 0, "0:00 Welcome", 4),
        ("feedparser/wellformed_psc_ignore_multiple_psc_chapters.xml", 0, "0:00 Welcome", 4),
        ("feedparser/wellformed_psc_rss2.0simplechapter2items.xml", 1, "0:12 Livekalender", 2),
    ])
    func feedparserPodlove(file: String, item: Int, first: String, count: Int) throws {
        let chapters = try FeedFixtures.read(file).episodes[item].chapters
        #expect(rendered(chapters).first == first)
        #expect(chapters.count == count)
    }

    @Test("psc chapters out of order are resorted, stably; a bad start is left out with a warning")
    func resort() throws {
        let (episodes, diagnostics) = try FeedFixtures.episodes("""
        <item><title>R</title><psc:chapters><psc:chapter start="10:00" title="B"/><psc:chapter start="0" title="A"/>
        <psc:chapter start="soon" title="X"/><psc:chapter start="10:00.000" title="C"/></psc:chapters></item>
        """)
        #expect(rendered(episodes[0].chapters) == ["0:00 A", "10:00 B", "10:00 C"])
        #expect(diagnostics == ["mem.xml:7: warning: psc:chapter start 'soon' is not a Normal Play Time; chapter 'X' left out"])
    }

    @Test("Podlove's namespace is accepted with a trailing slash (atom.xml declares it so)")
    func trailingSlash() throws {
        let episode = try #require(try FeedFixtures.read("atom.xml").episodes.first)
        #expect(rendered(episode.chapters) == ["0:00 Headlamps", "12:30 Sleep before the start"])
    }

    @Test("explicit chapters win over timestamps in the notes")
    func explicitWins() throws {
        let (episodes, _) = try FeedFixtures.episodes("""
        <item><title>E</title><content:encoded><![CDATA[<p>00:00 Notes intro<br>05:00 Notes middle<br>09:00 Notes end</p>]]></content:encoded>
        <psc:chapters><psc:chapter start="0" title="Feed intro"/><psc:chapter start="4:00" title="Feed end"/></psc:chapters></item>
        """)
        #expect(rendered(episodes[0].chapters) == ["0:00 Feed intro", "4:00 Feed end"])
    }

    @Test("a JSON chapters file in the feed's folder is read: fractions, img, url, toc:false kept")
    func localJSON() throws {
        let episodes = try FeedFixtures.read("local/feed.xml").episodes
        #expect(described(episodes[0].chapters) == [
            "0:00 Start line url=https://a.example/1.mp3#t=0",
            "1:05.500 First climb url=https://a.example/1.mp3#t=65.5 img=https://a.example/climb.jpg",
            "5:00 Sponsor url=https://a.example/1.mp3#t=300 toc=false",
            "7:00.125 Finish url=https://a.example/finish",
        ])
        #expect(episodes[0].feed?.chaptersFile == ChaptersFile(url: "ep1.json", type: "application/json+chapters", status: .read))
        // GitHub namespace URI under another prefix, string start times, unsorted file.
        #expect(rendered(episodes[1].chapters) == ["0:00 First", "1:00 Second"])
    }

    @Test("chapter files outside the folder, absolute, file:, remote or not JSON are recorded, never read")
    func refusedChapterFiles() throws {
        let result = try FeedFixtures.read("local/feed.xml")
        let statuses = result.episodes.dropFirst(2).map { $0.feed?.chaptersFile?.status }
        #expect(statuses == [.refused, .refused, .refused, .remote, .refused, .unreadable])
        #expect(result.episodes.dropFirst(2).allSatisfy { $0.chapters.isEmpty })
        #expect(result.diagnostics.map(\.description) == [
            "feeds/local/feed.xml:9: warning: podcast:chapters '../podcastindex/docs_examples_chapters_example.json' leaves the feed's folder (..); not read",
            "feeds/local/feed.xml:10: warning: podcast:chapters '/etc/passwd' is an absolute path; not read",
            "feeds/local/feed.xml:11: warning: podcast:chapters 'file:///etc/hostname' is a file: URL; not read",
            "feeds/local/feed.xml:13: warning: podcast:chapters 'notes.txt' is not a .json file; not read",
            "feeds/local/feed.xml:14: warning: podcast:chapters 'missing.json' does not exist in the feed's folder; not read",
        ])
    }

    @Test("symlinks are resolved: a link leading out of the folder is refused, one inside is read; files over 1 MiB are refused")
    func symlinksAndSize() throws {
        let files = FileManager.default
        let root = files.temporaryDirectory.appending(path: "shownotes-feed-\(UUID().uuidString)")
        let folder = root.appending(path: "feed")
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: root) }
        let chapters = #"{"version":"1.2.0","chapters":[{"startTime":1.5,"title":"Go"}]}"#
        try Data(chapters.utf8).write(to: root.appending(path: "outside.json"))
        try Data(chapters.utf8).write(to: folder.appending(path: "inside.json"))
        try files.createSymbolicLink(atPath: folder.appending(path: "escape.json").path, withDestinationPath: "../outside.json")
        try files.createSymbolicLink(atPath: folder.appending(path: "alias.json").path, withDestinationPath: "inside.json")
        try Data(repeating: 0x20, count: (1 << 20) + 1).write(to: folder.appending(path: "huge.json"))
        let (episodes, diagnostics) = try FeedFixtures.episodes("""
        <item><title>A</title><podcast:chapters url="escape.json" type="application/json"/></item>
        <item><title>B</title><podcast:chapters url="alias.json" type="application/json"/></item>
        <item><title>C</title><podcast:chapters url="huge.json" type="application/json"/></item>
        """, folder: folder.path)
        #expect(episodes.map { $0.feed?.chaptersFile?.status } == [.refused, .read, .refused])
        #expect(rendered(episodes[1].chapters) == ["0:01.500 Go"])
        #expect(episodes[0].chapters.isEmpty)
        #expect(diagnostics == [
            "mem.xml:6: warning: podcast:chapters 'escape.json' leads out of the feed's folder; not read",
            "mem.xml:8: warning: podcast:chapters 'huge.json' is larger than 1 MiB; not read",
        ])
    }

    @Test("the Podcasting 2.0 JSON examples: exact times, silent chapter kept and marked")
    func namespaceExamples() throws {
        let files = FileManager.default
        let folder = files.temporaryDirectory.appending(path: "shownotes-json-\(UUID().uuidString)")
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: folder) }
        for name in ["docs_examples_chapters_example.json", "docs_examples_chapters_exampleComplex.json"] {
            try Data(Fixtures.bytes("feeds/podcastindex/" + name)).write(to: folder.appending(path: name))
        }
        let (episodes, diagnostics) = try FeedFixtures.episodes("""
        <item><title>Simple</title><podcast:chapters url="docs_examples_chapters_example.json" type="application/json+chapters"/></item>
        <item><title>Complex</title><podcast:chapters url="docs_examples_chapters_exampleComplex.json" type="application/json+chapters"/></item>
        """, folder: folder.path)
        #expect(diagnostics.isEmpty)
        #expect(episodes[0].chapters.map(\.startTime) == [0, 168, 260, 410, 3990, 4600, 5510, 5854, 6089])
        #expect(episodes[1].chapters.map(\.startTime) == [0, 168, 260, 410, 3990, 4200, 4600, 4826, 5510, 5854, 6089])
        let silent = episodes[1].chapters[7]
        #expect(silent.toc == false)
        #expect(silent.title == "")
        #expect(silent.img == "https://example.com/images/parisfrance.jpg")
        #expect(episodes[1].chapters[3].url == "https://github.com/Podcastindex-org/podcast-namespace")
    }

    @Test("podcast:chapters under an undeclared prefix and both namespace URIs is recognised")
    func namespaces() throws {
        let undeclared = try #require(try FeedFixtures.read("podcastparser/episode_podcast_chapters.rss").episodes.first)
        #expect(undeclared.feed?.chaptersFile == ChaptersFile(url: "https://example.com/1/chapters.json", type: "application/json", status: .remote))
        let official = try FeedFixtures.read("podcastindex/example.xml").episodes
        #expect(official.contains { $0.feed?.chaptersFile?.status == .remote })
    }

    @Test("deep links: enclosure URL with #t=SECONDS, an existing fragment replaced, a chapter's own link kept")
    func deepLinks() {
        #expect(FeedEpisode.deepLink("https://a.example/x.mp3", 62.5) == "https://a.example/x.mp3#t=62.5")
        #expect(FeedEpisode.deepLink("https://a.example/x.mp3#t=5", 3723) == "https://a.example/x.mp3#t=3723")
    }
}
