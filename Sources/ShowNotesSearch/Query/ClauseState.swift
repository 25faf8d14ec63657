/// One query clause during evaluation: its matches, and cursors that only move forward
/// (candidate episodes and their moments are visited in increasing order). A value kept in
/// `EpisodeEvaluation`'s flat array and changed in place, so the hot loop neither allocates
/// nor counts references.
struct ClauseState {
    let match: ClauseMatch
    var momentCursor = 0
    var episodeCursor = 0
    var positionCursors: [PositionsCursor]
    /// For the current episode: the context's BM25F pseudo-frequency (nil: no context match).
    var context: Double?
    /// For the current episode: where the clause starts in the notes field, once decoded
    /// (`notesReady`); the storage is reused from episode to episode.
    var notes: [UInt32] = []
    var notesReady = false

    init(match: ClauseMatch) {
        self.match = match
        positionCursors = Array(repeating: PositionsCursor(), count: match.episodeLists.count)
    }

    /// The current episode's field frequencies (title, podcast, people, notes), when its context matches.
    var contextFrequencies: ArraySlice<Double>? {
        context == nil ? nil : match.frequencies(episodeCursor)
    }

    /// Moves to `episode`: finds its context entry and forgets the previous episode's notes.
    mutating func start(_ episode: UInt32, lengths: [Double]) {
        notesReady = false
        context = nil
        let episodes = match.episodes
        while episodeCursor < episodes.count, episodes[episodeCursor] < episode { episodeCursor += 1 }
        guard episodeCursor < episodes.count, episodes[episodeCursor] == episode else { return }
        var pseudo = 0.0
        let base = episodeCursor * ClauseMatch.fieldCount
        for field in 0..<ClauseMatch.fieldCount {
            let count = match.episodeFrequency[base + field]
            if count > 0 { pseudo += Ranking.fieldWeights[field] * count / lengths[field] }
        }
        context = pseudo
    }

    /// The frequency of the clause in `moment`'s own text (0 when absent).
    mutating func ownFrequency(_ moment: Int, record: MomentLayout.Record, episode: UInt32, searcher: Searcher) throws(IndexCorruption) -> Double {
        if record.kind == .chapter || record.kind == .section {
            let moments = match.moments
            while momentCursor < moments.count, moments[momentCursor] < UInt32(moment) { momentCursor += 1 }
            return momentCursor < moments.count && moments[momentCursor] == UInt32(moment) ? match.momentFrequency[momentCursor] : 0
        }
        guard match.notesAllowed, context != nil else { return 0 }
        if !notesReady {
            try searcher.notesStarts(match, episode: episode, cursors: &positionCursors, into: &notes)
            notesReady = true
        }
        var count = 0.0
        for start in notes where start >= record.first && start < record.end { count += 1 }
        return count
    }
}
