/// Runs a `SearchQuery` against an index: which moments match, how well, and what a
/// result line shows.
///
/// A moment matches when every required part occurs in its own text or in its episode's
/// context (title, podcast, people, notes), and no excluded part does: the "chapter
/// contract" of the benchmark.
public final class Searcher {
    /// One ranked moment.
    public struct Hit: Sendable {
        public var kind: MomentKind
        public var start: Double?
        public var title: String
        /// Plain-text snippet, in pieces, each marked when it matched.
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
        try forEachMatch(query, kinds: [.chapter], scoring: false) { _, _ in count += 1 }
        return count
    }

    /// The best `limit` moments, highest score first (ties: index order).
    public func search(_ query: SearchQuery, limit: Int) throws(IndexCorruption) -> [Hit] {
        var best = TopHits(capacity: limit)
        let terms = try forEachMatch(query, kinds: query.kinds, scoring: true) { moment, score in best.offer(moment, score) }
        let scored = best.ranked()
        var texts = try reader.momentTexts()
        var episodeTexts = try reader.episodeTexts()
        var hits: [Hit] = []
        for item in scored.prefix(limit) {
            hits.append(try hit(item.moment, score: item.score, terms: terms, texts: &texts, episodeTexts: &episodeTexts))
        }
        return hits
    }

    // MARK: Matching

    /// Calls `visit` for every matching moment; returns the query's analysed terms.
    @discardableResult
    private func forEachMatch(_ query: SearchQuery, kinds: Set<MomentKind>, scoring: Bool,
                              _ visit: (Int, Double) -> Void) throws(IndexCorruption) -> [String] {
        guard !query.required.isEmpty else { return [] }
        let required = try query.required.map { clause throws(IndexCorruption) in try part(clause) }
        let excluded = try query.excluded.map { clause throws(IndexCorruption) in try part(clause) }
        let terms = required.flatMap { $0.alternatives.flatMap(\.terms) }
        var candidates: [UInt32]? = nil
        for part in required {
            let touched = try part.touchedEpisodes { moment throws(IndexCorruption) in UInt32(try reader.episode(ofMoment: Int(moment))) }
            candidates = candidates.map { Self.intersect($0, touched) } ?? touched
            if candidates?.isEmpty == true { return terms }
        }
        let all = required + excluded
        var cursors = all.map { part in [Int](repeating: 0, count: part.alternatives.count) }
        for episode in candidates ?? [] {
            let first = try reader.firstMoment(ofEpisode: Int(episode))
            let records = try reader.momentRecords(ofEpisode: Int(episode))
            var evaluation = try EpisodeEvaluation(searcher: self, episode: episode, parts: all, scoring: scoring)
            for (offset, record) in records.enumerated() {
                let moment = first + offset
                if !kinds.isEmpty && !kinds.contains(record.kind) { continue }
                var score = 0.0
                var matches = true
                for index in required.indices {
                    guard let weight = try evaluation.weight(index, moment: moment, record: record, cursors: &cursors[index]) else {
                        matches = false
                        break
                    }
                    score += weight
                }
                guard matches else { continue }
                var isExcluded = false
                for index in required.count..<all.count
                where try evaluation.weight(index, moment: moment, record: record, cursors: &cursors[index]) != nil {
                    isExcluded = true
                    break
                }
                if !isExcluded { visit(moment, score) }
            }
        }
        return terms
    }

    private func part(_ clause: SearchQuery.Clause) throws(IndexCorruption) -> QueryPart {
        if case .any(let alternatives) = clause {
            var flattened: [ClauseMatch] = []
            for alternative in alternatives { flattened += try part(alternative).alternatives }
            return QueryPart(alternatives: flattened)
        }
        return QueryPart(alternatives: [try match(clause)])
    }

    static func intersect(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                result.append(a[i])
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }
}

/// Matching and scoring the moments of one candidate episode. Its context (title, podcast,
/// people, notes) scores the same for all its moments, so it is computed once; moment
/// matches advance cursors through each clause's sorted moment list.
struct EpisodeEvaluation {
    private let searcher: Searcher
    private let episode: UInt32
    private let parts: [QueryPart]
    private let scoring: Bool
    /// Per part and alternative: the context's BM25F pseudo-frequency, or nil when the context has no match.
    private var context: [[Double?]]
    /// Per part and alternative: where the clause starts in the notes field (decoded on first use).
    private var notes: [[[UInt32]?]]

    init(searcher: Searcher, episode: UInt32, parts: [QueryPart], scoring: Bool) throws(IndexCorruption) {
        self.searcher = searcher
        self.episode = episode
        self.parts = parts
        self.scoring = scoring
        notes = parts.map { [[UInt32]?](repeating: nil, count: $0.alternatives.count) }
        context = []
        let reader = searcher.reader
        var lengths: [Double] = []
        for field in 0..<IndexFormat.EpisodeField.allCases.count {
            let average = field < reader.averageEpisodeLengths.count ? reader.averageEpisodeLengths[field] : 1
            lengths.append(1 - Ranking.b + Ranking.b * reader.episodeNorm(Int(episode), field: field) / max(1, average))
        }
        for part in parts {
            context.append(part.alternatives.map { clause in
                guard let index = clause.episodeIndex(episode) else { return nil }
                var pseudo = 0.0
                for (field, count) in clause.episodeFrequency[index].enumerated() where count > 0 {
                    pseudo += Ranking.fieldWeights[field] * count / lengths[field]
                }
                return pseudo
            })
        }
    }

    /// Part `index`'s BM25F contribution for `moment`, or `nil` when it does not match there.
    mutating func weight(_ index: Int, moment: Int, record: MomentLayout.Record, cursors: inout [Int]) throws(IndexCorruption) -> Double? {
        var best: Double? = nil
        for (alternative, clause) in parts[index].alternatives.enumerated() {
            var own = 0.0
            if record.kind == .chapter || record.kind == .section {
                var cursor = cursors[alternative]
                while cursor < clause.moments.count, clause.moments[cursor] < UInt32(moment) { cursor += 1 }
                cursors[alternative] = cursor
                if cursor < clause.moments.count, clause.moments[cursor] == UInt32(moment) { own = clause.momentFrequency[cursor] }
            } else if clause.notesAllowed, context[index][alternative] != nil {
                if notes[index][alternative] == nil {
                    notes[index][alternative] = try searcher.notesStarts(clause, episode: episode)
                }
                for start in notes[index][alternative] ?? [] where start >= record.first && start < record.end { own += 1 }
            }
            let contextPseudo = context[index][alternative]
            guard own > 0 || contextPseudo != nil else { continue }
            guard scoring else { return 0 }
            var pseudo = contextPseudo ?? 0
            if own > 0 {
                let normaliser = 1 - Ranking.b + Ranking.b * searcher.reader.momentNorm(moment) / searcher.reader.averageMomentLength
                pseudo += Ranking.ownWeight * own / normaliser
            }
            best = max(best ?? 0, clause.idf * pseudo / (Ranking.k1 + pseudo))
        }
        return best
    }
}
