/// What a search returns: the hits, grouped by episode, and any spelling correction.
public struct SearchResult: Sendable {
    public var hits: [Searcher.Hit]
    /// Set when some words are unknown: what they could be, and whether `hits` are for the
    /// corrected query (`Correction.applied`).
    public var correction: Correction?
    /// Sources whose texts could not be shown (missing, or changed since the index was
    /// built), by their stored path, with why; their hits show `Searcher.unavailableText`.
    public var unavailableSources: [(source: String, reason: String)] = []

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
        let result = try ranked(request)
        guard result.hits.isEmpty, var correction = try correction(for: request.query) else { return result }
        var corrected = request
        corrected.query = correction.query
        if request.typos == .exact { corrected.limit = 1 }   // only to know that it finds something
        var found = try ranked(corrected)
        guard !found.hits.isEmpty else { return result }
        guard request.typos != .exact else { return SearchResult(hits: result.hits, correction: correction) }
        correction.applied = true
        found.correction = correction
        return found
    }

    /// The ranked, grouped hits of a request (no correction).
    private func ranked(_ request: SearchRequest) throws(IndexCorruption) -> SearchResult {
        let plan = try self.plan(request.query, fuzzy: request.typos == .fuzzy, relaxed: true)
        let ranked = try rankedMoments(plan, request: request)
        let shown = EpisodeGroups.shownCounts(ranked.map(\.episode))
        /// The hits of `ranked[range]`, with the sources whose texts could not be shown.
        func hits(_ range: Range<Int>, by searcher: Searcher) throws(IndexCorruption) -> (hits: [Hit], unavailable: [(source: String, reason: String)]) {
            var texts = try MomentTextReader(reader: reader)
            var episodeTexts = try reader.episodeTexts()
            var people = PersonPages(searcher: searcher)
            var hits: [Hit] = []
            for position in range {
                let item = ranked[position]
                var hit = try searcher.hit(item.moment, score: item.score, terms: plan.terms, texts: &texts, episodeTexts: &episodeTexts)
                hit.episode = item.episode
                hit.more = item.episodeMatches - shown[position]
                if hit.kind == .section || hit.kind == .summary {
                    hit.appearances = try people.appearances(ofPage: item.episode, title: hit.episodeTitle)
                }
                if request.explain { hit.explanation = try searcher.explain(item.moment, plan: plan) }
                hits.append(hit)
            }
            return (hits, texts.unavailable)
        }
        // Each hit inflates a block or two of stored text and reads its source file: with
        // several, the second half is made on a second thread, by a searcher of its own.
        guard ranked.count >= Self.hitsWorthASecondThread else {
            let (all, unavailable) = try hits(ranked.indices, by: self)
            return SearchResult(hits: all, correction: nil, unavailableSources: unavailable)
        }
        let middle = ranked.count / 2
        let other = Searcher(reader: reader)
        var first: (hits: [Hit], unavailable: [(source: String, reason: String)]) = ([], [])
        var second = first
        try Self.inParallel({ () throws(IndexCorruption) in
            second = try hits(middle..<ranked.count, by: other)
        }, alongside: { () throws(IndexCorruption) in
            first = try hits(0..<middle, by: self)
        })
        var unavailable = first.unavailable
        for source in second.unavailable { MomentTextReader.note(source, in: &unavailable) }
        return SearchResult(hits: first.hits + second.hits, correction: nil, unavailableSources: unavailable)
    }
}

extension Searcher {
    /// Hits are made on two threads from this many on.
    static let hitsWorthASecondThread = 6

    /// A query is ranked on two threads only when its rarest part can touch this many
    /// episodes or more (a phrase's positions are read on two threads when each of its words
    /// has this many entries)...
    static let episodesWorthASecondThread = 2048
    /// ...and it has this many scored parts: the score bound sums each part's best case, so it
    /// skips little of a long query, which then evaluates most of its candidates; a short query is
    /// mostly skipped, and halves would each have to fill a top k before skipping anything.
    static let partsWorthASecondThread = 3

