/// Matching and scoring the moments of one candidate episode at a time. An episode's context
/// (title, podcast, people, notes) scores the same for all its moments, so it is computed once.
struct EpisodeEvaluation {
    private let searcher: Searcher
    /// Per query part, its alternatives (`a OR b`).
    let states: [[ClauseState]]
    private let scoring: Bool
    private(set) var episode: UInt32 = 0
    /// Per context field, BM25's length normaliser `1 - b + b · length / average`.
    private(set) var lengths: [Double] = [1, 1, 1, 1]

    init(searcher: Searcher, states: [[ClauseState]], scoring: Bool) {
        self.searcher = searcher
        self.states = states
        self.scoring = scoring
    }

    mutating func start(_ episode: UInt32) {
        self.episode = episode
        let reader = searcher.reader
        for field in 0..<IndexFormat.EpisodeField.allCases.count {
            let average = field < reader.averageEpisodeLengths.count ? reader.averageEpisodeLengths[field] : 1
            lengths[field] = 1 - Ranking.b + Ranking.b * reader.episodeNorm(Int(episode), field: field) / max(1, average)
        }
        for part in states { for state in part { state.start(episode, lengths: lengths) } }
    }

    /// Whether part `index` matches `moment` at all.
    func matches(_ index: Int, moment: Int, record: MomentLayout.Record) throws(IndexCorruption) -> Bool {
        for state in states[index] {
            if state.context != nil { return true }
            if try state.ownFrequency(moment, record: record, episode: episode, searcher: searcher) > 0 { return true }
        }
        return false
    }

    /// BM25's length normaliser for a moment's own text.
    func ownNormaliser(_ moment: Int) -> Double {
        1 - Ranking.b + Ranking.b * searcher.reader.momentNorm(moment) / searcher.reader.averageMomentLength
    }

    /// Part `index`'s BM25F contribution for `moment`, or `nil` when it does not match there.
    /// Of `a OR b` (and of a word's fuzzy neighbours), the best alternative counts. Sets
    /// `own` when the part occurs in the moment's own text.
    func weight(_ index: Int, moment: Int, record: MomentLayout.Record, own ownMatch: inout Bool) throws(IndexCorruption) -> Double? {
        guard scoring else { return try matches(index, moment: moment, record: record) ? 0 : nil }
        var best: Double? = nil
        for state in states[index] {
            let own = try state.ownFrequency(moment, record: record, episode: episode, searcher: searcher)
            guard own > 0 || state.context != nil else { continue }
            if own > 0 { ownMatch = true }
            var pseudo = state.context ?? 0
            if own > 0 { pseudo += Ranking.ownWeight * own / ownNormaliser(moment) }
            best = max(best ?? 0, state.match.boost * state.match.idf * pseudo / (Ranking.k1 + pseudo))
        }
        return best
    }
}
