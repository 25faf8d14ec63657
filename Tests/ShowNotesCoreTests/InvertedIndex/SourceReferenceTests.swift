import Foundation
@testable import ShowNotesCore
@testable import ShowNotesSearch
import Testing

/// Moment texts stored as references into their source files (`StoredText`): found only
/// where the bytes are equal, read back whole, and never shown wrong when a source changes.
@Suite("Texts stored as references into their sources")
struct SourceReferenceTests {
    static let source = """
        Ep. 3: Altitude

        EPISODE INTRO

        Coach Lena explains why altitude camps work for some runners.

        EPISODE SUMMARY

        We talk about red blood cells, sleep and the long run.
        - Sleep high, train low when you can.
        [12:30] Why altitude camps help endurance athletes
        """

    static func roundTrip(_ text: String, in source: String) -> (decoded: String, spans: [SourceSpan], stored: Int) {
        var cursor = 0
        var budget = 16 * source.utf8.count
        let bytes = Array(source.utf8)
        let spans = bytes.withUnsafeBytes { StoredText.find(text, in: $0, from: &cursor, budget: &budget) }
        var writer = ByteWriter()
        StoredText.encode(text, spans: spans, to: &writer)
        let decoded = writer.bytes.withUnsafeBytes { stored in
            bytes.withUnsafeBytes { try? StoredText.decode(stored, source: $0) }
        }
        return (decoded ?? "<corrupt>", spans, writer.count)
    }

    @Test("paragraphs found apart are stored as spans; what the source lacks stays literal; all reads back whole")
    func roundTrips() {
        let summary = "Coach Lena explains why altitude camps work for some runners.\n\nWe talk about red blood cells, sleep and the long run."
        let joined = Self.roundTrip(summary, in: Self.source)
        #expect(joined.decoded == summary)
        #expect(joined.spans.count == 2)
        #expect(joined.stored < 12)

        let chapter = Self.roundTrip("Why altitude camps help endurance athletes", in: Self.source)
        #expect(chapter.spans.map(\.textStart) == [0])
        #expect(chapter.decoded == "Why altitude camps help endurance athletes")

        // A decoded entity is not in the source: literal, and still whole.
        let partly = "Sleep high, train low when you can.\n\nFuel & recover: “carbs” first."
        let mixed = Self.roundTrip(partly, in: Self.source)
        #expect(mixed.decoded == partly)
        #expect(mixed.spans.count == 1)

        // Short pieces and a section's heading/text separator.
        for text in ["Sleep", "Ep. 3\u{1F}We talk about red blood cells, sleep and the long run.", "", "é ü 🎧 not there at all, not anywhere"] {
            #expect(Self.roundTrip(text, in: Self.source).decoded == text)
        }
        #expect(Self.roundTrip("Sleep", in: Self.source).spans.isEmpty)
    }

    @Test("a source that holds none of the texts is searched a bounded number of times, not once per text")
    func boundedSearch() {
        let source = Array(String(repeating: "lorem ipsum dolor sit amet ", count: 4000).utf8)
        var cursor = 0
        var budget = 16 * source.count
        var searchedTexts = 0
        source.withUnsafeBytes { raw in
            for number in 0..<1000 where budget > 0 {
                _ = StoredText.find("a chapter title that is not there \(number)", in: raw, from: &cursor, budget: &budget)
                searchedTexts += 1
            }
        }
        #expect(budget <= 0)
        #expect(searchedTexts <= 17)
    }

    /// The moment texts of every source under `folder`, in index order, as reading gives them.
    static func expectedTexts(_ folder: BuildFolder) throws -> [String] {
        let analyzer = EpisodeAnalyzer()
        var texts: [String] = []
        for source in IndexSources.discover([folder.sources]).sources {
            let bytes = try #require(FileManager.default.contents(atPath: source.file.path))
            let analyses = try SourceOutcome.read(source, bytes: Array(bytes), analyzer: analyzer).episodes.analyses()
            for analysis in analyses { texts += analysis.moments.map(\.text) }
        }
        return texts
    }

    @Test("an index of the fixtures reads back every moment's text; notes files use their source, the feed does not")
    func wholeIndex() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        try folder.build(cache: IndexBuildOptions.Cache.none)
        let reader = try IndexReader(path: IndexStore.filePath(in: folder.index))
        let expected = try Self.expectedTexts(folder)
        #expect(expected.count == reader.momentCount)
        var texts = try MomentTextReader(reader: reader)
        var store = try reader.momentTexts()
        var episodeTexts = try reader.episodeTexts()
        var referencing: Set<String> = []
        for moment in 0..<reader.momentCount {
            let episode = try reader.episode(ofMoment: moment)
            let path = try episodeTexts.text(episode * EpisodeString.allCases.count + EpisodeString.source.rawValue)
            #expect(try texts.text(moment, episode: episode, path: path) == expected[moment])
            if try store.item(moment, { raw throws(IndexCorruption) in try StoredText.usesSource(raw) }) { referencing.insert(path) }
        }
        #expect(texts.unavailable.isEmpty)
        #expect(referencing.isSuperset(of: ["the-long-run/02-altitude-without-the-mountain.txt", "the-long-run/01-building-a-team-culture.md",
                                           "the-long-run/03-race-day-fueling.html", "people/maria-santos.txt"]))
        #expect(!referencing.contains("the-long-run/feed.xml"))
    }

    @Test("a changed or missing source: its hits say the text is unavailable, and one warning names the file")
    func staleSource() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        try folder.build()
        let path = folder.sources + "/the-long-run/02-altitude-without-the-mountain.txt"
        let before = try CLITests.run(["search", "altitude", "--json", "--limit", "1", "--index", folder.index])
        #expect(before.status == 0 && before.stderr.isEmpty)
        #expect(!before.stdout.contains(Searcher.unavailableText))

        try (try String(contentsOfFile: path, encoding: .utf8) + "\nOne more line.\n").write(toFile: path, atomically: true, encoding: .utf8)
        let changed = try CLITests.run(["search", "altitude", "--json", "--limit", "1", "--index", folder.index])
        #expect(changed.status == 0)
        #expect(changed.stdout.contains(Searcher.unavailableText))
        #expect(changed.stderr == "warning: the-long-run/02-altitude-without-the-mountain.txt: changed since the index was built; its texts are not shown (rebuild with `shownotes index`)\n")

        try FileManager.default.removeItem(atPath: path)
        let missing = try CLITests.run(["search", "altitude", "--limit", "1", "--index", folder.index])
        #expect(missing.status == 0)
        #expect(missing.stderr.hasPrefix("warning: the-long-run/02-altitude-without-the-mountain.txt: not found beside the index"))
        // Many hits are made on two threads: the file is still named once.
        let many = try CLITests.run(["search", "altitude", "--limit", "20", "--per-episode", "0", "--index", folder.index])
        #expect(many.stdout.components(separatedBy: Searcher.unavailableText).count - 1 >= 2 * Searcher.hitsWorthASecondThread / 3)
        #expect(many.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1)
    }
}
