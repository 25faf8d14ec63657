/// Upper bounds of the score of every moment of each candidate episode, computed for all
/// candidates at once, one match list at a time, before any episode is evaluated. Ranking
/// skips a candidate whose bound does not beat the current top k's threshold without
/// touching its moments (`Searcher.forEachMatch`).
///
/// The bound uses only what costs nothing to read: per alternative, the context part exactly
/// (its field frequencies and the episode's field norms); the own-text part as the best
/// chapter or section match in the moment postings, or, for takeaways and the summary, the
/// episode's whole notes frequency over its shortest such moment (a norm the index keeps per
/// episode), scaled by the level stored with it (`NotesCeilings`: how much of that ceiling
/// the best of them reaches, in sevenths, rounded up). Chapters and sections, and takeaways and the summary, are bounded apart (no
/// moment is both): each part's best alternative is summed, and the larger sum is the bound.
/// Saturation is monotone, so no moment scores above it; excluded parts only remove moments.
/// It is raised by a billionth so that rounding cannot put a real score above it.
///
/// (Column by column over plain local arrays, not episode by episode through the evaluation's
/// state: that per-candidate path cost about 100 ns a candidate, mostly reference counting,
/// and a one-word query at 100,000 episodes has ~40,000 candidates.)
enum EpisodeBounds {
    /// Raises a bound so that rounding cannot put a real score above it.
    static let margin = 1 + 1e-9

    /// Candidates are bounded this many at a time, in buffers reused from one run to the next:
    /// a one-word query at 100,000 episodes has ~40,000 candidates, and per-candidate arrays
    /// for all of them were ~4 MB of fresh pages, each costing a page fault.
    static let run = 2048

    /// Per candidate, the bound of all its moments, and the bound of its takeaways and
    /// summary alone (its notes side; `ChapterCeiling` gives the exact chapter side).
    struct Bounds {
        var all: [Double] = []
        var notes: [Double] = []

        /// The offsets, ascending, of the `count` candidates with the highest bounds (all of
        /// them when there are no more than that).
        func seeds(_ count: Int) -> [Int] {
            guard count > 0 else { return [] }
            if all.count <= count { return Array(all.indices) }
            // The best `count` so far, weakest first: most candidates fail the first compare.
            var best: [(bound: Double, offset: Int)] = []
            best.reserveCapacity(count)
            for (offset, bound) in all.enumerated() where best.count < count || bound > best[0].bound {
                if best.count == count { best.removeFirst() }
                best.insert((bound, offset), at: best.firstIndex { $0.bound > bound } ?? best.count)
            }
            return best.map(\.offset).sorted()
        }
    }

    static func of(_ candidates: ArraySlice<UInt32>, parts: [QueryPart], reader: IndexReader) throws(IndexCorruption) -> Bounds {
        var bounds = Bounds()
        bounds.all.reserveCapacity(candidates.count)
        bounds.notes.reserveCapacity(candidates.count)
        var scratch = Scratch(capacity: min(run, candidates.count))
        // Per part and alternative: where its moment and episode lists were left by the last run,
        // at first where the first candidate's are (far into them for the second half of a
        // query ranked on two threads; lists are walked one entry at a time after that).
        guard let firstCandidate = candidates.first else { return bounds }
        let firstMoment = UInt32(try reader.firstMoment(ofEpisode: Int(firstCandidate)))
        var cursors = parts.map { part in
            part.alternatives.map { match in
                (moment: QueryPart.gallop(match.moments, from: 0, to: firstMoment), episode: QueryPart.gallop(match.episodes, from: 0, to: firstCandidate))
            }
        }
        var start = candidates.startIndex
        while start < candidates.endIndex {
            let end = min(start + run, candidates.endIndex)
            try bound(candidates[start..<end], parts: parts, reader: reader, cursors: &cursors, scratch: &scratch, into: &bounds)
            start = end
        }
        return bounds
    }

    /// Per-candidate working values of one run.
    private struct Scratch {
        /// Per candidate: `contextScales` per context field, its weight over the field's
        /// normaliser; `notesScales`, one over its shortest notes moment's normaliser times the
        /// levels (multiplications in the loop over parts, not divisions).
        var starts: [Int], ends: [Int], contextScales: [Double], notesScales: [Double]
        var chapters: [Double], notes: [Double], bestChapter: [Double], bestNotes: [Double]

