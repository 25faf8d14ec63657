import Dispatch

/// The build cache's compressed text blocks (see `TextBlockMemory`): looked up in the
/// snapshot, new ones collected while the index is serialized (from two threads, hence the
/// queue), then handed to `AnalysisCache` on the main thread with `commit`.
final class TextBlockCache: TextBlockMemory, @unchecked Sendable {
    private let snapshot: CacheSnapshot
    private let queue = DispatchQueue(label: "shownotes.text-blocks")
    private var used: [(String, CacheTable.Place)] = []
    private var made: [(String, [UInt8])] = []

    init(snapshot: CacheSnapshot) { self.snapshot = snapshot }

    /// The record key of a block (sources' keys never start with U+0001).
    static func key(_ block: TextBlockKey) -> String { "\u{1}text\u{0}\(block)" }

    func compressed(_ block: TextBlockKey) -> [UInt8]? {
        let key = Self.key(block)
        guard let (bytes, place) = snapshot.record(key) else { return nil }
        queue.sync { used.append((key, place)) }
        return bytes
    }

    func remember(_ block: TextBlockKey, compressed: [UInt8]) {
        queue.sync { made.append((Self.key(block), compressed)) }
    }

    /// Keeps the blocks used and stores the blocks made, in `cache` (main thread, after serializing).
    func commit(to cache: AnalysisCache) {
        let (used, made) = queue.sync { (self.used, self.made) }
        for (key, place) in used { cache.keep(key, at: place) }
        for (key, bytes) in made.sorted(by: { $0.0 < $1.0 }) { cache.store(key, record: bytes) }
    }
}
