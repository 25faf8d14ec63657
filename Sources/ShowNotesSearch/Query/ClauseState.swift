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
    /// `Ranking.score` of `context` alone: what a moment without the clause in its own text gets.
    var contextScore = 0.0
    /// The match's, kept here for the scoring loop.
    let boost: Double
    let idf: Double
    /// Where the clause starts in the current episode's notes field (storage reused).
    var notes: [UInt32] = []

    init(match: ClauseMatch) {
        self.match = match
        boost = match.boost
        idf = match.idf
        positionCursors = Array(repeating: PositionsCursor(), count: match.episodeLists.count)
    }

    /// The current episode's field frequencies (title, podcast, people, notes), when its context matches.
    var contextFrequencies: [UInt32]? {
        context == nil ? nil : match.frequencies(episodeCursor)
    }

    /// Moves to `episode`: finds its context entry.
    mutating func start(_ episode: UInt32, lengths: [Double]) {
        context = nil
        let episodes = match.episodes
        episodeCursor = QueryPart.gallop(episodes, from: episodeCursor, to: episode)   // evaluated episodes are sparse
        guard episodeCursor < episodes.count, episodes[episodeCursor] == episode else { return }
        let pseudo = match.contextPseudoFrequency(episodeCursor) { lengths[$0] }
        context = pseudo
        contextScore = Ranking.score(pseudo, boost: boost, idf: idf)
    }

    /// Adds the clause's own-text frequency in each moment of the current episode (`first`,
    /// laid out as `records`) to `own`: chapters and sections from the moment postings;
    /// takeaways and the summary, when `withNotes`, by counting where the clause starts in
    /// the notes field within each one's range (only where the context matches, as a
    /// takeaway's text is part of its episode's notes).
    mutating func addOwnFrequencies(first: Int, records: [MomentLayout.Record], withNotes: Bool, searcher: Searcher,
                                    episode: UInt32, into own: inout [Double], at base: Int) throws(IndexCorruption) {
        let moments = match.moments
        let end = first + records.count
        momentCursor = QueryPart.gallop(moments, from: momentCursor, to: UInt32(first))
        while momentCursor < moments.count, moments[momentCursor] < UInt32(end) {
            let offset = Int(moments[momentCursor]) - first
            if records[offset].kind == .chapter || records[offset].kind == .section { own[base + offset] = Double(match.momentFrequency[momentCursor]) }
            momentCursor += 1
        }
        guard withNotes, match.notesAllowed, context != nil else { return }
        var loaded = false
        for (offset, record) in records.enumerated() where record.kind == .takeaway || record.kind == .summary {
            if !loaded {
                try searcher.notesStarts(match, episode: episode, cursors: &positionCursors, into: &notes)
                loaded = true
                if notes.isEmpty { return }
            }
            own[base + offset] = Double(Self.lowerBound(notes, record.end) - Self.lowerBound(notes, record.first))
        }
    }

    /// The first index of ascending `values` holding `value` or more.
    static func lowerBound(_ values: [UInt32], _ value: UInt32) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
