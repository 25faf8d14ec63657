/// Where `Searcher.forEachMatch` sends matching moments.
protocol MatchSink {
    /// Asked once per candidate episode: nil leaves it out, else its rank key (`EpisodeDates`).
    mutating func admit(_ episode: Int) throws(IndexCorruption) -> Int?
    mutating func take(episode: Int, day: Int, moment: Int, score: Double)
}

/// Ranks matches into per-episode groups (`search`).
struct RankingSink: MatchSink {
    var groups: EpisodeGroups
    var dates: EpisodeDates

    mutating func admit(_ episode: Int) throws(IndexCorruption) -> Int? { try dates.admit(episode) }

    @inline(__always)
    mutating func take(episode: Int, day: Int, moment: Int, score: Double) {
        groups.offer(episode: episode, day: day, moment: moment, score: score)
    }
}

/// Counts matches (`--count`).
struct CountingSink: MatchSink {
    var dates: EpisodeDates
    var count = 0

    mutating func admit(_ episode: Int) throws(IndexCorruption) -> Int? { try dates.admit(episode) }

    mutating func take(episode: Int, day: Int, moment: Int, score: Double) { count += 1 }
}
