/// Builds an index file from sources: what `shownotes index` runs.
///
/// The same sources give the same bytes, whatever the order they are found in, the absolute
/// path they sit under, the number of threads and the state of the build cache: sources are
/// sorted by stored (relative) path, read on several threads but added in that order, and
/// the cache hands back exactly what reading would give (it is keyed by content hash).
///
/// Sources are read in chunks: while the main thread adds one chunk's episodes to the
/// index, the workers read the next. The index is written beside the old one and renamed
/// into place, under the index folder's lock.
public enum IndexBuild {
    /// Sources per chunk: small enough for a lively progress line and bounded memory.
    static let chunkSize = 64

    public static func run(_ options: IndexBuildOptions, events: (IndexBuildEvent) -> Void) throws(IndexBuildError) -> IndexBuildSummary {
        let found = IndexSources.discover(options.sources)
        for diagnostic in found.diagnostics { events(.diagnostic(diagnostic)) }
        guard found.errors.isEmpty else { throw .sources(found.errors) }

        let held: IndexStore.Lock?
        do {
            held = try IndexStore.lock(options.index)
        } catch {
            throw .write(error)
        }
        guard let lock = held else { throw .locked(options.index) }
        defer { withExtendedLifetime(lock) {} }
        var summary = IndexBuildSummary(path: IndexStore.filePath(in: options.index))
        summary.leftovers = IndexStore.removeLeftovers(in: options.index)

        var cache: AnalysisCache?
        if let folder = options.cacheFolder {
            do {
                cache = try AnalysisCache(folder: folder)
            } catch {
                events(.cacheUnavailable(error.what))
            }
        }

        let sources = found.sources
        events(.started(files: sources.count))
        var assembly = IndexAssembly(cache: cache, roots: try SourceRoots(sources, index: options.index), sources: sources.count)
        var unreadable: [InputError] = []
        let pool = AnalyzerPool(count: options.workers)
        let snapshot = cache?.snapshot

        func start(_ chunk: Int) -> ParallelBatch<Result<ResolvedSource, InputError>> {
            let part = Array(sources[chunk * chunkSize..<min(sources.count, (chunk + 1) * chunkSize)])
            return ParallelBatch(count: part.count, workers: options.workers) { worker, index in
                ResolvedSource.resolve(part[index], cache: snapshot, analyzer: pool.analyzers[worker])
            }
        }

        let chunks = (sources.count + chunkSize - 1) / chunkSize
        var pending = chunks > 0 ? start(0) : nil
        for chunk in 0..<chunks {
            guard let batch = pending else { break }
            let results = batch.wait()
            pending = chunk + 1 < chunks ? start(chunk + 1) : nil
            for (offset, result) in results.enumerated() {
                switch result {
                case .success(let resolved):
                    try assembly.take(resolved, of: sources[chunk * chunkSize + offset]) { events(.diagnostic($0)) }
                case .failure(let error):
                    unreadable.append(error)
                }
            }
            events(.progress(files: min(sources.count, (chunk + 1) * chunkSize), episodes: assembly.builder.episodeCount))
        }
        guard unreadable.isEmpty else { throw .sources(unreadable) }

        events(.writing)
        let bytes = assembly.serialize()
        do {
            try IndexStore.write(bytes, to: options.index)
        } catch {
            throw .write(error)
        }
        do {
            try cache?.save()
        } catch {
            events(.cacheUnavailable(error.what))
        }
        summary.files = sources.count
        summary.episodes = assembly.builder.episodeCount
        summary.moments = assembly.builder.momentCount
        summary.fromCache = assembly.fromCache
        summary.bytes = bytes.count
        return summary
    }
}

/// One `EpisodeAnalyzer` per worker (an analyzer is not thread-safe; worker `w` alone uses
/// `analyzers[w]`, and only one chunk is read at a time).
final class AnalyzerPool: @unchecked Sendable {
    let analyzers: [EpisodeAnalyzer]

    init(count: Int) { analyzers = (0..<max(1, count)).map { _ in EpisodeAnalyzer() } }
}
