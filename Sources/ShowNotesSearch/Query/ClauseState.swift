/// One query clause during evaluation: its matches, and cursors that only move forward
/// (candidate episodes and their moments are visited in increasing order).
final class ClauseState {
    let match: ClauseMatch
    var momentCursor = 0
    var episodeCursor = 0
    var positionCursors: [PositionsCursor]
    /// For the current episode: the context's BM25F pseudo-frequency (nil: no context match).
    var context: Double?
    /// For the current episode: where the clause starts in the notes field, once decoded.
    var notes: [UInt32]?

    init(match: ClauseMatch) {
        self.match = match
        positionCursors = Array(repeating: PositionsCursor(), count: match.episodeLists.count)
    }

    /// The current episode's field frequencies (title, podcast, people, notes), when its context matches.
    var contextFrequencies: [Double]? {
        context == nil ? nil : match.episodeFrequency[episodeCursor]
    }

    /// Moves to `episode`: finds its context entry and forgets the previous episode's notes.
    func start(_ episode: UInt32, lengths: [Double]) {
        notes = nil
        context = nil
        let episodes = match.episodes
        while episodeCursor < episodes.count, episodes[episodeCursor] < episode { episodeCursor += 1 }
        guard episodeCursor < episodes.count, episodes[episodeCursor] == episode else { return }
        var pseudo = 0.0
        for (field, count) in match.episodeFrequency[episodeCursor].enumerated() where count > 0 {
            pseudo += Ranking.fieldWeights[field] * count / lengths[field]
        }
        context = pseudo
    }

    /// The frequency of the clause in `moment`'s own text (0 when absent).
    func ownFrequency(_ moment: Int, record: MomentLayout.Record, episode: UInt32, searcher: Searcher) throws(IndexCorruption) -> Double {
        if record.kind == .chapter || record.kind == .section {
            let moments = match.moments
            while momentCursor < moments.count, moments[momentCursor] < UInt32(moment) { momentCursor += 1 }
            return momentCursor < moments.count && moments[momentCursor] == UInt32(moment) ? match.momentFrequency[momentCursor] : 0
        }
        guard match.notesAllowed, context != nil else { return 0 }
        if notes == nil { notes = try searcher.notesStarts(match, episode: episode, cursors: &positionCursors) }
        var count = 0.0
        for start in notes ?? [] where start >= record.first && start < record.end { count += 1 }
        return count
    }
}
