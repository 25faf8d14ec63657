/// A matching moment as the ranking sees it.
struct RankedMoment {
    var moment: Int
    var score: Double
    var episode: Int
    /// For date order: the episode's day (yyyymmdd, 0 when undated); 0 for every moment otherwise.
    var day: Int = 0
    /// How many moments of its episode matched in all (shown or not).
    var episodeMatches: Int = 1
}

/// Keeps the `capacity` best moments seen so far (a min-heap on rank), so ranking costs
/// O(n log k) instead of sorting every match. Rank: day (date order only), then score;
/// ties go to the earlier moment.
struct TopHits {
    private var heap: [RankedMoment] = []
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        heap.reserveCapacity(min(self.capacity, 1024))   // `--limit` may be huge; the heap grows as hits come
    }

    /// `a` ranks below `b`.
    static func worse(_ a: RankedMoment, _ b: RankedMoment) -> Bool {
        if a.day != b.day { return a.day < b.day }
        return a.score != b.score ? a.score < b.score : a.moment > b.moment
    }

    mutating func offer(_ item: RankedMoment) {
        if heap.count < capacity {
            heap.append(item)
            siftUp(heap.count - 1)
        } else if let root = heap.first, Self.worse(root, item) {
            heap[0] = item
            siftDown(0)
        }
    }

    /// The score a moment must beat to get in, under relevance order (every day 0): the
    /// weakest kept score once full, else minus infinity.
    var threshold: Double {
        guard capacity > 0, heap.count == capacity, let root = heap.first else { return -.infinity }
        return root.score
    }

    /// The kept moments, in no particular order.
    var items: [RankedMoment] { heap }

    /// Best first.
    func ranked() -> [RankedMoment] {
        heap.sorted { Self.worse($1, $0) }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.worse(heap[child], heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, Self.worse(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count, Self.worse(heap[right], heap[smallest]) { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
