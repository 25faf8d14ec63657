import ShowNotesSearch

/// `shownotes search`: the options as parsed from the command line, checked, and turned into
/// a `SearchRequest`.
public struct SearchOptions: Sendable {
    public var query: [String] = []
    public var index: String?
    public var limit = 10
    public var perEpisode = 3
    public var podcasts: [String] = []
    public var people: [String] = []
    public var kinds: [String] = []
    public var after: String?
    public var before: String?
    public var sort = "relevance"
    public var fuzzy = false
    public var exact = false
    public var explain = false
    public var json = false
    public var count = false

    public init() {}

    /// The longest query accepted, in bytes of UTF-8.
    public static let maximumQueryBytes = 10_000

    public static let usage = "USAGE: shownotes search [options] QUERY..."

    public static let help = """
    OVERVIEW: Find where in which episode a topic is discussed.

    \(usage)

    QUERY: words are ANDed; "a phrase"; a OR b; -word excludes; word* is a prefix;
      title:, podcast:, person: restrict to a field; kind:chapter (takeaway, summary,
      section) filters results. Any text is a valid query. In the list (not in --count)
      common words (the, of, how, why, versus...) are optional and a word also matches its
      British/American spelling (fuelling/fueling).

    OPTIONS:
      --index DIR       The index folder (default: $SHOWNOTES_INDEX, else ./Index, else the
                        nearest Index/ in a parent folder).
      --limit N         At most N results (default 10).
      --per-episode N   At most N results from one episode (default 3; 0 = no limit); the
                        others are folded into a "+N more in this episode" line. Results of
                        one episode are listed together, under its best one.
      --podcast NAME    Only this podcast (the same as podcast:"NAME").
      --person NAME     Only what names this person: their page and the episodes that
                        list them (the same as person:"NAME"). With --podcast or --person
                        the QUERY may be left out: shownotes search --person "Joe Klecker".
      --kind KIND       Only chapter, takeaway, summary or section results (the same as
                        kind:KIND); may be repeated.
      --after DATE      Only episodes published on or after DATE (YYYY, YYYY-MM or
                        YYYY-MM-DD); undated episodes are left out.
      --before DATE     Only episodes published before DATE.
      --sort ORDER      relevance (the default) or date (newest episode first).
      --fuzzy           Words of 4+ letters also match words one edit away (two from 8
                        letters), ranked below exact matches.
      --exact           Never replace a word the index does not know (see TYPOS).
      --explain         Show how each score is made: per query word, its idf and what
                        each field (own text, title, podcast, people, notes) adds.
      --json            JSON Lines, one object per result.
      --count           Print only the number of matching chapters (or of the --kind given).
      -h, --help        Show this help.

    TYPOS: when nothing matches, each word the index does not know is replaced by the
      nearest frequent word of the index's own vocabulary (one edit away for words of 4+
      letters, two from 8; the first letter is kept) and the search runs again. stderr
      says: did you mean "team culture"? With --exact, and with --count, only that line
      is printed. Suggestions never go to stdout.

    EXIT STATUS: 0 with hits, 1 with none, 2 on error, 64 on a usage error.

    EXAMPLES:
      shownotes search team culture
      shownotes search '"team culture"' --json
      shownotes search altitude OR heat -tent --limit 5
      shownotes search injury --podcast "The Long Run" --after 2024-03 --sort date
      shownotes search person:"Joe Klecker" --per-episode 0
    """

    /// Checks the options; returns a usage message when they are wrong.
    public func problem() -> String? {
        if limit <= 0 { return "--limit must be a positive number (got \(limit))" }
        if perEpisode < 0 { return "--per-episode must be 0 (no limit) or more (got \(perEpisode))" }
        if fuzzy && exact { return "--fuzzy and --exact contradict each other; give one" }
        for kind in kinds where MomentKind(name: kind) == nil {
            return "--kind takes chapter, takeaway, summary or section (got '\(kind)')"
        }
        if ResultOrder(rawValue: sort) == nil { return "--sort takes relevance or date (got '\(sort)')" }
        if let after, DateRange.day(after) == nil { return Self.badDate("--after", after) }
        if let before, DateRange.day(before) == nil { return Self.badDate("--before", before) }
        if podcasts.contains(where: Self.isBlank) || people.contains(where: Self.isBlank) {
            return "--podcast and --person need a name with letters or digits"
        }
        if podcasts.isEmpty, people.isEmpty, !query.joined(separator: " ").contains(where: { !$0.isWhitespace }) {
            return "empty query: give one or more words, e.g. shownotes search team culture"
        }
        return nil
    }

    private static func badDate(_ name: String, _ value: String) -> String {
        "\(name) takes a date as YYYY, YYYY-MM or YYYY-MM-DD (got '\(value)')"
    }

    private static func isBlank(_ name: String) -> Bool { !name.contains { $0.isLetter || $0.isNumber } }

    /// The request these options describe (call after `problem()` returned nil).
    public func request() -> SearchRequest {
        var query = SearchQuery(self.query.joined(separator: " "))
        for name in podcasts { query = query.requiring(.phrase(name, .podcast)) }
        for name in people { query = query.requiring(.phrase(name, .person)) }
        for kind in kinds { if let kind = MomentKind(name: kind) { query.kinds.insert(kind) } }
        let dates = DateRange(from: after.flatMap(DateRange.day), until: before.flatMap(DateRange.day))
        return SearchRequest(query, limit: limit, perEpisode: perEpisode, order: ResultOrder(rawValue: sort) ?? .relevance,
                             dates: dates, explain: explain, typos: fuzzy ? .fuzzy : exact ? .exact : .correctWhenEmpty)
    }
}
