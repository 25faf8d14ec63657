/// The index being put together from resolved sources, taken one by one in stored-path
/// order on the main thread: their episodes go to the `IndexBuilder`, their hashes to the
/// manifest, and what the cache should keep or store to the cache.
struct IndexAssembly {
    var builder = IndexBuilder()
    var manifest = SourceManifest(entries: [])
    /// Sources whose episodes came from the cache.
    var fromCache = 0
    let cache: AnalysisCache?
    let roots: SourceRoots

    init(cache: AnalysisCache?, roots: SourceRoots, sources: Int) {
        self.cache = cache
        self.roots = roots
        manifest.entries.reserveCapacity(sources)
    }

    /// Adds one source; reports its diagnostics through `report`.
    mutating func take(_ resolved: ResolvedSource, of source: IndexSource, report: (Diagnostic) -> Void) throws(IndexBuildError) {
        for diagnostic in resolved.outcome.diagnostics { report(diagnostic) }
        builder.beginSource(root: roots.number(of: source), contentHash: UInt64(resolved.hash, radix: 16) ?? 0)
        try resolved.outcome.episodes.withEncodings { (bytes, offset, count) throws(IndexBuildError) in
            var offset = offset
            for _ in 0..<count {
                do throws(IndexCorruption) {
                    try builder.add(encoded: bytes, offset: &offset)
                } catch {
                    throw .damagedCache("\(source.file.display): \(error.what)")
                }
            }
        }
        manifest.entries.append(SourceManifest.Entry(
            path: source.relative, hash: resolved.hash,
            dependencies: resolved.outcome.dependencies.map { .init(path: source.relativeFolder + $0.path, hash: $0.hash) }))
        guard let cache else { return }
        cache.remember(source.file.display, identity: resolved.identity, hash: resolved.hash)
        let key = CacheSnapshot.key(source, hash: resolved.hash)
        switch resolved.record {
        case .cached(let place):
            cache.keep(key, at: place)
            fromCache += 1
        case .fresh(let record):
            cache.store(key, record: record)
        case .uncached:
            break
        }
    }

    /// The index file's bytes (text blocks reused from the cache where they are unchanged).
    mutating func serialize() -> [UInt8] {
        builder.metadata["manifest"] = manifest.text
        builder.metadata["fingerprint"] = BuildFingerprint.current
        builder.metadata["roots"] = roots.text
        let blocks = cache.map { TextBlockCache(snapshot: $0.snapshot) }
        builder.textBlocks = blocks
        let bytes = builder.serialize()
        if let cache, let blocks { blocks.commit(to: cache) }
        return bytes
    }
}
