#if canImport(Glibc)
import Glibc
#endif
import ShowNotesCore

/// What the query target does with an input: parse it as a query typed by a user and run it
/// against the sample index in every way `search` can (see `exercise`).
public enum QueryFuzz {
    /// libFuzzer calls the target from one thread only, so the shared searcher is never raced.
    nonisolated(unsafe) static let searcher: Searcher? = {
        let folder = ScratchFolder.path + "/query"
        _ = mkdir(folder, 0o700)
        let bytes = SampleIndex.feeds()
        guard bytes.withUnsafeBytes({ ScratchFolder.write($0, to: IndexFormat.fileName, in: folder) }),
              let reader = try? IndexReader(path: IndexStore.filePath(in: folder)) else { return nil }
        return Searcher(reader: reader)
    }()

    public static func run(_ data: UnsafeRawBufferPointer) {
        guard let searcher else { preconditionFailure("the sample index could not be built") }
        exercise(searcher, SearchQuery(String(decoding: data, as: UTF8.self)))
    }

    /// What `shownotes search` can ask of a query: results as by default, results with every
    /// option on (typo matching, date order, a date range, explanations, no per-episode cap),
    /// one result, counts, and a spelling correction.
    static func exercise(_ searcher: Searcher, _ query: SearchQuery) {
        _ = try? searcher.search(SearchRequest(query))
        _ = try? searcher.search(SearchRequest(query, limit: 25, perEpisode: 0, order: .date,
                                               dates: DateRange(from: 20_200_101, until: 20_300_101), explain: true, typos: .fuzzy))
        _ = try? searcher.search(SearchRequest(query, limit: 1, perEpisode: 1, typos: .exact))
        _ = try? searcher.count(SearchRequest(query))
        _ = try? searcher.countChapters(query)
        _ = try? searcher.correction(for: query)
    }
}
