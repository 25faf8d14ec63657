import Foundation
@testable import ShowNotesCore
import Testing

@Suite("Feed items become episodes")
struct FeedElementTests {
    @Test("an RSS item gives title, guid, link, date, enclosure, duration, number, season and author")
    func rssItemFields() throws {
        let result = try FeedFixtures.read("full.xml")
        #expect(result.episodes.count == 3)
        let first = try #require(result.episodes.first)
        #expect(first.title == "Hill Repeats")
        #expect(first.podcast == "Trail Talk")
        #expect(first.guid == "tt-12")
        #expect(first.link == "https://trail.example/12")
        #expect(first.published == "2003-06-10T04:00:00Z")
        #expect(first.audio == "https://cdn.trail.example/12.mp3#old")
        #expect(first.duration == 3723)
        #expect(first.number == 12)
        #expect(first.source == "feeds/full.xml")
        let details = try #require(first.feed)
        #expect(details.audioType == "audio/mpeg")
        #expect(details.audioLength == 1_234_567)
        #expect(details.season == 2)
        #expect(details.author == "Ana Lima")
        #expect(result.diagnostics.isEmpty)
    }

    @Test("podcast:transcript elements are recorded with type, language and rel")
    func transcripts() throws {
        let first = try #require(try FeedFixtures.read("full.xml").episodes.first)
        #expect(first.feed?.transcripts == [
            Transcript(url: "https://trail.example/12.vtt", type: "text/vtt", language: "en", rel: "captions"),
            Transcript(url: "https://trail.example/12.srt", type: "application/srt"),
        ])
    }

    @Test("item-level podcast:person replaces the channel's; role defaults to host and is lower-cased")
    func persons() throws {
        let episodes = try FeedFixtures.read("full.xml").episodes
        #expect(episodes[0].people == [Person(name: "Chris Moss", role: "guest")])
        #expect(episodes[1].people == [Person(name: "Ana Lima", role: "host"), Person(name: "Ben Ode", role: "producer")])
    }

    @Test("a one-line description teaser gives way to a longer itunes:summary")
    func teaserFallback() throws {
        let first = try #require(try FeedFixtures.read("full.xml").episodes.first)
        #expect(rendered(first.chapters) == ["0:00 Warm-up talk", "5:30 Why hills work", "20:15 A session for beginners"])
        #expect(first.feed?.chaptersFrom == "notes")
    }

    @Test("an escaped-HTML description is read through the HTML path")
    func htmlDescription() throws {
        let third = try FeedFixtures.read("full.xml").episodes[2]
        #expect(rendered(third.chapters) == ["0:00 Intro", "4:10 Intervals", "15:00 Questions"])
        #expect(third.published == "2024-01-01T10:00:00-05:00")
    }

    @Test("a plain description is the summary when nothing else is there")
    func plainDescription() throws {
        let second = try FeedFixtures.read("full.xml").episodes[1]
        #expect(second.summary.hasPrefix("We talk about long runs"))
        #expect(second.published == "2024-02-03T18:30:00+05:30")
        #expect(second.duration == 2730)
    }

    @Test("content:encoded is preferred over description")
    func contentEncodedFirst() throws {
        let (episodes, _) = try FeedFixtures.episodes("""
        <item><title>T</title><description>Description text that is rather long, long enough to be a paragraph of its own here.</description>
        <content:encoded><![CDATA[<p>Encoded body.</p><h2>Key Takeaways</h2><ul><li>Run easy.</li></ul>]]></content:encoded></item>
        """)
        #expect(episodes.first?.takeaways == ["Run easy."])
    }

    @Test("Atom entries: alternate link, enclosure link, published over updated, author name, xhtml content")
    func atom() throws {
        let feed = try FeedFixtures.readFeed("atom.xml")
        #expect(feed.title == "Ultra Notes")
        #expect(feed.episodes.count == 2)
        let first = feed.episodes[0]
        #expect(first.guid == "urn:uuid:ultra-2")
        #expect(first.link == "https://ultra.example/2")
        #expect(first.audio == "https://ultra.example/2.ogg")
        #expect(first.feed?.audioType == "audio/ogg")
        #expect(first.published == "2024-05-02T08:00:00+02:00")
        #expect(first.feed?.author == "Mia Fox")
        #expect(first.takeaways == ["Test your headlamp & spare batteries.", "Eat before you feel hungry."])
        #expect(first.links == [Link(text: "lamps", url: "https://ultra.example/lamps")])
        #expect(feed.episodes[1].summary == "Running in the heat: 00:00 Intro, and more.")
        #expect(feed.episodes[1].published == "2024-04-20T08:00:00Z")
    }

    @Test("RSS 1.0 (RDF) items are read")
    func rdf() throws {
        let feed = try FeedFixtures.readFeed("rdf.xml")
        #expect(feed.title == "Relay Radio")
        let only = try #require(feed.episodes.first)
        #expect(feed.episodes.count == 1)
        #expect(only.title == "Baton Passing")
        #expect(only.link == "https://relay.example/1")
        #expect(only.published == "2023-09-01T12:00:00+01:00")
        #expect(only.feed?.author == "Sam Hill")
    }

    @Test("itunes:duration in seconds, MM:SS and H:MM:SS, fractions kept", arguments: [
        ("3600", 3600.0), ("62:03", 3723), ("1:02:03", 3723), ("00:20:00.500", 1200.5), ("1234.5", 1234.5),
    ])
    func durations(written: String, seconds: Double) throws {
        let (episodes, _) = try FeedFixtures.episodes("<item><title>D</title><itunes:duration>\(written)</itunes:duration></item>")
        #expect(episodes.first?.duration == seconds)
    }

    @Test("an unreadable itunes:duration is a warning, not a guess")
    func badDuration() throws {
        let (episodes, diagnostics) = try FeedFixtures.episodes("<item><title>D</title><itunes:duration>about an hour</itunes:duration></item>")
        #expect(episodes.first?.duration == nil)
        #expect(diagnostics == ["mem.xml:6: warning: itunes:duration 'about an hour' is not a time; ignored"])
    }

    @Test("parse --json of a feed episode keeps exactly the parser issue's keys")
    func jsonKeys() throws {
        let first = try #require(try FeedFixtures.read("full.xml").episodes.first)
        guard case .object(let pairs) = first.json else {
            Issue.record("not an object")
            return
        }
        #expect(pairs.map(\.0) == ["audio", "chapters", "duration", "guid", "kind", "link", "links", "people", "podcast",
                                   "published", "sections", "source", "summary", "takeaways", "title"])
    }

    @Test("the sample podcast's feed: HTML notes, JSON chapters beside it, Podlove chapters, notes chapters")
    func sampleFeed() throws {
        let path = FeedFixtures.repository.appending(path: "Feeds/the-long-run/feed.xml").path
        let result = try FeedReader.read(path: path, display: "Feeds/the-long-run/feed.xml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.episodes.map(\.number) == [5, 4, 3])
        #expect(result.episodes.map { $0.feed?.chaptersFrom } == ["podcast:chapters", "psc:chapters", "notes"])
        #expect(result.episodes.allSatisfy { $0.podcast == "The Long Run" && $0.takeaways.count == 3 && !$0.summary.isEmpty })
        #expect(result.episodes[0].chapters.contains { $0.toc == false })
        #expect(result.episodes[1].chapters.map(\.startTime) == [0, 108.5, 725, 1470.25, 2170])
    }

    @Test("the streaming API hands over the same episodes, in order, and the diagnostics at the end")
    func streaming() throws {
        var streamed: [Episode] = []
        let summary = try FeedReader.read(path: FeedFixtures.path("damaged/entities.xml"), display: "feeds/damaged/entities.xml") { streamed.append($0) }
        let collected = try FeedFixtures.read("damaged/entities.xml")
        #expect(streamed == collected.episodes)
        #expect(summary.episodes == 3)
        #expect(summary.title == "Track & Field")
        #expect(summary.diagnostics == collected.diagnostics)
    }
}
