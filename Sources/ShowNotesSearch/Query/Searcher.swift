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
        let states = (required + excluded).map { part in part.alternatives.map { ClauseState(match: $0) } }
        var evaluation = EpisodeEvaluation(searcher: self, states: states, scoring: scoring)
        for episode in candidates ?? [] {
            let first = try reader.firstMoment(ofEpisode: Int(episode))
            let records = try reader.momentRecords(ofEpisode: Int(episode))
            evaluation.start(episode)
            for (offset, record) in records.enumerated() {
                let moment = first + offset
                if !kinds.isEmpty && !kinds.contains(record.kind) { continue }
                var score = 0.0
                var matches = true
                for index in required.indices {
                    guard let weight = try evaluation.weight(index, moment: moment, record: record) else {
                        matches = false
                        break
                    }
                    score += weight
                }
                guard matches else { continue }
                var isExcluded = false
                for index in required.count..<states.count where try evaluation.matches(index, moment: moment, record: record) {
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

/// One query clause during evaluation: its matches, and cursors that only move forward
/// (candidate episodes and their moments are visited in increasing order).
final class ClauseState {
    let match: ClauseMatch
    var momentCursor = 0
    var episodeCursor = 0
    var positionCursors: [PositionsCursor]
    /// For the current episode: the context's BM25F pseudo-frequency (nil: no context match).
    var context: Double?
    /// For the current episode: where the clause starts in the notes field, once decoded.
    var notes: [UInt32]?

    init(match: ClauseMatch) {
        self.match = match
        positionCursors = Array(repeating: PositionsCursor(), count: match.episodeLists.count)
    }

    /// Moves to `episode`: finds its context entry and forgets the previous episode's notes.
    func start(_ episode: UInt32, lengths: [Double]) {
        notes = nil
        context = nil
        let episodes = match.episodes
        while episodeCursor < episodes.count, episodes[episodeCursor] < episode { episodeCursor += 1 }
        guard episodeCursor < episodes.count, episodes[episodeCursor] == episode else { return }
        var pseudo = 0.0
        for (field, count) in match.episodeFrequency[episodeCursor].enumerated() where count > 0 {
            pseudo += Ranking.fieldWeights[field] * count / lengths[field]
        }
        context = pseudo
    }

    /// The frequency of the clause in `moment`'s own text (0 when absent).
    func ownFrequency(_ moment: Int, record: MomentLayout.Record, episode: UInt32, searcher: Searcher) throws(IndexCorruption) -> Double {
        if record.kind == .chapter || record.kind == .section {
            let moments = match.moments
            while momentCursor < moments.count, moments[momentCursor] < UInt32(moment) { momentCursor += 1 }
            return momentCursor < moments.count && moments[momentCursor] == UInt32(moment) ? match.momentFrequency[momentCursor] : 0
        }
        guard match.notesAllowed, context != nil else { return 0 }
        if notes == nil { notes = try searcher.notesStarts(match, episode: episode, cursors: &positionCursors) }
        var count = 0.0
        for start in notes ?? [] where start >= record.first && start < record.end { count += 1 }
        return count
    }
}

/// Matching and scoring the moments of one candidate episode at a time. An episode's context
/// (title, podcast, people, notes) scores the same for all its moments, so it is computed once.
struct EpisodeEvaluation {
    private let searcher: Searcher
    /// Per query part, its alternatives (`a OR b`).
    private let states: [[ClauseState]]
    private let scoring: Bool
    private var episode: UInt32 = 0
    private var lengths: [Double] = [1, 1, 1, 1]

    init(searcher: Searcher, states: [[ClauseState]], scoring: Bool) {
        self.searcher = searcher
        self.states = states
        self.scoring = scoring
    }

    mutating func start(_ episode: UInt32) {
        self.episode = episode
        let reader = searcher.reader
        for field in 0..<IndexFormat.EpisodeField.allCases.count {
            let average = field < reader.averageEpisodeLengths.count ? reader.averageEpisodeLengths[field] : 1
            lengths[field] = 1 - Ranking.b + Ranking.b * reader.episodeNorm(Int(episode), field: field) / max(1, average)
        }
        for part in states { for state in part { state.start(episode, lengths: lengths) } }
    }

    /// Whether part `index` matches `moment` at all.
    func matches(_ index: Int, moment: Int, record: MomentLayout.Record) throws(IndexCorruption) -> Bool {
        for state in states[index] {
            if state.context != nil { return true }
            if try state.ownFrequency(moment, record: record, episode: episode, searcher: searcher) > 0 { return true }
        }
        return false
    }

    /// Part `index`'s BM25F contribution for `moment`, or `nil` when it does not match there.
    func weight(_ index: Int, moment: Int, record: MomentLayout.Record) throws(IndexCorruption) -> Double? {
        guard scoring else { return try matches(index, moment: moment, record: record) ? 0 : nil }
        var best: Double? = nil
        for state in states[index] {
            let own = try state.ownFrequency(moment, record: record, episode: episode, searcher: searcher)
            guard own > 0 || state.context != nil else { continue }
            var pseudo = state.context ?? 0
            if own > 0 {
                let normaliser = 1 - Ranking.b + Ranking.b * searcher.reader.momentNorm(moment) / searcher.reader.averageMomentLength
                pseudo += Ranking.ownWeight * own / normaliser
            }
            best = max(best ?? 0, state.match.idf * pseudo / (Ranking.k1 + pseudo))
        }
        return best
    }
}
