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

        guard let lock = IndexStore.lock(options.index) else { throw .locked(options.index) }
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
        var builder = IndexBuilder()
        var manifest = SourceManifest(entries: [])
        manifest.entries.reserveCapacity(sources.count)
        var unreadable: [InputError] = []
        let pool = AnalyzerPool(count: options.workers)
        let snapshot = cache?.snapshot

        func start(_ chunk: Int) -> ParallelBatch<Result<ResolvedSource, InputError>> {
            let range = chunk * chunkSize..<min(sources.count, (chunk + 1) * chunkSize)
            let part = Array(sources[range])
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
                let source = sources[chunk * chunkSize + offset]
                let resolved: ResolvedSource
                switch result {
                case .success(let value): resolved = value
                case .failure(let error):
                    unreadable.append(error)
                    continue
                }
                for diagnostic in resolved.outcome.diagnostics { events(.diagnostic(diagnostic)) }
                switch resolved.outcome.episodes {
                case .analysed(let analyses):
                    for analysis in analyses { builder.add(analysis) }
                case .encoded(let pack, var offset, let count):
                    for _ in 0..<count {
                        do {
                            try builder.add(encoded: pack.bytes, offset: &offset)
                        } catch {
                            throw .damagedCache("\(source.file.display): \(error.what)")
                        }
                    }
                }
                manifest.entries.append(SourceManifest.Entry(
                    path: source.relative, hash: resolved.hash,
                    dependencies: resolved.outcome.dependencies.map { .init(path: source.relativeFolder + $0.path, hash: $0.hash) }))
                if let cache {
                    cache.remember(source.file.display, identity: resolved.identity, hash: resolved.hash)
                    let key = CacheSnapshot.key(source, hash: resolved.hash)
                    switch resolved.record {
                    case .cached(let place):
                        cache.keep(key, at: place)
                        summary.fromCache += 1
                    case .fresh(let record): cache.store(key, record: record)
                    case .uncached: break
                    }
                }
            }
            events(.progress(files: min(sources.count, (chunk + 1) * chunkSize), episodes: builder.episodeCount))
        }
        guard unreadable.isEmpty else { throw .sources(unreadable) }

        events(.writing)
        builder.metadata["manifest"] = manifest.text
        builder.metadata["fingerprint"] = BuildFingerprint.current
        let blocks = cache.map { TextBlockCache(snapshot: $0.snapshot) }
        builder.textBlocks = blocks
        let bytes = builder.serialize()
        do {
            try IndexStore.write(bytes, to: options.index)
        } catch {
            throw .write(error)
        }
        if let cache, let blocks { blocks.commit(to: cache) }
        do {
            try cache?.save()
        } catch {
            events(.cacheUnavailable(error.what))
        }
        summary.files = sources.count
        summary.episodes = builder.episodeCount
        summary.moments = builder.momentCount
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
