import ShowNotesCore
@testable import ShowNotesSearch

/// Everything `search` and `stats` can ask of an index, for the damage sweeps: statistics,
/// metadata, and each query as by default, with every option on (typo matching, date order,
/// a date range, explanations), as a count, and as a spelling correction.
enum SearchExercise {
    /// Runs it all on `reader`; true when some part reported corruption (threw).
    static func run(_ reader: IndexReader, queries: [String]) -> Bool {
        var reported = false
        func attempt(_ work: () throws -> Void) {
            do { try work() } catch { reported = true }
        }
        attempt { _ = try IndexStatistics(reader) }
        attempt { _ = try reader.metadata("manifest") }
        let searcher = Searcher(reader: reader)
        for text in queries {
            let query = SearchQuery(text)
            attempt { _ = try searcher.search(SearchRequest(query)) }
            attempt {
                _ = try searcher.search(SearchRequest(query, limit: 25, perEpisode: 0, order: .date,
                                                      dates: DateRange(from: 20_000_101, until: 20_990_101), explain: true, typos: .fuzzy))
            }
            attempt { _ = try searcher.count(SearchRequest(query)) }
            attempt { _ = try searcher.countChapters(query) }
            attempt { _ = try searcher.correction(for: query) }
        }
        return reported
    }
}
