/// Upper bounds of the score of every moment of each candidate episode, computed for all
/// candidates at once, one match list at a time, before any episode is evaluated. Ranking
/// skips a candidate whose bound does not beat the current top k's threshold without
/// touching its moments (`Searcher.forEachMatch`).
///
/// The bound uses only what costs nothing to read: per alternative, the context part exactly
/// (its field frequencies and the episode's field norms); the own-text part as the best
/// chapter or section match in the moment postings, or, for takeaways and the summary, the
/// episode's whole notes frequency over its shortest such moment (a norm the index keeps per
/// episode). Chapters and sections, and takeaways and the summary, are bounded apart (no
/// moment is both): each part's best alternative is summed, and the larger sum is the bound.
/// Saturation is monotone, so no moment scores above it; excluded parts only remove moments.
/// It is raised by a billionth so that rounding cannot put a real score above it.
///
/// (Column by column over plain local arrays, not episode by episode through the evaluation's
/// state: that per-candidate path cost about 100 ns a candidate, mostly reference counting,
/// and a one-word query at 100,000 episodes has ~40,000 candidates.)
enum EpisodeBounds {
    static func of(_ candidates: ArraySlice<UInt32>, parts: [QueryPart], reader: IndexReader) throws(IndexCorruption) -> [Double] {
        let count = candidates.count
        let fieldCount = ClauseMatch.fieldCount
        let averages = EpisodeEvaluation.averageLengths(reader)
        // Per candidate: its moments' range, its context fields' and its shortest notes moment's normalisers.
        var starts = [Int](repeating: 0, count: count)
        var ends = [Int](repeating: 0, count: count)
        var lengths = [Double](repeating: 1, count: count * fieldCount)
        var notesNormalisers = [Double](repeating: 1, count: count)
        for (index, candidate) in candidates.enumerated() {
            let episode = Int(candidate)
            starts[index] = try reader.firstMoment(ofEpisode: episode)
            ends[index] = try reader.firstMoment(ofEpisode: episode + 1)
            for field in 0..<fieldCount {
                lengths[index * fieldCount + field] = EpisodeEvaluation.lengthNormaliser(reader.episodeNorm(episode, field: field),
                                                                                         average: averages[field])
            }
            notesNormalisers[index] = EpisodeEvaluation.lengthNormaliser(reader.shortestNotesMomentNorm(episode),
                                                                         average: reader.averageMomentLength)
        }
        var chapters = [Double](repeating: 0, count: count)
        var notes = [Double](repeating: 0, count: count)
        var bestChapter = [Double](repeating: 0, count: count)
        var bestNotes = [Double](repeating: 0, count: count)
        for part in parts {
            for index in 0..<count {
                bestChapter[index] = 0
                bestNotes[index] = 0
            }
            for match in part.alternatives {
                let moments = match.moments, momentFrequency = match.momentFrequency
                let episodes = match.episodes, episodeFrequency = match.episodeFrequency, notesFrequency = match.notesFrequency
                var momentCursor = 0, episodeCursor = 0
                for (index, candidate) in candidates.enumerated() {
                    var chapterOwn = 0.0
                    while momentCursor < moments.count, moments[momentCursor] < UInt32(starts[index]) { momentCursor += 1 }
                    while momentCursor < moments.count, moments[momentCursor] < UInt32(ends[index]) {
                        let moment = Int(moments[momentCursor])
                        let normaliser = EpisodeEvaluation.lengthNormaliser(reader.momentNorm(moment), average: reader.averageMomentLength)
                        chapterOwn = max(chapterOwn, momentFrequency[momentCursor] / normaliser)
                        momentCursor += 1
                    }
                    while episodeCursor < episodes.count, episodes[episodeCursor] < candidate { episodeCursor += 1 }
                    let inContext = episodeCursor < episodes.count && episodes[episodeCursor] == candidate
                    var context = 0.0
                    var notesOwn = 0.0
                    if inContext {
                        for field in 0..<fieldCount {
                            let frequency = episodeFrequency[episodeCursor * fieldCount + field]
                            if frequency > 0 { context += Ranking.fieldWeights[field] * frequency / lengths[index * fieldCount + field] }
                        }
                        if match.notesAllowed { notesOwn = notesFrequency[episodeCursor] / notesNormalisers[index] }
                    }
                    if chapterOwn > 0 || inContext {
                        let score = Ranking.score(context + Ranking.ownWeight * chapterOwn, boost: match.boost, idf: match.idf)
                        bestChapter[index] = max(bestChapter[index], score)
                    }
                    if notesOwn > 0 || inContext {
                        let score = Ranking.score(context + Ranking.ownWeight * notesOwn, boost: match.boost, idf: match.idf)
                        bestNotes[index] = max(bestNotes[index], score)
                    }
                }
            }
            for index in 0..<count {
                chapters[index] += bestChapter[index]
                notes[index] += bestNotes[index]
            }
        }
        return (0..<count).map { max(chapters[$0], notes[$0]) * (1 + 1e-9) }
    }
}
