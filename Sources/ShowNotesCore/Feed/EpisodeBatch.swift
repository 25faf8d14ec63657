import Dispatch
import FoundationEssentials

/// Turns finished items into episodes a batch at a time, on all cores, while the feed reader
/// goes on reading the next batch: reading the show notes (an HTML parse per item) costs far
/// more than reading the XML, and items are independent. Episodes come out in feed order;
/// memory is bounded by three batches (one being read, one being parsed, one handed on).
///
/// Each episode is also `prepare`d (for the caller: JSON, say) on the same worker, so that
/// work is spread over the cores too.
struct EpisodeBatch<Prepared: Sendable> {
    /// An episode, what `prepare` made of it, and the warnings its item gave.
    typealias Output = (episode: Episode, prepared: Prepared, warnings: [Diagnostic])

    static var size: Int { 256 }
    private(set) var items: [FeedItem] = []
    private let prepare: @Sendable (Episode) -> Prepared
    private let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
    /// Where batches are parsed while the next is read (made at the first full batch).
    private var background: BatchThread?
    /// The batch being parsed in the background.
    private var running: Results?

    init(prepare: @escaping @Sendable (Episode) -> Prepared) { self.prepare = prepare }

    var isFull: Bool { items.count >= Self.size }

    mutating func add(_ item: FeedItem) { items.append(item) }

    /// Starts parsing the gathered items in the background and empties the batch; returns the
    /// outputs of the batch started before, once they are ready. `maker` and `podcast` are
    /// taken as they are now, so a batch's episodes do not depend on when they are parsed.
    mutating func launch(with maker: FeedEpisode, podcast: String?) -> [Output] {
        let ready = waitForRunning()
        guard !items.isEmpty else { return ready }
        let batch = items
        items.removeAll(keepingCapacity: true)
        let results = Results(count: batch.count)
        let (workers, prepare) = (workers, prepare)
        let thread = background ?? BatchThread()
        background = thread
        thread.start {
            Self.parse(batch, maker: maker, podcast: podcast, prepare: prepare, workers: workers, into: results)
        }
        running = results
        return ready
    }

    /// The outputs of everything added: the batch in the background, then the gathered items
    /// (parsed here and now); empties the batch.
    mutating func finish(with maker: FeedEpisode, podcast: String?) -> [Output] {
        var outputs = waitForRunning()
        guard !items.isEmpty else { return outputs }
        let results = Results(count: items.count)
        Self.parse(items, maker: maker, podcast: podcast, prepare: prepare, workers: workers, into: results)
        items.removeAll(keepingCapacity: true)
        outputs += results.values()
        return outputs
    }

    private mutating func waitForRunning() -> [Output] {
        guard let results = running, let background else { return [] }
        background.wait()
        running = nil
        return results.values()
    }

    private static func parse(_ batch: [FeedItem], maker: FeedEpisode, podcast: String?, prepare: @Sendable (Episode) -> Prepared,
                              workers: Int, into results: Results) {
        @Sendable func output(_ index: Int) -> Output {
            var (episode, warnings) = maker.episode(from: batch[index])
            episode.podcast = podcast
            return (episode, prepare(episode), warnings)
        }
        guard batch.count > 1, workers > 1 else {
            for index in batch.indices { results.store(output(index), at: index) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < batch.count {
                results.store(output(index), at: index)
                index += workers
            }
        }
    }

    /// One slot per item, each written by exactly one worker before `values()` is read (after
    /// the batch's thread or `concurrentPerform` has finished); owns its buffer (no array is
    /// shared between threads, so no exclusivity conflict).
    private final class Results: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<Output?>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        func store(_ value: Output, at index: Int) { slots[index] = value }

        func values() -> [Output] { slots.compactMap { $0 } }
    }
}
