/// A query resolved against the index once: each required, excluded and optional part's
/// matches, and the analysed terms (for snippets).
struct MatchPlan {
    var required: [QueryPart]
    var excluded: [QueryPart]
    /// Parts that add to the score where they occur but exclude nothing (`StopWords`).
    var optional: [QueryPart] = []
    var terms: [String]
}

extension Searcher {
    /// Looks every clause up; with `fuzzy`, words also match their near neighbours; with
    /// `relaxed` (the ranked list, not `--count`), stop words become optional.
    func plan(_ query: SearchQuery, fuzzy: Bool, relaxed: Bool = false) throws(IndexCorruption) -> MatchPlan {
        var needed = query.required
        var optionalClauses: [SearchQuery.Clause] = []
        if relaxed, needed.contains(where: { !StopWords.isOptional($0) }) {
            optionalClauses = needed.filter(StopWords.isOptional)
            needed.removeAll(where: StopWords.isOptional)
        }
        let required = try splitMap(needed, cost: estimatedCost) { searcher, clause throws(IndexCorruption) in
            try searcher.part(clause, fuzzy: fuzzy, variants: relaxed)
        }
        let excluded = try query.excluded.map { clause throws(IndexCorruption) in try part(clause, fuzzy: false, variants: false) }
        let optional = try optionalClauses.map { clause throws(IndexCorruption) in try part(clause, fuzzy: false, variants: false) }
        let terms = (required + optional).flatMap { $0.alternatives.flatMap(\.terms) }
        return MatchPlan(required: required, excluded: excluded, optional: optional, terms: terms)
    }

    /// Sends every matching moment to `sink`, episode by episode in index order (after the
    /// sink's `seeds`, when ranking); the sink is asked once per candidate episode whether to
    /// look at it at all. A moment that no part matches in its own text scores
    /// `Ranking.inheritedWeight` of its context score.
    /// While ranking, an episode whose score bound (`EpisodeBounds`) cannot beat the
    /// sink's `threshold` is skipped before its moments are scored; returns how many were.
    /// (Generic, not closures: the hot loop is specialised for each sink and inlined.)
    @discardableResult
    func forEachMatch<Sink: MatchSink>(_ plan: MatchPlan, kinds: Set<MomentKind>, scoring: Bool,
                                       into sink: inout Sink) throws(IndexCorruption) -> Int {
        try forEachMatch(plan, in: try candidates(plan)[...], kinds: kinds, scoring: scoring, into: &sink)
    }

    /// The episodes in which every required part can match (through context or a moment),
    /// ascending: those the part with the shortest lists touches, kept where each other part
    /// touches them too (looked up by galloping, not by listing everything the longer parts touch).
    /// Only those in `range`, when given.
    func candidates(_ plan: MatchPlan, in range: Range<UInt32>? = nil) throws(IndexCorruption) -> [UInt32] {
        let sizes = plan.required.map(\.size)
        guard let rarest = sizes.indices.min(by: { sizes[$0] < sizes[$1] }) else { return [] }
        var result = try plan.required[rarest].touchedEpisodes(reader: reader, in: range)
        // The others from the shortest up: each leaves fewer episodes for the next.
        for index in plan.required.indices.sorted(by: { sizes[$0] < sizes[$1] }) where index != rarest && !result.isEmpty {
            result = try plan.required[index].touched(among: result, reader: reader)
        }
        return result
    }

    /// The same over some of the candidate episodes (ascending).
    @discardableResult
    func forEachMatch<Sink: MatchSink>(_ plan: MatchPlan, in candidates: ArraySlice<UInt32>, kinds: Set<MomentKind>,
                                       scoring: Bool, into sink: inout Sink) throws(IndexCorruption) -> Int {
        guard !plan.required.isEmpty else { return 0 }
        let scored = plan.required + plan.optional
        let bounds = scoring ? try EpisodeBounds.of(candidates, parts: scored, reader: reader) : EpisodeBounds.Bounds()
        var chapters = scoring && scored.count > 1 ? ChapterCeiling(parts: scored, reader: reader) : nil
        var records: [MomentLayout.Record] = []
        // The candidates with the highest bounds are evaluated first: their scores raise the
        // threshold early, so fewer of the others are (the top k keeps the same moments in any
        // order: ties go to the lower moment number).
        let seeds = scoring ? bounds.seeds(sink.seeds) : []
        if !seeds.isEmpty {
            // Evaluated first, by an evaluation of their own (its cursors only move forward).
            var evaluation = EpisodeEvaluation(plan, searcher: self, scoring: scoring)
            for offset in seeds {
                let episode = Int(candidates[candidates.startIndex + offset])
                guard let day = try sink.admit(episode) else { continue }
                try evaluate(episode, day: day, first: try reader.firstMoment(ofEpisode: episode), plan: plan, kinds: kinds,
                             evaluation: &evaluation, records: &records, into: &sink)
            }
        }
        var evaluation = EpisodeEvaluation(plan, searcher: self, scoring: scoring)
        var skipped = 0
        var nextSeed = 0
        for (offset, candidate) in candidates.enumerated() {
            if nextSeed < seeds.count, seeds[nextSeed] == offset {
                nextSeed += 1
                continue
            }
            let episode = Int(candidate)
            guard let day = try sink.admit(episode) else { continue }
            // Skip an episode none of whose moments can be listed (the bound is the ceiling of
            // every moment's score, so the results do not change), before anything of it is read.
            let threshold = sink.threshold
            if scoring, threshold > -.infinity, bounds.all[offset] < threshold {
                skipped += 1
                continue
            }
            let first = try reader.firstMoment(ofEpisode: episode)
            // With several parts, the chapter side of that bound is tightened before evaluating.
            if scoring, threshold > -.infinity, bounds.notes[offset] < threshold,
               let best = try chapters?.best(candidate, first: first, end: reader.firstMoment(ofEpisode: episode + 1)), best < threshold {
                skipped += 1
                continue
            }
            try evaluate(episode, day: day, first: first, plan: plan, kinds: kinds, evaluation: &evaluation, records: &records, into: &sink)
        }
        return skipped
    }

