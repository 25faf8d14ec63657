/// Damerau–Levenshtein distance (optimal string alignment: insertions, deletions,
/// substitutions and swaps of two neighbours, each costing 1) over bytes, with a bound:
/// the answer is only exact up to `bound`; anything farther is reported as `bound + 1`.
/// Keeps its three rows between calls, so scanning a vocabulary allocates nothing.
struct EditDistance {
    /// The allowed distance for a typed word: none under 4 letters, 1 from 4, 2 from 8.
    static func allowed(forLength length: Int) -> Int {
        length >= 8 ? 2 : length >= 4 ? 1 : 0
    }

    private var before: [Int] = []
    private var previous: [Int] = []
    private var current: [Int] = []

    /// Letter counts of the word prepared by `prepare`, for a cheap lower bound: an edit
    /// changes the counts by at most 2 (a swap not at all), so `distance ≥ ⌈L1 / 2⌉`.
    private var letters = [Int](repeating: 0, count: 32)
    private var preparedLength = 0

    /// Remembers `a`'s letter counts, for `mayBeWithin`.
    mutating func prepare(_ a: [UInt8]) {
        for index in letters.indices { letters[index] = 0 }
        for byte in a { letters[Int(byte & 31)] += 1 }
        preparedLength = a.count
    }

    /// False when `b` is certainly farther than `bound` from the prepared word (by letter
    /// counts: L1 = |a| + |b| − 2 · shared letters); true when it may be within it.
    mutating func mayBeWithin(_ b: [UInt8], bound: Int) -> Bool {
        var shared = 0
        for byte in b {
            let bin = Int(byte & 31)
            if letters[bin] > 0 { shared += 1 }
            letters[bin] -= 1
        }
        for byte in b { letters[Int(byte & 31)] += 1 }
        let difference = preparedLength + b.count - 2 * shared
        return (difference + 1) / 2 <= bound
    }

    mutating func distance(_ a: [UInt8], _ b: [UInt8], bound: Int) -> Int {
        let n = a.count, m = b.count
        if abs(n - m) > bound { return bound + 1 }
        if n == 0 || m == 0 { return min(max(n, m), bound + 1) }
        if previous.count < m + 1 {
            before = [Int](repeating: 0, count: m + 1)
            previous = before
            current = before
        }
        for j in 0...m { previous[j] = j }
        for i in 1...n {
            current[0] = i
            var rowMinimum = i
            for j in 1...m {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > bound { return bound + 1 }
            swap(&before, &previous)
            swap(&previous, &current)
        }
        return min(previous[m], bound + 1)
    }
}
