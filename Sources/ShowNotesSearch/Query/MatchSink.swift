/// Where `Searcher.forEachMatch` sends matching moments.
protocol MatchSink {
    /// Asked once per candidate episode: nil leaves it out, else its rank key (`EpisodeDates`).
    mutating func admit(_ episode: Int) throws(IndexCorruption) -> Int?
    mutating func take(episode: Int, day: Int, moment: Int, score: Double)
    /// A score no moment of a later episode can be listed with unless it beats it (minus
    /// infinity: every match counts), so an episode whose bound does not beat it is skipped.
    var threshold: Double { get }
}

/// Ranks matches into per-episode groups (`search`).
struct RankingSink: MatchSink {
    var groups: EpisodeGroups
    var dates: EpisodeDates
    /// Whether hopeless episodes may be skipped (off only to test that skipping changes nothing).
    var skipsEpisodes = true
    /// When ranking one of two halves: the threshold both have reached.
    var shared: SharedThreshold? = nil

    mutating func admit(_ episode: Int) throws(IndexCorruption) -> Int? { try dates.admit(episode) }

    @inline(__always)
    mutating func take(episode: Int, day: Int, moment: Int, score: Double) {
        groups.offer(episode: episode, day: day, moment: moment, score: score)
    }

    var threshold: Double {
        guard skipsEpisodes && dates.ranksByScore else { return -.infinity }
        let own = groups.threshold
        guard let shared else { return own }
        shared.raise(to: own)
        return max(own, shared.value)
    }
}

/// Counts matches (`--count`).
struct CountingSink: MatchSink {
    var dates: EpisodeDates
    var count = 0

    mutating func admit(_ episode: Int) throws(IndexCorruption) -> Int? { try dates.admit(episode) }

    mutating func take(episode: Int, day: Int, moment: Int, score: Double) { count += 1 }

    var threshold: Double { -.infinity }
}
