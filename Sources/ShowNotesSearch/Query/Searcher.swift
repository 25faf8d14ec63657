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
        var scored: [(moment: Int, score: Double)] = []
        let terms = try forEachMatch(query, kinds: query.kinds, scoring: true) { moment, score in scored.append((moment, score)) }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.moment < $1.moment }
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
        for episode in candidates ?? [] {
            var evaluation = EpisodeEvaluation(searcher: self, episode: episode)
            let first = try reader.firstMoment(ofEpisode: Int(episode))
            let records = try reader.momentRecords(ofEpisode: Int(episode))
            for (offset, record) in records.enumerated() {
                let moment = first + offset
                if !kinds.isEmpty && !kinds.contains(record.kind) { continue }
                var score = 0.0
                var matches = true
                for (index, part) in required.enumerated() {
                    guard let weight = try evaluation.weight(part, partIndex: index, moment: moment, record: record, scoring: scoring) else {
                        matches = false
                        break
                    }
                    score += weight
                }
                guard matches else { continue }
                var isExcluded = false
                for (index, part) in excluded.enumerated()
                where try evaluation.weight(part, partIndex: required.count + index, moment: moment, record: record, scoring: false) != nil {
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

/// Matching and scoring the moments of one candidate episode; caches what it decodes.
struct EpisodeEvaluation {
    let searcher: Searcher
    let episode: UInt32
    /// Per part and alternative: notes-field positions where the clause starts (decoded lazily).
    private var notesCache: [Int: [[UInt32]?]] = [:]

    init(searcher: Searcher, episode: UInt32) {
        self.searcher = searcher
        self.episode = episode
    }

    /// The part's BM25F contribution for `moment`, or `nil` when it does not match there.
    mutating func weight(_ part: QueryPart, partIndex: Int, moment: Int, record: MomentLayout.Record,
                         scoring: Bool) throws(IndexCorruption) -> Double? {
        var best: Double? = nil
        for (alternative, clause) in part.alternatives.enumerated() {
            var own = 0.0
            if record.kind == .chapter || record.kind == .section {
                if let index = clause.momentIndex(UInt32(moment)) { own = clause.momentFrequency[index] }
            } else if clause.notesAllowed, clause.episodeIndex(episode) != nil {
                let starts = try notesStarts(part, partIndex: partIndex, alternative: alternative)
                own = Double(starts.filter { $0 >= record.first && $0 < record.end }.count)
            }
            let contextIndex = clause.episodeIndex(episode)
            guard own > 0 || contextIndex != nil else { continue }
            guard scoring else { return 0 }
            var pseudo = 0.0
            if own > 0 {
                let normaliser = 1 - Ranking.b + Ranking.b * searcher.reader.momentNorm(moment) / searcher.reader.averageMomentLength
                pseudo += Ranking.ownWeight * own / normaliser
            }
            if let contextIndex {
                let counts = clause.episodeFrequency[contextIndex]
                for (field, count) in counts.enumerated() where count > 0 {
                    let average = field < searcher.reader.averageEpisodeLengths.count ? searcher.reader.averageEpisodeLengths[field] : 1
                    let length = searcher.reader.episodeNorm(Int(episode), field: field)
                    pseudo += Ranking.fieldWeights[field] * count / (1 - Ranking.b + Ranking.b * length / max(1, average))
                }
            }
            let score = clause.idf * pseudo / (Ranking.k1 + pseudo)
            best = max(best ?? 0, score)
        }
        return best
    }

    private mutating func notesStarts(_ part: QueryPart, partIndex: Int, alternative: Int) throws(IndexCorruption) -> [UInt32] {
        if let cached = notesCache[partIndex]?[alternative] ?? nil { return cached }
        let starts = try searcher.notesStarts(part.alternatives[alternative], episode: episode)
        var entry = notesCache[partIndex] ?? Array(repeating: nil, count: part.alternatives.count)
        entry[alternative] = starts
        notesCache[partIndex] = entry
        return starts
    }
}