        init(capacity: Int) {
            starts = Array(repeating: 0, count: capacity)
            ends = starts
            contextScales = Array(repeating: 1, count: capacity * ClauseMatch.fieldCount)
            notesScales = Array(repeating: 1, count: capacity)
            chapters = Array(repeating: 0, count: capacity)
            notes = chapters
            bestChapter = chapters
            bestNotes = chapters
        }
    }

    /// Appends the bounds of one run of candidates (at most `run`) to `bounds`.
    private static func bound(_ candidates: ArraySlice<UInt32>, parts: [QueryPart], reader: IndexReader,
                              cursors: inout [[(moment: Int, episode: Int)]], scratch: inout Scratch,
                              into bounds: inout Bounds) throws(IndexCorruption) {
        let fieldCount = ClauseMatch.fieldCount
        // Per candidate: its moments' range, and its scales.
        for (index, candidate) in candidates.enumerated() {
            let episode = Int(candidate)
            scratch.starts[index] = try reader.firstMoment(ofEpisode: episode)
            scratch.ends[index] = try reader.firstMoment(ofEpisode: episode + 1)
            for field in 0..<fieldCount {
                scratch.contextScales[index * fieldCount + field] = Ranking.fieldWeights[field] / reader.episodeNormaliser(episode, field: field)
            }
            scratch.notesScales[index] = 1 / (Double(NotesCeilings.levels) * reader.episodeNormaliser(episode, field: fieldCount))
            scratch.chapters[index] = 0
            scratch.notes[index] = 0
        }
        for (partIndex, part) in parts.enumerated() {
            for index in 0..<candidates.count {
                scratch.bestChapter[index] = 0
                scratch.bestNotes[index] = 0
            }
            for (alternative, match) in part.alternatives.enumerated() {
                let moments = match.moments, momentFrequency = match.momentFrequency
                let episodes = match.episodes, notesCeiling = match.notesCeiling
                var (momentCursor, episodeCursor) = cursors[partIndex][alternative]
                for (index, candidate) in candidates.enumerated() {
                    var chapterOwn = 0.0
                    while momentCursor < moments.count, moments[momentCursor] < UInt32(scratch.starts[index]) { momentCursor += 1 }
                    while momentCursor < moments.count, moments[momentCursor] < UInt32(scratch.ends[index]) {
                        let normaliser = reader.momentNormaliser(Int(moments[momentCursor]))
                        chapterOwn = max(chapterOwn, Double(momentFrequency[momentCursor]) / normaliser)
                        momentCursor += 1
                    }
                    while episodeCursor < episodes.count, episodes[episodeCursor] < candidate { episodeCursor += 1 }
                    let inContext = episodeCursor < episodes.count && episodes[episodeCursor] == candidate
                    var context = 0.0
                    var notesOwn = 0.0
                    if inContext {
                        context = match.contextPseudoFrequency(episodeCursor, scales: scratch.contextScales, from: index * fieldCount)
                        if match.notesAllowed { notesOwn = Double(notesCeiling[episodeCursor]) * scratch.notesScales[index] }
                    }
                    if chapterOwn > 0 || inContext {
                        let score = Ranking.score(context + Ranking.ownWeight * chapterOwn, boost: match.boost, idf: match.idf)
                        scratch.bestChapter[index] = max(scratch.bestChapter[index], score)
                    }
                    if notesOwn > 0 || inContext {
                        let score = Ranking.score(context + Ranking.ownWeight * notesOwn, boost: match.boost, idf: match.idf)
                        scratch.bestNotes[index] = max(scratch.bestNotes[index], score)
                    }
                }
                cursors[partIndex][alternative] = (momentCursor, episodeCursor)
            }
            for index in 0..<candidates.count {
                scratch.chapters[index] += scratch.bestChapter[index]
                scratch.notes[index] += scratch.bestNotes[index]
            }
        }
        for index in 0..<candidates.count {
            bounds.all.append(max(scratch.chapters[index], scratch.notes[index]) * margin)
            bounds.notes.append(scratch.notes[index] * margin)
        }
    }
}
