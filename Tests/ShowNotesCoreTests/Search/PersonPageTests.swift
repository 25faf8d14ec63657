@testable import ShowNotesSearch
import Testing

@Suite("Person pages: a page about a person is linked to the episodes they appear in")
struct PersonPageTests {
    @Test("person:\"Joe Klecker\" over the seeds lists his page's sections and both episodes' moments")
    func joeKlecker() throws {
        let searcher = Searcher(reader: try SearchIndex.seeds())
        let hits = try searcher.search(SearchRequest(SearchQuery("person:\"Joe Klecker\""), limit: 200, perEpisode: 0)).hits
        #expect(Set(hits.map(\.source)) == Set(SearchIndex.seedNames))
        let page = hits.filter { $0.source == "000_ca59e2d5305baa36.txt" }
        #expect(page.contains { $0.kind == .section && $0.title == "Personal and early life" })
        // Seed 001 lists him among its people, seed 002 names him in its title.
        #expect(page.allSatisfy { $0.appearances == 2 })
        #expect(hits.filter { $0.source != "000_ca59e2d5305baa36.txt" }.allSatisfy { $0.appearances == nil })
        #expect(hits.contains { $0.source == "001_2eff8da3e8fc761c.txt" && $0.kind == .chapter })
    }

    @Test("a person's page appears in the episodes that list them; a topic page appears in none")
    func appearances() throws {
        let searcher = Searcher(reader: try SearchIndex.library())
        let baking = try searcher.search(SearchRequest(SearchQuery("sourdough"), limit: 20)).hits
        #expect(baking.first { $0.source == "people/ana-ruiz.txt" }?.appearances == 2)
        let topic = try searcher.search(SearchRequest(SearchQuery("jog"), limit: 20)).hits
        #expect(topic.first?.source == "topics/hill-repeats.txt")
        #expect(topic.first?.appearances == nil)
    }
}
