/// The per-episode-aware top k: matches arrive episode by episode (the searcher visits
/// candidate episodes in order, and an episode's moments together); each episode keeps only
/// its best `perEpisode` moments in a tiny sorted buffer and counts the rest, and only those
/// reach the global `TopHits`. So grouping costs no more than a plain top k: at most
/// `perEpisode` heap offers per episode, and a weaker moment is turned away with one compare.
/// With `perEpisode` 0 nothing is folded and nothing is grouped: the plain ranked list.
struct EpisodeGroups {
    private var top: TopHits
    /// 0: no limit.
    let perEpisode: Int
    private var episode = -1
    private var day = 0
    /// The current episode's best moments, best first: `count` entries, shifted in place.
    private let buffer: MomentBuffer
    private var count = 0
    /// The lowest kept score once the buffer is full (a moment must beat it to get in).
    private var weakest = -Double.infinity
    private var matches = 0

    init(limit: Int, perEpisode: Int) {
        top = TopHits(capacity: limit)
        self.perEpisode = max(0, perEpisode)
        buffer = MomentBuffer(capacity: max(1, self.perEpisode))
    }

    /// A matching moment of `episode` (whose day ranks it under date order; else 0).
    @inline(__always)
    mutating func offer(episode: Int, day: Int, moment: Int, score: Double) {
        if episode != self.episode {
            flush()
            self.episode = episode
            self.day = day
        }
        matches += 1
        // The common case, a full buffer and a weaker moment: one compare, no array access.
        if count == perEpisode, score <= weakest { return }
        keep(moment, score)
    }

    private mutating func keep(_ moment: Int, _ score: Double) {
        let moments = buffer.moments, scores = buffer.scores
        if perEpisode == 0 {
            // No grouping: every match goes to the heap; `more` is settled at the flush.
            buffer.reserve(count + 1)
            buffer.moments[count] = moment
            buffer.scores[count] = score
            count += 1
            return
        }
        // Shift weaker moments down (earlier moments win ties) and put this one in its place.
        var index = min(count, perEpisode - 1)
        while index > 0, scores[index - 1] < score {
            moments[index] = moments[index - 1]
            scores[index] = scores[index - 1]
            index -= 1
        }
        moments[index] = moment
        scores[index] = score
        if count < perEpisode { count += 1 }
        if count == perEpisode { weakest = scores[count - 1] }
    }

    /// Takes in the kept moments of `other`, which saw other episodes than this one.
    mutating func merge(_ other: EpisodeGroups) {
        var other = other
        other.flush()
        flush()
        for item in other.top.items { top.offer(item) }
    }

    /// The score a moment of a later episode must beat to be listed (relevance order only).
    var threshold: Double { top.threshold }

    /// The best moments, best first, each knowing how many moments its episode matched.
    mutating func ranked() -> [RankedMoment] {
        flush()
        let ranked = top.ranked()
        return perEpisode > 0 ? Self.grouped(ranked) : ranked
    }

    private mutating func flush() {
        for index in 0..<count {
            top.offer(RankedMoment(moment: buffer.moments[index], score: buffer.scores[index], episode: episode, day: day,
                                   episodeMatches: matches))
        }
        count = 0
        matches = 0
        weakest = -Double.infinity
    }

    /// Best first, but the moments of one episode together, under its best one (as a page's
    /// sub-results): episodes in the order of their best moment, moments by rank within.
    /// (Sorting plain integer arrays, not a dictionary: nothing generic to set up per query.)
    static func grouped(_ ranked: [RankedMoment]) -> [RankedMoment] {
        guard ranked.count > 2 else { return ranked }
        let first = firstRanks(ranked.map(\.episode))
        let order = ranked.indices.sorted { first[$0] != first[$1] ? first[$0] < first[$1] : $0 < $1 }
        return order.map { ranked[$0] }
    }

    /// For each position, the position where its episode first appears.
    static func firstRanks(_ episodes: [Int]) -> [Int] {
        let byEpisode = episodes.indices.sorted { episodes[$0] != episodes[$1] ? episodes[$0] < episodes[$1] : $0 < $1 }
        var first = [Int](repeating: 0, count: episodes.count)
        var runStart = 0
        for (position, index) in byEpisode.enumerated() {
            if position > 0, episodes[index] != episodes[byEpisode[position - 1]] { runStart = position }
            first[index] = byEpisode[runStart]
        }
        return first
    }

    /// For each position, how many positions hold the same episode.
    static func shownCounts(_ episodes: [Int]) -> [Int] {
        let first = firstRanks(episodes)
        var perFirst = [Int](repeating: 0, count: episodes.count)
        for index in episodes.indices { perFirst[first[index]] += 1 }
        return episodes.indices.map { perFirst[first[$0]] }
    }
}

/// Fixed storage for one episode's kept moments, written through pointers: the hot loop
/// neither checks uniqueness nor allocates (it grows only for `--per-episode 0`).
final class MomentBuffer {
    private(set) var moments: UnsafeMutablePointer<Int>
    private(set) var scores: UnsafeMutablePointer<Double>
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        moments = .allocate(capacity: self.capacity)
        scores = .allocate(capacity: self.capacity)
        moments.initialize(repeating: 0, count: self.capacity)
        scores.initialize(repeating: 0, count: self.capacity)
    }

    /// Makes room for `needed` entries, keeping the current ones.
    func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        let larger = max(needed, capacity * 2)
        let newMoments = UnsafeMutablePointer<Int>.allocate(capacity: larger)
        let newScores = UnsafeMutablePointer<Double>.allocate(capacity: larger)
        newMoments.initialize(repeating: 0, count: larger)
        newScores.initialize(repeating: 0, count: larger)
        newMoments.update(from: moments, count: capacity)
        newScores.update(from: scores, count: capacity)
        moments.deallocate()
        scores.deallocate()
        (moments, scores, capacity) = (newMoments, newScores, larger)
    }

    deinit {
        moments.deallocate()
        scores.deallocate()
    }
}
