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
        /// The episode's `published` value, if any.
        public var published: String? = nil
        /// The episode's number in the index (hits of one episode share it).
        public var episode: Int = 0
        /// Matching moments of this episode that are not listed (folded by `--per-episode`, or
        /// beyond the limit); the same on every hit of the episode.
        public var more: Int = 0
        /// For a person's page: in how many episodes the person appears (see `appearances`).
        public var appearances: Int? = nil
        /// The score's breakdown, when asked for.
        public var explanation: Explanation? = nil

        public var snippetText: String { snippet.map(\.text).joined() }
    }

    let reader: IndexReader
    let analyzer = Analyzer()

    public init(reader: IndexReader) {
        self.reader = reader
    }

    /// How many chapters match.
    public func countChapters(_ query: SearchQuery) throws(IndexCorruption) -> Int {
        try count(SearchRequest(query, typos: .exact))
    }

    /// How many moments match (chapters only unless the query names kinds); never corrects
    /// typos unless asked for `.fuzzy`, since the count is the chapter contract.
    public func count(_ request: SearchRequest) throws(IndexCorruption) -> Int {
        let query = request.query
        let plan = try self.plan(query, fuzzy: request.typos == .fuzzy)
        var sink = CountingSink(dates: try EpisodeDates(reader: reader, range: request.dates, order: .relevance))
        try forEachMatch(plan, kinds: query.kinds.isEmpty ? [.chapter] : query.kinds, scoring: false, into: &sink)
        return sink.count
    }

    /// The best `limit` moments, at most three per episode, grouped by episode.
    public func search(_ query: SearchQuery, limit: Int) throws(IndexCorruption) -> [Hit] {
        try search(SearchRequest(query, limit: limit)).hits
    }
}
