/// The build cache as it was when a build started: read by the worker threads (so it
/// never changes during a build) while the main thread writes the next table.
struct CacheSnapshot: Sendable {
    let table: CacheTable
    let pack: MappedBytes?

    /// An empty snapshot: every lookup misses.
    static let empty = CacheSnapshot(table: CacheTable(identity: "", generation: 0), pack: nil)

    /// The record key of a source with content `hash`: what the cached outcome depends on
    /// besides the files it lists as dependencies.
    static func key(_ source: IndexSource, hash: String) -> String {
        source.relative + "\u{0}" + (source.folderName ?? "") + "\u{0}" + hash
    }

    /// The content hash remembered for the file at `display`, when it still has the same identity.
    func knownHash(_ display: String, identity: FileIdentity) -> String? {
        guard let seen = table.seen[display], seen.identity == identity else { return nil }
        return seen.hash
    }

    /// The cached outcome of `source` with content `hash`, when its dependencies are unchanged.
    func outcome(_ source: IndexSource, hash: String) -> (SourceOutcome, CacheTable.Place)? {
        guard let pack, let place = table.records[Self.key(source, hash: hash)],
              place.offset >= 0, place.length <= pack.bytes.count - place.offset else { return nil }
        let bytes = UnsafeRawBufferPointer(rebasing: pack.bytes[place.offset..<place.offset + place.length])
        guard RecordChecksum.of(bytes) == place.checksum,
              let outcome = try? CacheRecord.decode(pack, at: place, display: source.file.display) else { return nil }
        for dependency in outcome.dependencies where FileBytes.dependencyHash(source.sibling(dependency.path)) != dependency.hash {
            return nil
        }
        return (outcome, place)
    }

    /// The bytes of the record under `key` (checksum verified) and its place.
    func record(_ key: String) -> ([UInt8], CacheTable.Place)? {
        guard let pack, let place = table.records[key],
              place.offset >= 0, place.length <= pack.bytes.count - place.offset else { return nil }
        let bytes = UnsafeRawBufferPointer(rebasing: pack.bytes[place.offset..<place.offset + place.length])
        guard RecordChecksum.of(bytes) == place.checksum else { return nil }
        return (Array(bytes), place)
    }
}
