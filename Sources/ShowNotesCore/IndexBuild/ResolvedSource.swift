/// One source made ready for the index on a worker thread: its outcome, taken from the
/// cache when the content hash (and every dependency) matches, else read and analysed.
struct ResolvedSource: Sendable {
    /// Where the outcome came from, and what the cache should keep.
    enum Record: Sendable {
        /// From the cache, at this place in the snapshot's pack.
        case cached(CacheTable.Place)
        /// Read now; the encoded record, for the cache.
        case fresh([UInt8])
        /// Read now; no cache in use.
        case uncached
    }

    var outcome: SourceOutcome
    var hash: String
    var identity: FileIdentity?
    var record: Record

    /// Resolves `source`: the stat shortcut, then the content hash, then parsing.
    static func resolve(_ source: IndexSource, cache: CacheSnapshot?, analyzer: EpisodeAnalyzer) -> Result<ResolvedSource, InputError> {
        let display = source.file.display
        if let cache, let identity = FileIdentity(path: source.file.path),
           let hash = cache.knownHash(display, identity: identity), let (outcome, place) = cache.outcome(source, hash: hash) {
            return .success(ResolvedSource(outcome: outcome, hash: hash, identity: identity, record: .cached(place)))
        }
        let contents: FileBytes.Contents
        do {
            contents = try FileBytes.read(source.file.path, display: display)
        } catch {
            return .failure(error)
        }
        var hasher = ContentHash()
        hasher.update(contents.bytes)
        let hash = hasher.hex
        if let cache, let (outcome, place) = cache.outcome(source, hash: hash) {
            return .success(ResolvedSource(outcome: outcome, hash: hash, identity: contents.identity, record: .cached(place)))
        }
        let outcome = SourceOutcome.read(source, bytes: contents.bytes, analyzer: analyzer, forCache: cache != nil)
        // Read for the cache, the outcome's bytes are the whole record (the same storage, not a copy).
        let record: Record = if cache != nil, case .read(let bytes, _, _) = outcome.episodes { .fresh(bytes) } else { .uncached }
        return .success(ResolvedSource(outcome: outcome, hash: hash, identity: contents.identity, record: record))
    }
}
