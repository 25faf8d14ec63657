#if canImport(Glibc)
import Glibc
#endif
import ShowNotesCore

/// What the index target does with an input: take it as the bytes of an index file, then open
/// it, search it, count it and verify it as `search`, `stats` and `index --verify` would.
/// Every failure must be a thrown `IndexCorruption` (or an open error), never a crash or a hang.
public enum IndexFuzz {
    public static func run(_ data: UnsafeRawBufferPointer) {
        guard ScratchFolder.write(data, to: IndexFormat.fileName) else { return }
        let path = IndexStore.filePath(in: ScratchFolder.path)
        _ = IndexVerifier.verify(path: path)
        guard let reader = try? IndexReader(path: path) else { return }
        _ = try? IndexStatistics(reader)
        _ = try? reader.metadata("manifest")
        _ = try? reader.metadata("fingerprint")
        let searcher = Searcher(reader: reader)
        for query in SampleIndex.queries { QueryFuzz.exercise(searcher, SearchQuery(query)) }
    }
}

/// What the query target does with an input: parse it as a query typed by a user and run it
/// against the sample index (results, counts, and a one-result search).
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