    /// The best moments of `plan`, grouped by episode. For a long query with many candidates,
    /// the episodes are cut in two halves by number, and the second half's candidates are
    /// found and ranked on a second thread into a top k of its own, then the two are merged:
    /// each keeps every moment that could make the overall list, so the result is the one a
    /// single pass gives (`EpisodeSkippingTests`). Each half skips against the higher of the
    /// two thresholds (`SharedThreshold`). `twoThreads` overrides the choice (for tests).
    func rankedMoments(_ plan: MatchPlan, request: SearchRequest, twoThreads: Bool? = nil) throws(IndexCorruption) -> [RankedMoment] {
        let rarest = plan.required.map(\.size).min() ?? 0
        let split = twoThreads ?? (rarest >= Self.episodesWorthASecondThread
                                   && plan.required.count + plan.optional.count >= Self.partsWorthASecondThread)
        func sink() throws(IndexCorruption) -> RankingSink {
            RankingSink(groups: EpisodeGroups(limit: request.limit, perEpisode: request.perEpisode),
                        dates: try EpisodeDates(reader: reader, range: request.dates, order: request.order))
        }
        var first = try sink()
        let kinds = request.query.kinds
        let episodes = UInt32(reader.episodeCount)
        guard split, episodes >= 2 else {
            try forEachMatch(plan, in: try candidates(plan)[...], kinds: kinds, scoring: true, into: &first)
            return first.groups.ranked()
        }
        let middle = episodes / 2
        var second = try sink()
        let shared = SharedThreshold()
        first.shared = shared
        second.shared = shared
        try Self.inParallel({ () throws(IndexCorruption) in
            try self.forEachMatch(plan, in: try self.candidates(plan, in: middle..<episodes)[...], kinds: kinds, scoring: true, into: &second)
        }, alongside: { () throws(IndexCorruption) in
            try self.forEachMatch(plan, in: try self.candidates(plan, in: 0..<middle)[...], kinds: kinds, scoring: true, into: &first)
        })
        first.groups.merge(second.groups)
        return first.groups.ranked()
    }

    /// `transform` of each item, in order. With `partsWorthASecondThread` items or more (a long
    /// query's parts, each a few posting lists to decode), some are done on another thread by a
    /// searcher of its own (a searcher's analyzer keeps a cache, so it is not shared): when
    /// `cost` knows every item's cost (asked only then), the items are shared out so that the
    /// two threads' costs are as even as greedily possible, the costliest first; else the
    /// second half goes.
    func splitMap<Item, Value>(_ items: [Item], cost: ((Item) throws(IndexCorruption) -> Int?)? = nil,
                               _ transform: (Searcher, Item) throws(IndexCorruption) -> Value) throws(IndexCorruption) -> [Value] {
        guard items.count >= Self.partsWorthASecondThread else {
            return try items.map { item throws(IndexCorruption) in try transform(self, item) }
        }
        let costs = try cost.map { cost throws(IndexCorruption) in try items.map { item throws(IndexCorruption) in try cost(item) } }
        let elsewhere = Self.secondShare(items.count, costs: costs?.contains(nil) == false ? costs?.compactMap { $0 } : nil)
        let other = Searcher(reader: reader)
        var here: [Value] = [], there: [Value] = []
        try Self.inParallel({ () throws(IndexCorruption) in
            there = try elsewhere.map { index throws(IndexCorruption) in try transform(other, items[index]) }
        }, alongside: { () throws(IndexCorruption) in
            here = try items.indices.filter { !elsewhere.contains($0) }.map { index throws(IndexCorruption) in try transform(self, items[index]) }
        })
        // Back in the items' order.
        var result: [Value] = []
        result.reserveCapacity(items.count)
        var (nextHere, nextThere) = (0, 0)
        for index in items.indices {
            if nextThere < elsewhere.count, elsewhere[nextThere] == index {
                result.append(there[nextThere])
                nextThere += 1
            } else {
                result.append(here[nextHere])
                nextHere += 1
            }
        }
        return result
    }

    /// Which of `count` items `splitMap` gives the second thread, ascending: the second half
    /// without costs; with them, each item from the costliest down goes to the thread with
    /// less so far (at least one item each).
    static func secondShare(_ count: Int, costs: [Int]?) -> [Int] {
        guard let costs, costs.count == count, count >= 2 else { return Array(count / 2..<count) }
        var totals = (here: 0, there: 0)
        var elsewhere: [Int] = []
        for index in costs.indices.sorted(by: { costs[$0] > costs[$1] }) {
            if totals.there < totals.here {
                elsewhere.append(index)
                totals.there += costs[index]
            } else {
                totals.here += costs[index]
            }
        }
        if elsewhere.isEmpty { elsewhere = [costs.indices.min { costs[$0] < costs[$1] }!] }
        return elsewhere.sorted()
    }

    /// Runs `background` on a second thread while `foreground` runs on this one, and returns
    /// when both are done, throwing the first error either met. The two must not share
    /// anything they change: everything here reads the index (immutable, mapped) and values,
    /// and each side writes only its own variables, read after the thread is joined.
    static func inParallel(_ background: () throws(IndexCorruption) -> Void,
                           alongside foreground: () throws(IndexCorruption) -> Void) throws(IndexCorruption) {
        try withoutActuallyEscaping(background) { background throws(IndexCorruption) in
            let job = BackgroundWork(background)
            var failure: IndexCorruption? = nil
            Concurrently.run({ job.run() }, alongside: {
                do throws(IndexCorruption) { try foreground() } catch { failure = error }
            })
            if let error = failure ?? job.failure { throw error }
        }
    }
}

/// `Searcher.inParallel`'s background half, handed to the other thread (joined before its
/// closure's captures go away).
private final class BackgroundWork: @unchecked Sendable {
    let body: () throws(IndexCorruption) -> Void
    var failure: IndexCorruption?

    init(_ body: @escaping () throws(IndexCorruption) -> Void) { self.body = body }

    func run() {
        do throws(IndexCorruption) { try body() } catch { failure = error }
    }
}
