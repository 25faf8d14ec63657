/// Keeps the `capacity` best-scoring moments seen so far (a min-heap on score), so ranking
/// costs O(n log k) instead of sorting every match. Ties go to the earlier moment.
struct TopHits {
    private var heap: [(moment: Int, score: Double)] = []
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        heap.reserveCapacity(self.capacity)
    }

    /// `a` ranks below `b`: a lower score, or the same score and a later moment.
    private static func worse(_ a: (moment: Int, score: Double), _ b: (moment: Int, score: Double)) -> Bool {
        a.score != b.score ? a.score < b.score : a.moment > b.moment
    }

    mutating func offer(_ moment: Int, _ score: Double) {
        let item = (moment: moment, score: score)
        if heap.count < capacity {
            heap.append(item)
            siftUp(heap.count - 1)
        } else if let root = heap.first, Self.worse(root, item) {
            heap[0] = item
            siftDown(0)
        }
    }

    /// Best first.
    func ranked() -> [(moment: Int, score: Double)] {
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