    /// Scores every moment of `episode` (whose first moment is `first`) and sends those that
    /// match to `sink`; `evaluation` and `records` are reused from one episode to the next.
    private func evaluate<Sink: MatchSink>(_ episode: Int, day: Int, first: Int, plan: MatchPlan, kinds: Set<MomentKind>,
                                           evaluation: inout EpisodeEvaluation, records: inout [MomentLayout.Record],
                                           into sink: inout Sink) throws(IndexCorruption) {
        let required = plan.required.count
        let excludedEnd = required + plan.excluded.count
        let partCount = evaluation.parts.count
        evaluation.start(UInt32(episode))
        try reader.momentRecords(ofEpisode: episode, into: &records)
        try evaluation.load(first: first, records: records)
        // Moments that no part matches in their own text all score the same (their
        // episode's context, discounted by kind): computed once, at the first of them.
        var contextOnly: Double?? = .none
        for (offset, record) in records.enumerated() {
            let moment = first + offset
            if !kinds.isEmpty && !kinds.contains(record.kind) { continue }
            let hasOwn = evaluation.hasOwnMatch(moment)
            if !hasOwn, let known = contextOnly {
                if let known { sink.take(episode: episode, day: day, moment: moment, score: known * Ranking.inheritedWeight(record.kind)) }
                continue
            }
            var score = 0.0
            var matches = true
            var own = false
            let normaliser = hasOwn ? evaluation.ownNormaliser(moment) : 1
            for index in 0..<required {
                guard let weight = evaluation.weight(index, moment: moment, normaliser: normaliser, own: &own) else {
                    matches = false
                    break
                }
                score += weight
            }
            var isExcluded = false
            for index in required..<excludedEnd where matches && evaluation.matches(index, moment: moment) {
                isExcluded = true
                break
            }
            guard matches, !isExcluded else {
                if !hasOwn { contextOnly = .some(nil) }
                continue
            }
            for index in excludedEnd..<partCount {
                score += evaluation.weight(index, moment: moment, normaliser: normaliser, own: &own) ?? 0
            }
            if !hasOwn { contextOnly = .some(score) }
            if !own { score *= Ranking.inheritedWeight(record.kind) }
            sink.take(episode: episode, day: day, moment: moment, score: score)
        }
    }

    /// About how much work looking `clause` up is: how many postings its terms have (nil for
    /// a prefix, whose terms are not known before it is expanded). `part` looks the terms up
    /// again: a dictionary lookup is microseconds, decoding the lists is milliseconds.
    func estimatedCost(_ clause: SearchQuery.Clause) throws(IndexCorruption) -> Int? {
        let terms: [String]
        switch clause {
        case .word(let text, _):
            let words = analyzer.queryTerms(text)
            terms = words.count == 1 ? words : analyzer.phraseTerms(text)
        case .phrase(let text, _): terms = analyzer.phraseTerms(text)
        case .prefix: return nil
        case .any(let alternatives):
            var total = 0
            for alternative in alternatives {
                guard let cost = try estimatedCost(alternative) else { return nil }
                total += cost
            }
            return total
        }
        var total = 0
        for term in terms { if let info = try reader.lookup(term) { total += info.momentCount + info.episodeCount } }
        return total
    }

    /// One required or excluded part: a clause, or the flattened alternatives of `a OR b`;
    /// with `fuzzy` also a word's near neighbours, with `variants` its other spellings.
    func part(_ clause: SearchQuery.Clause, fuzzy: Bool, variants: Bool) throws(IndexCorruption) -> QueryPart {
        if case .any(let alternatives) = clause {
            var flattened: [ClauseMatch] = []
            for alternative in alternatives { flattened += try part(alternative, fuzzy: fuzzy, variants: variants).alternatives }
            return QueryPart(alternatives: flattened)
        }
        let typed = try match(clause)
        var alternatives = [typed]
        if variants { alternatives += try otherSpellings(of: clause, typedMatch: typed) }
        if fuzzy { alternatives += try neighbours(of: clause, typedMatch: typed) }
        return QueryPart(alternatives: alternatives)
    }

    /// A word's other spellings (`SpellingVariants`) that the index holds, as alternatives.
    private func otherSpellings(of clause: SearchQuery.Clause, typedMatch: ClauseMatch) throws(IndexCorruption) -> [ClauseMatch] {
        guard case .word(let typed, let field) = clause, let folded = Self.foldedWord(typed) else { return [] }
        var result: [ClauseMatch] = []
        for variant in SpellingVariants.variants(of: String(decoding: folded, as: UTF8.self)) {
            guard let term = analyzer.queryTerms(variant).first, !typedMatch.terms.contains(term),
                  try reader.lookup(term) != nil
            else { continue }
            var other = try match(.word(variant, field))
            other.typed = Self.trimmed(typed)
            result.append(other)
        }
        return result
    }

}
