import Testing
@testable import ShowNotesSearch

/// The level stored with each notes frequency (`NotesCeilings`) lets a search bound an
/// episode's takeaways and summary without reading positions. It must never bound below a
/// real score (else a result could be skipped), and it should bound well below the old
/// ceiling where the word sits in a long summary rather than a short takeaway.
@Suite("Notes ceilings: score bounds from the level stored with each notes frequency")
struct NotesCeilingTests {
    /// One episode: a 6-word takeaway at notes positions 0..<6, a 60-word summary at 6..<66.
    static func oneEpisode() -> NotesCeilings {
        var ceilings = NotesCeilings()
        ceilings.addMoment(first: 0, end: 6, norm: IndexFormat.encodeNorm(6))
        ceilings.addMoment(first: 6, end: 66, norm: IndexFormat.encodeNorm(60))
        ceilings.endEpisode()
        return ceilings
    }

    static func normaliser(_ code: UInt8) -> Double {
        Ranking.lengthNormaliser(IndexFormat.decodedNorms[Int(code)], average: 20)
    }

    static func level(_ ceilings: NotesCeilings, episode: Int = 0, _ positions: [UInt32]) -> Int {
        positions.withUnsafeBufferPointer { ceilings.level(episode: episode, positions: $0, normaliser: normaliser) }
    }

    @Test("a word in the shortest takeaway is at the ceiling; half of it there, half; in the long summary, well below; outside both, 0")
    func levels() {
        let ceilings = Self.oneEpisode()
        #expect(Self.level(ceilings, [2]) == NotesCeilings.levels)
        #expect(Self.level(ceilings, [2, 30]) == 4)   // one of the two in the takeaway: half the ceiling, rounded up
        let inSummary = Self.level(ceilings, [10, 40])
        #expect(inSummary > 0 && inSummary < NotesCeilings.levels / 2, "level \(inSummary)")
        #expect(Self.level(ceilings, [70]) == 0)   // past every takeaway (an intro, say)
        #expect(Self.level(ceilings, []) == 0)
        var none = NotesCeilings()
        none.endEpisode()
        #expect(Self.level(none, [1]) == 0)   // an episode without takeaways or summary
    }

    @Test("level / 7 of the ceiling is never below the best moment's own part, over many layouts")
    func neverBelow() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            var ceilings = NotesCeilings()
            var layout: [(first: UInt32, end: UInt32, norm: UInt8)] = []
            var next: UInt32 = UInt32.random(in: 0...5, using: &random)
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let length = UInt32.random(in: 1...80, using: &random)
                layout.append((next, next + length, IndexFormat.encodeNorm(Int(length))))
                ceilings.addMoment(first: next, end: next + length, norm: IndexFormat.encodeNorm(Int(length)))
                next += length + UInt32.random(in: 0...3, using: &random)
            }
            ceilings.endEpisode()
            let positions = (0..<Int.random(in: 1...12, using: &random)).map { _ in UInt32.random(in: 0...next, using: &random) }
            let sorted = Array(Set(positions)).sorted()
            let level = Self.level(ceilings, sorted)
            let best = layout.map { moment in
                Double(sorted.filter { $0 >= moment.first && $0 < moment.end }.count) / Self.normaliser(moment.norm)
            }.max() ?? 0
            let shortest = layout.map(\.norm).min() ?? UInt8.max
            let bound = Double(sorted.count * level) / Double(NotesCeilings.levels) / Self.normaliser(shortest)
            #expect(bound * (1 + 1e-9) >= best, "level \(level), positions \(sorted), layout \(layout)")
            #expect(level == 0 || best > 0)
        }
    }

    @Test("every candidate's bound, and its chapter-tightened bound, is at least the best score of its moments, on a generated library")
    func boundsHoldOnALibrary() throws {
        let searcher = Searcher(reader: try EpisodeSkippingTests.library())
        for text in EpisodeSkippingTests.queries {
            let plan = try searcher.plan(SearchQuery(text), fuzzy: false, relaxed: true)
            let candidates = try searcher.candidates(plan)
            let bounds = try EpisodeBounds.of(candidates[...], parts: plan.required + plan.optional, reader: searcher.reader)
            var sink = BestPerEpisode()
            try searcher.forEachMatch(plan, in: candidates[...], kinds: [], scoring: true, into: &sink)
            #expect(!sink.best.isEmpty, "\(text) matches something")
            var chapters = ChapterCeiling(parts: plan.required + plan.optional, reader: searcher.reader)
            for (offset, candidate) in candidates.enumerated() {
                let episode = Int(candidate)
                let tightened = max(bounds.notes[offset], chapters.best(candidate, first: try searcher.reader.firstMoment(ofEpisode: episode),
                                                                        end: try searcher.reader.firstMoment(ofEpisode: episode + 1)))
                // The two round differently (the bound multiplies by scales, the ceiling divides):
                // equal up to that rounding, far below the margin both carry.
                #expect(tightened <= bounds.all[offset] * (1 + 1e-12), "\(text): episode \(candidate) tightened above the bound")
                guard let best = sink.best[episode] else { continue }
                #expect(bounds.all[offset] >= best, "\(text): episode \(candidate) bound \(bounds.all[offset]) below \(best)")
                #expect(tightened >= best, "\(text): episode \(candidate) chapter ceiling \(tightened) below \(best)")
            }
        }
    }

    @Test("--verify recomputes every notes level: the index's all agree, levels from other normalisers do not")
    func verifyRecomputesLevels() throws {
        let reader = try EpisodeSkippingTests.library()
        try IndexVerifier.checkDictionary(reader)
        let right = try IndexVerifier.notesFrequencyWriter(reader)
        let wrong = NotesFrequencyWriter(ceilings: right.ceilings, normalisers: right.normalisers.map { _ in 1 })
        var mismatched = 0
        for word in ["team", "sleep", "coach", "rest", "focus", "hill", "diet", "race", "speed", "tempo"] {
            let info = try #require(try reader.lookup(word), "\(word) is indexed")
            func walk(_ notes: NotesFrequencyWriter) throws {
                _ = try IndexVerifier.walkPostings(reader, .episodePostings, offset: info.episodePostings, count: info.episodeCount,
                                                   fields: IndexFormat.EpisodeField.allCases.count, limit: reader.episodeCount,
                                                   positions: info.episodePositions, notes: notes)
            }
            try walk(right)
            do { try walk(wrong) } catch { mismatched += 1 }
        }
        #expect(mismatched > 0, "levels computed with every moment the same length should disagree somewhere")
    }

    /// Every match, no skipping: the best score of each episode.
    struct BestPerEpisode: MatchSink {
        var best: [Int: Double] = [:]
        mutating func admit(_ episode: Int) throws(IndexCorruption) -> Int? { 0 }
        mutating func take(episode: Int, day: Int, moment: Int, score: Double) { best[episode] = max(best[episode] ?? 0, score) }
        var threshold: Double { -.infinity }
    }
}
