import Synchronization

/// The higher of the two top-k thresholds of a ranking split over two threads
/// (`Searcher.rankedMoments`), which each half skips episodes against. Each half keeps the
/// `k` best moments of its own episodes; a moment that scores below the other half's `k`th
/// best cannot be among the `k` best of both, so it may be skipped as if the other half's
/// moments had been seen first. Without it, the second half started from an empty top k and
/// evaluated episodes that the first half's threshold already ruled out.
final class SharedThreshold: Sendable {
    private let bits = Atomic<UInt64>((-Double.infinity).bitPattern)

    /// The highest threshold either half has reported.
    var value: Double { Double(bitPattern: bits.load(ordering: .relaxed)) }

    /// Reports a half's own threshold; keeps the higher.
    func raise(to threshold: Double) {
        var current = bits.load(ordering: .relaxed)
        while threshold > Double(bitPattern: current) {
            let (exchanged, original) = bits.compareExchange(expected: current, desired: threshold.bitPattern, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }
}
