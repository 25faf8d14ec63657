/// One segment of the index being put together: the sources of one run of consecutive
/// sources, taken in stored-path order on one worker thread. Their episodes go to the
/// segment's `IndexBuilder`, their hashes to its part of the manifest, and what the cache
/// should keep or store to the cache. `serialize` joins the segments, in order, into the
/// index file.
struct IndexAssembly: Sendable {
    var builder = IndexBuilder()
    var manifest: [SourceManifest.Entry] = []
    /// What was noticed while reading, in source order.
    var diagnostics: [Diagnostic] = []
    /// Sources that could not be read.
    var unreadable: [InputError] = []
    /// Sources whose episodes came from the cache.
    var fromCache = 0
    /// A cached analysis that did not decode: the segment stops there.
    var failure: IndexBuildError?

    /// Adds one source: from the cache, or read and analysed now by `analyzer` (and then
    /// stored to the cache, when there is one).
    mutating func take(_ resolved: ResolvedSource, of source: IndexSource, roots: SourceRoots, cache: AnalysisCache?,
                       analyzer: EpisodeAnalyzer) throws(IndexBuildError) {
        builder.beginSource(root: roots.number(of: source), contentHash: UInt64(resolved.hash, radix: 16) ?? 0)
        let outcome: SourceOutcome
        var record: [UInt8]? = cache == nil ? nil : []
        switch resolved.found {
        case .cached(let cached, _):
            outcome = cached
            try outcome.episodes.withEncodings { (bytes, offset, count) throws(IndexBuildError) in
                var offset = offset
                for _ in 0..<count {
                    do throws(IndexCorruption) {
                        try builder.add(encoded: bytes, offset: &offset)
                    } catch {
                        throw .damagedCache("\(source.file.display): \(error.what)")
                    }
                }
            }
        case .contents(let bytes):
            outcome = SourceOutcome.read(source, bytes: bytes, analyzer: analyzer, adding: &builder, record: &record)
        }
        diagnostics += outcome.diagnostics
        manifest.append(SourceManifest.Entry(
            path: source.relative, hash: resolved.hash,
            dependencies: outcome.dependencies.map { .init(path: source.relativeFolder + $0.path, hash: $0.hash) }))
        guard let cache else { return }
        cache.remember(source.file.display, identity: resolved.identity, hash: resolved.hash)
        let key = CacheSnapshot.key(source, hash: resolved.hash)
        switch resolved.found {
        case .cached(_, let place):
            cache.keep(key, at: place)
            fromCache += 1
        case .contents:
            if let record { cache.store(key, record: record) }
        }
    }

    /// The index file from every segment, in order (text blocks reused from the cache where
    /// they are unchanged), as its header and sections (`IndexWriter.serializedParts`).
    static func serialize(_ segments: [IndexAssembly], roots: SourceRoots, cache: AnalysisCache?) -> [[UInt8]] {
        var metadata: [String: String] = [:]
        metadata["manifest"] = SourceManifest(entries: segments.flatMap(\.manifest)).text
        metadata["fingerprint"] = BuildFingerprint.current
        metadata["roots"] = roots.text
        let blocks = cache.map { TextBlockCache(snapshot: $0.snapshot) }
        let parts = IndexWriter.serializedParts(segments.map(\.builder), metadata: metadata, textBlocks: blocks)
        if let cache, let blocks { blocks.commit(to: cache) }
        return parts
    }
}
