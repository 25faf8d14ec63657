@testable import ShowNotesSearch
import Testing

@Suite("Filters and order: --podcast, --person, --kind, --after, --before, --sort")
struct FilterTests {
    private func sources(_ request: SearchRequest) throws -> Set<String> {
        Set(try Searcher(reader: try SearchIndex.library()).search(request).hits.map(\.source))
    }

    @Test("--podcast NAME is podcast:\"NAME\"")
    func podcast() throws {
        let query = SearchQuery("culture")
        #expect(try sources(SearchRequest(query, limit: 50)) == ["run/01.txt", "bread/01.txt", "bread/02.txt"])
        #expect(try sources(SearchRequest(query.requiring(.phrase("Bread Cast", .podcast)), limit: 50)) == ["bread/01.txt", "bread/02.txt"])
        #expect(try sources(SearchRequest(SearchQuery("culture podcast:\"Bread Cast\""), limit: 50)) == ["bread/01.txt", "bread/02.txt"])
    }

    @Test("--person NAME keeps the person's page and the episodes that list them")
    func person() throws {
        let query = SearchQuery("recovery").requiring(.phrase("Ana Ruiz", .person))
        #expect(try sources(SearchRequest(query, limit: 50)) == ["run/01.txt", "bread/01.txt", "people/ana-ruiz.txt"])
    }

    @Test("--kind keeps one kind of moment, as kind: does")
    func kind() throws {
        var query = SearchQuery("recovery")
        query.kinds = [.takeaway]
        let searcher = Searcher(reader: try SearchIndex.library())
        // Both takeaways of the hill episode match (its summary says "recovery"); the one that says it itself leads.
        let hits = try searcher.search(SearchRequest(query, limit: 50)).hits
        #expect(hits.map(\.title) == ["Recovery days matter as much as hard days.", "Hill repeats build strength without speed."])
        let one = try searcher.search(SearchRequest(query, limit: 50, perEpisode: 1)).hits
        #expect(one.map(\.title) == ["Recovery days matter as much as hard days."])
        #expect(one.first?.more == 1)
        #expect(try Searcher(reader: try SearchIndex.library()).count(SearchRequest(query)) == 2)
    }

    @Test("--after is inclusive, --before exclusive; undated episodes drop out of a date filter")
    func dates() throws {
        let query = SearchQuery("culture OR recovery")
        func within(_ after: String?, _ before: String?) throws -> Set<String> {
            let range = DateRange(from: after.flatMap(DateRange.day), until: before.flatMap(DateRange.day))
            return try sources(SearchRequest(query, limit: 50, dates: range))
        }
        #expect(try within("2024", nil) == ["run/02.txt", "bread/01.txt"])
        #expect(try within(nil, "2024") == ["run/01.txt"])
        #expect(try within("2024-02-10", "2024-06") == ["run/02.txt"])
        #expect(try within("2024-02-11", "2024-06-01") == [])
        #expect(try within(nil, nil).contains("bread/02.txt"))
    }

    @Test("--sort date lists the newest episode first, undated last")
    func sortByDate() throws {
        let request = SearchRequest(SearchQuery("culture"), limit: 50, order: .date)
        let hits = try Searcher(reader: try SearchIndex.library()).search(request).hits
        var order: [String] = []
        for hit in hits where order.last != hit.source { order.append(hit.source) }
        #expect(order == ["bread/01.txt", "run/01.txt", "bread/02.txt"])
        #expect(hits.first?.published == "2024-06-01")
    }

    @Test("dates are read as YYYY, YYYY-MM or YYYY-MM-DD, and nothing else")
    func dateParsing() {
        #expect(DateRange.day("2024") == 20240101)
        #expect(DateRange.day("2024-03") == 20240301)
        #expect(DateRange.day("2024-03-04") == 20240304)
        for bad in ["", "24", "2024-3", "2024-13", "2024-03-32", "2024/03/04", "２０２４", "2024-03-04T10:00"] {
            #expect(DateRange.day(bad) == nil, "\(bad)")
        }
        #expect(DateRange.publishedDay("2024-03-01T10:00:00+01:00") == 20240301)
    }
}
