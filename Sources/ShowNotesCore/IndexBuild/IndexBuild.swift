import Synchronization

/// Builds an index file from sources: what `shownotes index` runs.
///
/// The same sources give the same bytes, whatever the order they are found in, the absolute
/// path they sit under, the number of threads and the state of the build cache: sources are
/// sorted by stored (relative) path and the cache hands back exactly what reading would give
/// (it is keyed by content hash).
///
/// The sorted sources are cut into runs of consecutive sources, a few per worker; each worker
/// takes the next run and reads, analyses and adds its sources to a segment of its own (no
/// thread waits for another while sources are read), and the segments are written, in
/// order, as one index (`IndexWriter`). The index is written beside the old one and renamed
/// into place, under the index folder's lock.
public enum IndexBuild {
    /// Runs per worker: enough that no worker is left with much to do while the others are
    /// done, few enough that joining the segments' terms stays cheap.
    static let runsPerWorker = 8

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
        let roots = try SourceRoots(sources, index: options.index)
        let pool = AnalyzerPool(count: options.workers)
        let snapshot = cache?.snapshot
        let progress = BuildProgress()
        let runs = max(1, min(sources.count, options.workers * runsPerWorker))
        let batch = ParallelBatch(count: runs, workers: options.workers) { [cache] worker, run in
            var segment = IndexAssembly()
            for source in sources[sources.count * run / runs..<sources.count * (run + 1) / runs] {
                switch ResolvedSource.resolve(source, cache: snapshot) {
                case .success(let resolved):
                    let before = segment.builder.episodeCount
                    do throws(IndexBuildError) {
                        try segment.take(resolved, of: source, roots: roots, cache: cache, analyzer: pool.analyzers[worker])
                    } catch {
                        segment.failure = error
                        return segment
                    }
                    progress.add(files: 1, episodes: segment.builder.episodeCount - before)
                case .failure(let error):
                    segment.unreadable.append(error)
                    progress.add(files: 1, episodes: 0)
                }
            }
            segment.builder.finish()
            return segment
        }
        let segments = batch.wait(tick: 0.25) {
            let (files, episodes) = progress.counts
            events(.progress(files: files, episodes: episodes))
        }
        for segment in segments {
            for diagnostic in segment.diagnostics { events(.diagnostic(diagnostic)) }
            if let failure = segment.failure { throw failure }
        }
        let unreadable = segments.flatMap(\.unreadable)
        guard unreadable.isEmpty else { throw .sources(unreadable) }
        let (files, episodes) = progress.counts
        events(.progress(files: files, episodes: episodes))

        events(.writing)
        let parts = IndexAssembly.serialize(segments, roots: roots, cache: cache)
        do {
            try IndexStore.write(parts: parts, to: options.index)
        } catch {
            throw .write(error)
        }
        do {
            try cache?.save()
        } catch {
            events(.cacheUnavailable(error.what))
        }
        summary.files = sources.count
        summary.episodes = segments.reduce(0) { $0 + $1.builder.episodeCount }
        summary.moments = segments.reduce(0) { $0 + $1.builder.momentCount }
        summary.fromCache = segments.reduce(0) { $0 + $1.fromCache }
        summary.bytes = parts.reduce(0) { $0 + $1.count }
        return summary
    }
}

/// How many sources and episodes the workers have added so far, for the progress line.
final class BuildProgress: Sendable {
    private let state = Mutex((files: 0, episodes: 0))

    func add(files: Int, episodes: Int) {
        state.withLock { $0 = ($0.files + files, $0.episodes + episodes) }
    }

    var counts: (files: Int, episodes: Int) { state.withLock { $0 } }
}

/// One `EpisodeAnalyzer` per worker (an analyzer is not thread-safe; worker `w` alone uses
/// `analyzers[w]`, and one batch of runs is read at a time).
final class AnalyzerPool: @unchecked Sendable {
    let analyzers: [EpisodeAnalyzer]

    init(count: Int) { analyzers = (0..<max(1, count)).map { _ in EpisodeAnalyzer() } }
}
