@testable import ShowNotesSearch
import Testing

@Suite("--explain: the BM25F terms behind a score")
struct ExplainTests {
    @Test("the explanation adds up to the score, part by part and field by field")
    func addsUp() throws {
        let searcher = Searcher(reader: try SearchIndex.seeds())
        let hits = try searcher.search(SearchRequest(SearchQuery("team culture"), limit: 5, explain: true)).hits
        #expect(!hits.isEmpty)
        for hit in hits {
            let explanation = try #require(hit.explanation)
            #expect(abs(explanation.score - hit.score) < 1e-9)
            #expect(explanation.parts.count == 2)
            for part in explanation.parts {
                #expect(abs(part.fields.reduce(0) { $0 + $1.share } - part.score) < 1e-9)
                #expect(abs(part.fields.reduce(0) { $0 + $1.pseudoFrequency } - part.pseudoFrequency) < 1e-9)
                #expect(part.idf > 0)
            }
        }
    }

    @Test("a chapter whose own title matches shows the own field with its length norm; context fields follow")
    func ownField() throws {
        let searcher = Searcher(reader: try SearchIndex.seeds())
        let hits = try searcher.search(SearchRequest(SearchQuery("team culture"), limit: 1, explain: true)).hits
        let part = try #require(hits.first?.explanation?.parts.first)
        let own = try #require(part.fields.first)
        #expect(own.name == "own")
        #expect(own.length >= 1 && own.averageLength >= 1)
        #expect(abs(own.normaliser - (1 - Explanation.b + Explanation.b * own.length / own.averageLength)) < 1e-9)
        #expect(part.fields.dropFirst().allSatisfy { ["title", "podcast", "people", "notes"].contains($0.name) })
    }

    @Test("a moment that matches only through its episode's context shows the discount")
    func inheritedDiscount() throws {
        let searcher = Searcher(reader: try SearchIndex.library())
        let hits = try searcher.search(SearchRequest(SearchQuery("hill"), limit: 20, perEpisode: 0, explain: true)).hits
        let welcome = try #require(hits.first { $0.title == "Welcome" }?.explanation)
        #expect(welcome.discount == 0.8)
        #expect(welcome.parts.allSatisfy { part in !part.fields.contains { $0.name == "own" } })
        let own = try #require(hits.first { $0.title == "Hill repeats explained" }?.explanation)
        #expect(own.discount == 1)
    }

    @Test("without --explain no explanation is computed")
    func offByDefault() throws {
        let hits = try Searcher(reader: try SearchIndex.seeds()).search(SearchRequest(SearchQuery("team"), limit: 3)).hits
        #expect(hits.allSatisfy { $0.explanation == nil })
    }
}
