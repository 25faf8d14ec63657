/// One source made ready for the index on a worker thread: its outcome taken from the cache
/// when the content hash (and every dependency) matches, else its bytes, to be read and
/// analysed straight into the segment (`IndexAssembly.take`).
struct ResolvedSource: Sendable {
    enum Found: Sendable {
        /// From the cache, at this place in the snapshot's pack.
        case cached(SourceOutcome, CacheTable.Place)
        /// The source's bytes, to read.
        case contents([UInt8])
    }

    var found: Found
    var hash: String
    var identity: FileIdentity?

    /// Resolves `source`: the stat shortcut, then the content hash, then its bytes.
    static func resolve(_ source: IndexSource, cache: CacheSnapshot?) -> Result<ResolvedSource, InputError> {
        let display = source.file.display
        if let cache, let identity = FileIdentity(path: source.file.path),
           let hash = cache.knownHash(display, identity: identity), let (outcome, place) = cache.outcome(source, hash: hash) {
            return .success(ResolvedSource(found: .cached(outcome, place), hash: hash, identity: identity))
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
            return .success(ResolvedSource(found: .cached(outcome, place), hash: hash, identity: contents.identity))
        }
        return .success(ResolvedSource(found: .contents(contents.bytes), hash: hash, identity: contents.identity))
    }
}
