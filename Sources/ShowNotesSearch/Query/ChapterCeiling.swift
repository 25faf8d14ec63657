/// The exact best score of an episode's chapters and sections, for a query of several scored
/// parts, asked only of a candidate whose `EpisodeBounds` bound beats the threshold.
///
/// `EpisodeBounds` adds up each part's best chapter, and for a long query those are often
/// different chapters: at 100,000 episodes, most of the candidates of `mental health sleep
/// habits` that passed that bound passed it on their chapter side. Here each chapter's own sum
/// is taken — the parts' context and own-text scores in that chapter — without decoding the
/// episode's layout or any positions, so a candidate it rules out costs a fraction of an
/// evaluation. Takeaways and the summary keep their `EpisodeBounds` side.
struct ChapterCeiling {
    private let parts: [QueryPart]
    private let reader: IndexReader
    /// Per part and alternative, where its moment and episode lists were left (candidates
    /// come in ascending order, so lists are only searched forward).
    private var cursors: [[(moment: Int, episode: Int)]]
    private var sums: [Double] = []
    private var partBest: [Double] = []
    private var lengths = [Double](repeating: 1, count: ClauseMatch.fieldCount)

    init(parts: [QueryPart], reader: IndexReader) {
        self.parts = parts
        self.reader = reader
        cursors = parts.map { [(moment: Int, episode: Int)](repeating: (0, 0), count: $0.alternatives.count) }
    }

    /// The best score any chapter or section of `episode` (moments `first..<end`) can have,
    /// raised by `EpisodeBounds.margin`.
    mutating func best(_ episode: UInt32, first: Int, end: Int) -> Double {
        let count = end - first
        guard count > 0 else { return 0 }
        for field in 0..<ClauseMatch.fieldCount { lengths[field] = reader.episodeNormaliser(Int(episode), field: field) }
        if sums.count < count {
            sums = Array(repeating: 0, count: count)
            partBest = sums
        }
        // Worked on as plain buffers, moved out of `self` meanwhile: through the properties,
        // every write was checked for uniqueness (this runs for thousands of candidates).
        var sums = self.sums, partBest = self.partBest
        self.sums = []
        self.partBest = []
        defer {
            self.sums = sums
            self.partBest = partBest
        }
        return sums.withUnsafeMutableBufferPointer { sums in
            partBest.withUnsafeMutableBufferPointer { partBest in
                for slot in 0..<count { sums[slot] = 0 }
                for (partIndex, part) in parts.enumerated() {
                    for slot in 0..<count { partBest[slot] = 0 }
                    var contextBest = 0.0
                    for alternative in part.alternatives.indices {
                        cursors[partIndex][alternative] = Self.add(part.alternatives[alternative], episode: episode, first: first, end: end,
                                                                   from: cursors[partIndex][alternative], lengths: lengths, reader: reader,
                                                                   contextBest: &contextBest, partBest: partBest)
                    }
                    for slot in 0..<count { sums[slot] += max(partBest[slot], contextBest) }
                }
                var best = 0.0
                for slot in 0..<count { best = max(best, sums[slot]) }
                return best * EpisodeBounds.margin
            }
        }
    }

    /// One alternative's scores in the episode's chapters, into `partBest` (by moment from
    /// `first`), and its context-only score into `contextBest`; returns where its lists were
    /// left. (`borrowing`: iterating the alternatives copied each, its arrays retained and released.)
    private static func add(_ match: borrowing ClauseMatch, episode: UInt32, first: Int, end: Int, from cursors: (moment: Int, episode: Int),
                            lengths: [Double], reader: IndexReader, contextBest: inout Double,
                            partBest: UnsafeMutableBufferPointer<Double>) -> (moment: Int, episode: Int) {
        let episodeCursor = QueryPart.gallop(match.episodes, from: cursors.episode, to: episode)
        var context = 0.0
        if episodeCursor < match.episodes.count, match.episodes[episodeCursor] == episode {
            context = match.contextPseudoFrequency(episodeCursor) { lengths[$0] }
            contextBest = max(contextBest, Ranking.score(context, boost: match.boost, idf: match.idf))
        }
        var momentCursor = QueryPart.gallop(match.moments, from: cursors.moment, to: UInt32(first))
        while momentCursor < match.moments.count, match.moments[momentCursor] < UInt32(end) {
            let moment = Int(match.moments[momentCursor])
            let own = Double(match.momentFrequency[momentCursor]) / reader.momentNormaliser(moment)
            let score = Ranking.score(context + Ranking.ownWeight * own, boost: match.boost, idf: match.idf)
            partBest[moment - first] = max(partBest[moment - first], score)
            momentCursor += 1
        }
        return (momentCursor, episodeCursor)
    }
}
