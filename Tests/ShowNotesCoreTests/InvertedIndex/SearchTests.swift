import Foundation
import ShowNotesCore
@testable import ShowNotesSearch
import Testing

/// Builds an index of the three seeds in a temporary folder and opens it.
private func seedIndex() throws -> (IndexReader, [UInt8]) {
    var builder = IndexBuilder()
    let analyzer = EpisodeAnalyzer()
    for name in ["000_ca59e2d5305baa36.txt", "001_2eff8da3e8fc761c.txt", "002_34d4776603aabbc7.txt"] {
        builder.add(try Fixtures.parse("seeds/" + name).episode, source: name, analyzer: analyzer)
    }
    let bytes = builder.serialize()
    let folder = FileManager.default.temporaryDirectory.appending(path: "shownotes-test-\(UUID().uuidString)").path
    try IndexStore.write(bytes, to: folder)
    defer { try? FileManager.default.removeItem(atPath: folder) }   // the mapping outlives the name
    return (try IndexReader(path: IndexStore.filePath(in: folder)), bytes)
}

@Suite("Index and search over the seeds")
struct SearchTests {
    @Test("team culture: the two team-culture chapters lead, the takeaway is in the top five")
    func teamCulture() throws {
        let (reader, _) = try seedIndex()
        let hits = try Searcher(reader: reader).search(SearchQuery("team culture"), limit: 5)
        #expect(Set(hits.prefix(2).map(\.title)) == ["The Role of Team Culture in Performance", "Creating a Strong Team Culture"])
        #expect(Set(hits.prefix(2).compactMap(\.start)) == [2363, 2531])
        #expect(hits.contains { $0.kind == .takeaway && $0.title.hasPrefix("A strong team culture can elevate individual performances") })
    }

    @Test("a phrase matches words in order; excluded words remove moments")
    func phraseAndExclusion() throws {
        let (reader, _) = try seedIndex()
        let searcher = Searcher(reader: reader)
        let phrase = try searcher.search(SearchQuery("\"storytelling in track\""), limit: 10)
        #expect(phrase.first?.title == "The Power of Storytelling in Track and Field")
        let excluded = try searcher.search(SearchQuery("team culture -creating"), limit: 50)
        #expect(!excluded.contains { $0.title == "Creating a Strong Team Culture" })
        #expect(try searcher.countChapters(SearchQuery("\"culture team\"")) == 0)
    }

    @Test("chapter counts follow the chapter contract: own title or episode context")
    func countContract() throws {
        let (reader, _) = try seedIndex()
        let searcher = Searcher(reader: reader)
        // "culture" is in seed 001's notes, so all 15 of its chapters match; seed 002's notes lack it.
        #expect(try searcher.countChapters(SearchQuery("culture")) == 15)
        #expect(try searcher.countChapters(SearchQuery("Tokyo")) == 14)
        #expect(try searcher.countChapters(SearchQuery("zzzzqx")) == 0)
    }

    @Test("any text is a query: hyphens, race times, apostrophes, stray quotes and dashes")
    func oddQueries() throws {
        let (reader, _) = try seedIndex()
        let searcher = Searcher(reader: reader)
        #expect(try !searcher.search(SearchQuery("tight-knit"), limit: 5).isEmpty)
        #expect(try !searcher.search(SearchQuery("12:54.99"), limit: 5).isEmpty)
        #expect(try !searcher.search(SearchQuery("10,000-meter"), limit: 5).isEmpty)
        for text in ["don't", "\"unbalanced quote", "-", "***", "OR", "title:", "a OR"] {
            _ = try searcher.search(SearchQuery(text), limit: 5)
        }
        #expect(try searcher.search(SearchQuery("person:\"Joe Klecker\" kind:section"), limit: 20).allSatisfy { $0.kind == .section })
    }

    @Test("the same episodes give byte-identical index files")
    func reproducible() throws {
        let (_, first) = try seedIndex()
        let (_, second) = try seedIndex()
        #expect(first == second)
    }

    @Test("a truncated or damaged index is refused or reported, never a crash")
    func damage() throws {
        let (_, bytes) = try seedIndex()
        let folder = FileManager.default.temporaryDirectory.appending(path: "shownotes-damage-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var generator = SystemRandomNumberGenerator()
        for round in 0..<40 {
            var damaged = bytes
            if round % 2 == 0 {
                damaged = Array(damaged.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
            } else {
                let offset = Int.random(in: 0..<bytes.count, using: &generator)
                damaged[offset] ^= UInt8.random(in: 1...255, using: &generator)
            }
            try IndexStore.write(damaged, to: folder)
            guard let reader = try? IndexReader(path: IndexStore.filePath(in: folder)) else { continue }
            _ = try? Searcher(reader: reader).search(SearchQuery("team culture"), limit: 10)
            _ = try? Searcher(reader: reader).search(SearchQuery("\"team culture\""), limit: 10)
        }
    }
}

@Suite("Analysis")
struct AnalyzerTests {
    @Test("compounds are indexed joined and split; stems follow Snowball English")
    func compounds() {
        let analyzer = Analyzer()
        #expect(analyzer.tokens("tight-knit").tokens.map(\.term) == ["tightknit", "tight", "knit"])
        #expect(analyzer.tokens("10,000-meter").tokens.map(\.term) == ["10000meter", "10000", "meter"])
        #expect(analyzer.tokens("Don’t").tokens.map(\.term) == ["dont"])
        #expect(analyzer.tokens("Café").tokens.map(\.term) == ["cafe"])
        // A sample of Snowball's published English word/stem pairs.
        let pairs = ["consign": "consign", "consigned": "consign", "consigning": "consign", "consignment": "consign",
                     "generously": "generous", "running": "run", "cultures": "cultur", "knightly": "knight"]
        for (word, stem) in pairs { #expect(analyzer.normalise(word) == stem, "\(word)") }
    }
}
