import Dispatch
import FoundationEssentials

/// Turns finished items into episodes a batch at a time, on all cores: reading the show
/// notes (an HTML parse per item) costs far more than reading the XML, and items are
/// independent. Episodes come out in feed order; memory is bounded by the batch size.
struct EpisodeBatch {
    static let size = 256
    private(set) var items: [FeedItem] = []
    private let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))

    var isFull: Bool { items.count >= Self.size }

    mutating func add(_ item: FeedItem) { items.append(item) }

    /// The batch's episodes and warnings, in item order; empties the batch.
    mutating func flush(with maker: FeedEpisode) -> [(Episode, [Diagnostic])] {
        let batch = items
        items.removeAll(keepingCapacity: true)
        guard batch.count > 1, workers > 1 else { return batch.map { maker.episode(from: $0) } }
        let results = Results(count: batch.count)
        let stride = workers
        DispatchQueue.concurrentPerform(iterations: stride) { worker in
            var index = worker
            while index < batch.count {
                results.store(maker.episode(from: batch[index]), at: index)
                index += stride
            }
        }
        return results.values()
    }

    /// One slot per item, each written by exactly one worker before `values()` is read;
    /// owns its buffer (no array is shared between threads, so no exclusivity conflict).
    private final class Results: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<(Episode, [Diagnostic])?>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        func store(_ value: (Episode, [Diagnostic]), at index: Int) { slots[index] = value }

        func values() -> [(Episode, [Diagnostic])] { slots.compactMap { $0 } }
    }
}
