/// Runs a `SearchQuery` against an index: which moments match, how well, and what a
/// result line shows.
///
/// A moment matches when every required clause occurs in its own text or in its episode's
/// context, and no excluded clause does (the "chapter contract" of the benchmark).
public final class Searcher {
    /// One ranked moment.
    public struct Hit: Sendable {
        public var kind: MomentKind
        public var start: Double?
        public var title: String
        /// Plain-text snippet and, per word range, whether it matched.
        public var snippet: [(text: String, matched: Bool)]
        public var episodeTitle: String?
        public var podcast: String?
        public var source: String
        public var guid: String?
        /// Deep link (enclosure `#t=`), else the episode's page, else nil.
        public var link: String?
        public var score: Double

        public var snippetText: String { snippet.map(\.text).joined() }
    }

    let reader: IndexReader
    let analyzer = Analyzer()

    public init(reader: IndexReader) {
        self.reader = reader
    }

    /// How many chapters match.
    public func countChapters(_ query: SearchQuery) throws(IndexCorruption) -> Int {
        var count = 0
        try forEachMatch(query, kinds: [.chapter]) { _, _, _ in count += 1 }
        return count
    }

    /// The best `limit` moments, highest score first (ties: index order).
    public func search(_ query: SearchQuery, limit: Int) throws(IndexCorruption) -> [Hit] {
        var scored: [(moment: Int, score: Double)] = []
        var clauseTerms: [String] = []
        try forEachMatch(query, kinds: query.kinds) { moment, score, terms in
            scored.append((moment, score))
            clauseTerms = terms
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.moment < $1.moment }
        return try scored.prefix(limit).map { item throws(IndexCorruption) in try hit(item.moment, score: item.score, terms: clauseTerms) }
    }

    // MARK: Matching

    private func forEachMatch(_ query: SearchQuery, kinds: Set<MomentKind>,
                              _ visit: (Int, Double, [String]) -> Void) throws(IndexCorruption) {
        guard !query.required.isEmpty else { return }
        let required = try query.required.map { clause throws(IndexCorruption) in try match(clause) }
        let excluded = try query.excluded.map { clause throws(IndexCorruption) in try match(clause) }
        let terms = required.flatMap(\.terms)
        // Candidate episodes: touched (by context or by one of their moments) by every clause.
        var candidates: [UInt32]? = nil
        for clause in required {
            var touched = Set(clause.episodes)
            for moment in clause.moments { touched.insert(UInt32(try episode(ofMoment: Int(moment)))) }
            let sorted = touched.sorted()
            candidates = candidates.map { intersect($0, sorted) } ?? sorted
            if candidates?.isEmpty == true { return }
        }
        for episode in candidates ?? [] {
            let first = try reader.firstMoment(ofEpisode: Int(episode))
            let end = try reader.firstMoment(ofEpisode: Int(episode) + 1)
            guard first <= end else { throw IndexCorruption("episode moments out of order") }
            let context = required.map { clause in lookup(clause.episodes, episode).map { clause.episodeWeight[$0] } }
            let excludedContext = excluded.map { lookup($0.episodes, episode) != nil }
            for moment in first..<end {
                if !kinds.isEmpty {
                    let kind = try reader.moment(moment).kind
                    if !kinds.contains(kind) { continue }
                }
                var score = 0.0
                var matches = true
                for (index, clause) in required.enumerated() {
                    let own = lookup(clause.moments, UInt32(moment)).map { clause.momentWeight[$0] }
                    guard own != nil || context[index] != nil else { matches = false; break }
                    let weight = (own ?? 0) + (context[index] ?? 0)
                    score += clause.idf * weight / (Ranking.k1 + weight)
                }
                guard matches else { continue }
                var excludedHit = false
                for (index, clause) in excluded.enumerated() where excludedContext[index] || lookup(clause.moments, UInt32(moment)) != nil {
                    excludedHit = true
                    break
                }
                if !excludedHit { visit(moment, score, terms) }
            }
        }
    }

    private func lookup(_ sorted: [UInt32], _ value: UInt32) -> Int? {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value ? low : nil
    }

    private func intersect(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { result.append(a[i]); i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return result
    }

    /// The episode a moment belongs to (binary search over the episodes' first moments).
    func episode(ofMoment moment: Int) throws(IndexCorruption) -> Int {
        var low = 0
        var high = reader.episodeCount - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if try reader.firstMoment(ofEpisode: middle) <= moment { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
