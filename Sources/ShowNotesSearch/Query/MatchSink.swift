/// Where `Searcher.forEachMatch` sends matching moments.
protocol MatchSink {
    /// Asked once per candidate episode: nil leaves it out, else its rank key (`EpisodeDates`).
    mutating func admit(_ episode: Int) throws(IndexCorruption) -> Int?
    mutating func take(episode: Int, day: Int, moment: Int, score: Double)
    /// A score no moment of a later episode can be listed with unless it beats it (minus
    /// infinity: every match counts), so an episode whose bound does not beat it is skipped.
    var threshold: Double { get }
    /// How many of the candidates with the highest score bounds to evaluate before the others
    /// (0: all in order): their scores raise `threshold` early, so fewer of the rest are.
    var seeds: Int { get }
}

extension MatchSink {
    var seeds: Int { 0 }
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

    /// Candidates evaluated first (`seeds`) when the threshold rises with scores: at 100,000
    /// episodes, 16 took `mental health sleep habits` from ~720 evaluated episodes to ~470
    /// (0.97x the time; `injury recovery` 0.95x). More seeds cost more than they save.
    var seedCount = 16

    var seeds: Int { skipsEpisodes && dates.ranksByScore ? seedCount : 0 }

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
