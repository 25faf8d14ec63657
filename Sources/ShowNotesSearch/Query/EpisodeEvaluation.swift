/// Matching and scoring the moments of one candidate episode at a time. An episode's context
/// (title, podcast, people, notes) scores the same for all its moments, so it is computed once.
struct EpisodeEvaluation {
    private let searcher: Searcher
    /// Every alternative of every query part, flat (`a OR b` gives two), changed in place.
    private(set) var states: [ClauseState]
    /// Per query part, its alternatives' range in `states`.
    let parts: [Range<Int>]
    private let scoring: Bool
    private(set) var episode: UInt32 = 0
    /// Per context field, BM25's length normaliser `1 - b + b · length / average`.
    private(set) var lengths: [Double] = [1, 1, 1, 1]
    /// Per state, whether its matches in takeaways and summaries are looked up: only to score
    /// (where the context matches, a part matches every moment anyway) and not for an
    /// excluded part (which only asks whether it matches).
    private let readsNotes: [Bool]
    /// The current episode's moments (`load`): the first's number, and per state and moment
    /// the own-text frequency, state-major.
    private var first = 0
    private var momentCount = 0
    private var own: [Double] = []

    /// `excluded`: the indices in `parts` of the excluded parts.
    init(searcher: Searcher, parts: [QueryPart], excluded: Range<Int> = 0..<0, scoring: Bool) {
        self.searcher = searcher
        var states: [ClauseState] = []
        var ranges: [Range<Int>] = []
        for part in parts {
            let first = states.count
            states += part.alternatives.map(ClauseState.init(match:))
            ranges.append(first..<states.count)
        }
        self.states = states
        self.parts = ranges
        self.scoring = scoring
        var readsNotes = [Bool](repeating: scoring, count: states.count)
        for part in excluded { for state in ranges[part] { readsNotes[state] = false } }
        self.readsNotes = readsNotes
    }

    /// For ranking or matching `plan`: its required, excluded and optional parts, in that order.
    init(_ plan: MatchPlan, searcher: Searcher, scoring: Bool) {
        let excludedEnd = plan.required.count + plan.excluded.count
        self.init(searcher: searcher, parts: plan.required + plan.excluded + plan.optional,
                  excluded: plan.required.count..<excludedEnd, scoring: scoring)
    }

    mutating func start(_ episode: UInt32) {
        self.episode = episode
        let reader = searcher.reader
        for field in 0..<ClauseMatch.fieldCount {
            lengths[field] = reader.episodeNormaliser(Int(episode), field: field)
        }
        for index in states.indices { states[index].start(episode, lengths: lengths) }
    }

    /// Reads the own-text frequency of every state in every moment of the current episode.
    mutating func load(first: Int, records: [MomentLayout.Record]) throws(IndexCorruption) {
        self.first = first
        momentCount = records.count
        own.removeAll(keepingCapacity: true)
        own.append(contentsOf: repeatElement(0, count: states.count * records.count))
        for index in states.indices {
            try states[index].addOwnFrequencies(first: first, records: records, withNotes: readsNotes[index], searcher: searcher,
                                                episode: episode, into: &own, at: index * records.count)
        }
    }

    /// Alternative `state`'s own-text frequency in `moment` of the loaded episode.
    func ownFrequency(_ state: Int, moment: Int) -> Double { own[state * momentCount + moment - first] }

    /// Whether any alternative of any part occurs in the own text of `moment` (of the loaded
    /// episode). A moment without scores from its context alone, like every other such moment.
    func hasOwnMatch(_ moment: Int) -> Bool {
        var index = moment - first
        for _ in states.indices {
            if own[index] > 0 { return true }
            index += momentCount
        }
        return false
    }

    /// Whether part `index` matches `moment` (of the loaded episode) at all.
    func matches(_ index: Int, moment: Int) -> Bool {
        for state in parts[index] where states[state].context != nil || ownFrequency(state, moment: moment) > 0 { return true }
        return false
    }

    /// BM25's length normaliser for a moment's own text.
    func ownNormaliser(_ moment: Int) -> Double {
        searcher.reader.momentNormaliser(moment)
    }

    /// Part `index`'s BM25F contribution for `moment` (of the loaded episode), or `nil` when
    /// it does not match there. Of `a OR b` (and of a word's fuzzy neighbours), the best
    /// alternative counts. Sets `own` when the part occurs in the moment's own text.
    /// `normaliser` is the moment's `ownNormaliser` (computed once per moment by the caller,
    /// only needed where a part occurs in the moment's own text).
    func weight(_ index: Int, moment: Int, normaliser: Double, own ownMatch: inout Bool) -> Double? {
        guard scoring else { return matches(index, moment: moment) ? 0 : nil }
        var best: Double? = nil
        for state in parts[index] {
            let own = ownFrequency(state, moment: moment)
            if own > 0 {
                ownMatch = true
                let pseudo = (states[state].context ?? 0) + Ranking.ownWeight * own / normaliser
                best = max(best ?? 0, Ranking.score(pseudo, boost: states[state].boost, idf: states[state].idf))
            } else if states[state].context != nil {
                best = max(best ?? 0, states[state].contextScore)   // the same sum with no own part
            }
        }
        return best
    }
}
