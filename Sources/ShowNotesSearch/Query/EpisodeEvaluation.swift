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
    private let averageLengths: [Double]
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
        let reader = searcher.reader
        averageLengths = (0..<ClauseMatch.fieldCount).map { field in
            field < reader.averageEpisodeLengths.count ? max(1, reader.averageEpisodeLengths[field]) : 1
        }
    }

    mutating func start(_ episode: UInt32) {
        self.episode = episode
        let reader = searcher.reader
        for field in 0..<ClauseMatch.fieldCount {
            lengths[field] = 1 - Ranking.b + Ranking.b * reader.episodeNorm(Int(episode), field: field) / averageLengths[field]
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
        1 - Ranking.b + Ranking.b * searcher.reader.momentNorm(moment) / searcher.reader.averageMomentLength
    }

    /// Part `index`'s BM25F contribution for `moment` (of the loaded episode), or `nil` when
    /// it does not match there. Of `a OR b` (and of a word's fuzzy neighbours), the best
    /// alternative counts. Sets `own` when the part occurs in the moment's own text.
    func weight(_ index: Int, moment: Int, own ownMatch: inout Bool) -> Double? {
        guard scoring else { return matches(index, moment: moment) ? 0 : nil }
        var best: Double? = nil
        for state in parts[index] {
            let own = ownFrequency(state, moment: moment)
            let context = states[state].context
            guard own > 0 || context != nil else { continue }
            if own > 0 { ownMatch = true }
            var pseudo = context ?? 0
            if own > 0 { pseudo += Ranking.ownWeight * own / ownNormaliser(moment) }
            best = max(best ?? 0, contribution(state, pseudo))
        }
        return best
    }

    /// Alternative `state`'s score for a pseudo-frequency (`Ranking.score`).
    private func contribution(_ state: Int, _ pseudo: Double) -> Double {
        Ranking.score(pseudo, boost: states[state].match.boost, idf: states[state].match.idf)
    }

    /// An upper bound of the score of every moment of the current episode (its moments are
    /// `moments`), from what is known without positions or the moment layout. Chapters and
    /// sections, and takeaways and the summary, are bounded apart (no moment is both): each
    /// part's best alternative as if its own-text frequency were the largest one of them could
    /// have — a chapter's or section's exactly (its postings); a takeaway's or summary's the
    /// episode's whole notes frequency over its shortest such moment (a norm the index keeps
    /// per episode). Saturation is monotone, so no moment scores above the larger sum; excluded
    /// parts only remove moments. `parts` are the scored parts. The result is raised by a
    /// billionth so that rounding cannot put a real score above it.
    mutating func bound(moments: Range<Int>, parts scored: [Int]) -> Double {
        let reader = searcher.reader
        let notesNormaliser = 1 - Ranking.b + Ranking.b * reader.shortestNotesMomentNorm(Int(episode)) / reader.averageMomentLength
        let (first, end) = (UInt32(moments.lowerBound), UInt32(moments.upperBound))
        var chapters = 0.0, notes = 0.0
        for part in scored {
            var bestChapter = 0.0, bestNotes = 0.0
            for index in parts[part] {
                var chapterOwn = 0.0
                var cursor = states[index].momentCursor
                let matched = states[index].match.moments
                while cursor < matched.count, matched[cursor] < end {
                    if matched[cursor] >= first {
                        chapterOwn = max(chapterOwn, states[index].match.momentFrequency[cursor] / ownNormaliser(Int(matched[cursor])))
                    }
                    cursor += 1
                }
                let context = states[index].context
                var notesOwn = 0.0
                if context != nil, states[index].match.notesAllowed {
                    notesOwn = states[index].match.notesFrequency[states[index].episodeCursor] / notesNormaliser
                }
                if chapterOwn > 0 || context != nil {
                    bestChapter = max(bestChapter, contribution(index, (context ?? 0) + Ranking.ownWeight * chapterOwn))
                }
                if notesOwn > 0 || context != nil {
                    bestNotes = max(bestNotes, contribution(index, (context ?? 0) + Ranking.ownWeight * notesOwn))
                }
            }
            chapters += bestChapter
            notes += bestNotes
        }
        return max(chapters, notes) * (1 + 1e-9)
    }
}
