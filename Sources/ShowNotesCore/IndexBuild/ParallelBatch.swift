import Dispatch

/// Runs `work` over `0..<count` on `workers` threads in the background and hands the
/// results back in index order, so what is built from them never depends on the number of
/// threads or on which finished first. Workers take the next index as they become free;
/// worker `w` is the only one using slot `w` of any per-worker state.
final class ParallelBatch<Output: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Output?>
    private let group = DispatchGroup()
    private let counter = DispatchQueue(label: "shownotes.parallel-batch")
    private var nextIndex = 0

    /// Starts the work; `wait()` collects it.
    init(count: Int, workers: Int, work: @escaping @Sendable (_ worker: Int, _ index: Int) -> Output) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
        let workers = max(1, min(workers, count))
        DispatchQueue.global().async(group: group) { [self] in
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                while let index = self.take(below: count) {
                    self.slots[index] = work(worker, index)
                }
            }
        }
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    private func take(below count: Int) -> Int? {
        counter.sync {
            guard nextIndex < count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    /// Waits for every index to be done; the results in index order.
    func wait() -> [Output] {
        group.wait()
        return slots.compactMap { $0 }
    }

    /// Waits for every index to be done, calling `tick` every `interval` seconds meanwhile.
    func wait(tick interval: Double, _ tick: () -> Void) -> [Output] {
        while group.wait(timeout: .now() + interval) == .timedOut { tick() }
        return slots.compactMap { $0 }
    }
}
