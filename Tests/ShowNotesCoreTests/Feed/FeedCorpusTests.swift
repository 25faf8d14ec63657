import Foundation
import ShowNotesCore
import Testing

@Suite("Real feeds")
struct FeedCorpusTests {
    static let podcastparserFeeds = Fixtures.files(in: "feeds/podcastparser").filter { $0.hasSuffix(".rss") }

    /// podcastparser's expected episodes for `name.rss`: titles and chapters (whole seconds).
    static func expected(_ rss: String) throws -> [(title: String, chapters: [String])] {
        let json = String(rss.dropLast(4)) + ".json"
        let object = try JSONSerialization.jsonObject(with: Data(Fixtures.bytes(json))) as? [String: Any]
        let episodes = object?["episodes"] as? [[String: Any]] ?? []
        return episodes.map { episode in
            let chapters = (episode["chapters"] as? [[String: Any]] ?? []).map { chapter in
                "\((chapter["start"] as? Int) ?? -1) \(chapter["title"] as? String ?? "")"
            }
            return (episode["title"] as? String ?? "", chapters)
        }
    }

    @Test("podcastparser's test feeds: same item count, titles and chapters (our fractions truncated as it does)", arguments: podcastparserFeeds)
    func podcastparser(file: String) throws {
        let ours = try FeedReader.read(path: Fixtures.root.appending(path: file).path, display: file).episodes
        let theirs = try Self.expected(file)
        #expect(ours.count == theirs.count)
        for (episode, reference) in zip(ours, theirs) {
            // podcastparser makes a title from the audio file's name when an item has none; ShowNotes leaves it out.
            let fileStem = episode.audio?.split(separator: "/").last?.split(separator: ".").first.map(String.init)
            #expect((episode.title ?? fileStem ?? "") == reference.title)
            let explicit = episode.feed?.chaptersFrom == "psc:chapters" ? episode.chapters : []
            #expect(explicit.map { "\(Int($0.startTime)) \($0.title)" } == reference.chapters)
        }
    }

    @Test("every file of the shared real corpus is read with no crash and no hang",
          .enabled(if: FeedFixtures.hasCorpus, "needs ../shared/corpus/real (skipped: not on this machine)"))
    func wholeCorpus() throws {
        let found = SourceFiles.discover([FeedFixtures.corpus.path])
        #expect(found.errors.isEmpty)
        #expect(found.sources.count > 100)
        let clock = ContinuousClock()
        for source in found.sources {
            let elapsed = clock.measure { _ = try? SourceReader.read(source) }
            #expect(elapsed < .seconds(5), "\(source.display) took \(elapsed)")
        }
    }

    @Test("real feeds give the items their files hold",
          .enabled(if: FeedFixtures.hasCorpus, "needs ../shared/corpus/real (skipped: not on this machine)"), arguments: [
        ("ryanhirsch_partytime/real-world_no-agenda.xml", 29), ("ryanhirsch_partytime/real-world_sentimental-garbage.xml", 138),
        ("ryanhirsch_partytime/pc20rss.xml", 56), ("jbierfeldt_podcast-feed-parser/bc-sample-bad.xml", 4),
        ("antennapod_antennapod/feed-atom-testAtomBasic.xml", 10), ("antennapod_antennapod/feed-rss-testRss2Basic.xml", 10),
    ])
    func realFeeds(file: String, items: Int) throws {
        let path = FeedFixtures.corpus.appending(path: file).path
        let result = try FeedReader.read(path: path, display: file)
        #expect(result.episodes.count == items)
        let raw = try String(contentsOfFile: path, encoding: .utf8)
        #expect(raw.components(separatedBy: "<item>").count - 1 + raw.components(separatedBy: "<item ").count - 1
                + raw.components(separatedBy: "<entry>").count - 1 == items)
    }
}
