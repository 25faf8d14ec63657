/// What a search returns: the hits, grouped by episode, and any spelling correction.
public struct SearchResult: Sendable {
    public var hits: [Searcher.Hit]
    /// Set when some words are unknown: what they could be, and whether `hits` are for the
    /// corrected query (`Correction.applied`).
    public var correction: Correction?

    /// For each hit, whether no later hit belongs to its episode: where a list prints the
    /// episode's "+N more" line (hits of an episode are together unless `--per-episode 0`).
    public var lastOfEpisode: [Bool] {
        let episodes = hits.map(\.episode)
        let count = episodes.count
        let firstFromEnd = EpisodeGroups.firstRanks(episodes.reversed())
        return episodes.indices.map { count - 1 - firstFromEnd[count - 1 - $0] == $0 }
    }
}

extension Searcher {
    /// Runs a request: ranks, groups by episode, corrects typos as `request.typos` says. A
    /// correction is only offered when the corrected query finds something.
    public func search(_ request: SearchRequest) throws(IndexCorruption) -> SearchResult {
        let hits = try ranked(request)
        guard hits.isEmpty, var correction = try correction(for: request.query) else { return SearchResult(hits: hits, correction: nil) }
        var corrected = request
        corrected.query = correction.query
        if request.typos == .exact { corrected.limit = 1 }   // only to know that it finds something
        let found = try ranked(corrected)
        guard !found.isEmpty else { return SearchResult(hits: hits, correction: nil) }
        guard request.typos != .exact else { return SearchResult(hits: hits, correction: correction) }
        correction.applied = true
        return SearchResult(hits: found, correction: correction)
    }

    /// The ranked, grouped hits of a request (no correction).
    private func ranked(_ request: SearchRequest) throws(IndexCorruption) -> [Hit] {
        let plan = try self.plan(request.query, fuzzy: request.typos == .fuzzy, relaxed: true)
        var sink = RankingSink(groups: EpisodeGroups(limit: request.limit, perEpisode: request.perEpisode),
                               dates: try EpisodeDates(reader: reader, range: request.dates, order: request.order))
        try forEachMatch(plan, kinds: request.query.kinds, scoring: true, into: &sink)
        let ranked = sink.groups.ranked()
        let shown = EpisodeGroups.shownCounts(ranked.map(\.episode))
        var texts = try reader.momentTexts()
        var episodeTexts = try reader.episodeTexts()
        var people = PersonPages(searcher: self)
        var hits: [Hit] = []
        for (position, item) in ranked.enumerated() {
            var hit = try self.hit(item.moment, score: item.score, terms: plan.terms, texts: &texts, episodeTexts: &episodeTexts)
            hit.episode = item.episode
            hit.more = item.episodeMatches - shown[position]
            if hit.kind == .section || hit.kind == .summary {
                hit.appearances = try people.appearances(ofPage: item.episode, title: hit.episodeTitle)
            }
            if request.explain { hit.explanation = try explain(item.moment, plan: plan) }
            hits.append(hit)
        }
        return hits
    }
}
