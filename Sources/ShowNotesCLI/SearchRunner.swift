import ShowNotesSearch

/// `shownotes search`: options as parsed by either executable, and the run itself.
public struct SearchOptions: Sendable {
    public var query: [String] = []
    public var index: String?
    public var limit = 10
    public var json = false
    public var count = false

    public init() {}

    /// The longest query accepted, in bytes of UTF-8.
    public static let maximumQueryBytes = 10_000

    public static let help = """
    OVERVIEW: Find where in which episode a topic is discussed.

    USAGE: shownotes search [--index DIR] [--limit N] [--json] [--count] QUERY...

    QUERY: words are ANDed; "a phrase"; a OR b; -word excludes; word* is a prefix;
      title:, podcast:, person: restrict to a field; kind:chapter (takeaway, summary,
      section) filters results. Any text is a valid query.

    OPTIONS:
      --index DIR   The index folder (default: $SHOWNOTES_INDEX, else ./Index, else the
                    nearest Index/ in a parent folder).
      --limit N     At most N results (default 10).
      --json        JSON Lines, one object per result.
      --count       Print only the number of matching chapters.
      -h, --help    Show this help.

    EXIT STATUS: 0 with hits, 1 with none, 2 on error, 64 on a usage error.

    EXAMPLES:
      shownotes search team culture
      shownotes search '"team culture"' --json
      shownotes search altitude OR heat -tent --limit 5
    """

    /// Checks the options; returns a usage message when they are wrong.
    public func problem() -> String? {
        if limit <= 0 { return "--limit must be a positive number (got \(limit))" }
        if !query.joined(separator: " ").contains(where: { !$0.isWhitespace }) {
            return "empty query: give one or more words, e.g. shownotes search team culture"
        }
        return nil
    }
}

public enum SearchRunner {
    /// Runs a search and returns the exit status.
    public static func run(_ options: SearchOptions) -> Int32 {
        if let problem = options.problem() {
            Console.error("error: \(problem)")
            return ExitStatus.usage
        }
        let text = options.query.joined(separator: " ")
        guard text.utf8.count <= SearchOptions.maximumQueryBytes else {
            Console.error("error: the query is \(text.utf8.count) bytes; the limit is \(SearchOptions.maximumQueryBytes)")
            return ExitStatus.error
        }
        guard let reader = IndexLocation.open(options.index) else { return ExitStatus.error }
        let searcher = Searcher(reader: reader)
        let query = SearchQuery(text)
        do {
            if options.count {
                let total = try searcher.countChapters(query)
                Console.out("\(total)")
                return total > 0 ? ExitStatus.found : ExitStatus.nothing
            }
            let hits = try searcher.search(query, limit: options.limit)
            let bold = Console.colorAllowed
            var output = ""
            for hit in hits { output += (options.json ? ResultLine.json(hit).text : ResultLine.text(hit, bold: bold)) + "\n" }
            if !output.isEmpty { Console.out(String(output.dropLast())) }
            return hits.isEmpty ? ExitStatus.nothing : ExitStatus.found
        } catch {
            Console.error("error: index corrupted: \(reader.path): \(error.what)")
            return ExitStatus.error
        }
    }
}

/// How a result is printed: a human line, or a JSON object.
public enum ResultLine {
    static func timestamp(_ hit: Searcher.Hit) -> String? {
        hit.start.map { ClockText.display($0.rounded(.down)) }
    }

    /// `39:23  The Role of Team Culture in Performance — Episode · Podcast` and an indented snippet.
    public static func text(_ hit: Searcher.Hit, bold: Bool) -> String {
        let stamp = timestamp(hit) ?? hit.kind.name
        var context = [hit.episodeTitle, hit.podcast].compactMap { $0 }.joined(separator: " · ")
        if context.isEmpty { context = hit.source }
        let title: String
        switch hit.kind {
        case .chapter, .section, .summary: title = hit.title
        case .takeaway: title = "Takeaway: " + (hit.title.count > 80 ? hit.title.prefix(79) + "…" : hit.title)
        }
        let snippet = hit.snippet.map { piece in piece.matched && bold ? "\u{1B}[1m\(piece.text)\u{1B}[0m" : piece.text }.joined()
        return "\(stamp)  \(title) — \(context)\n        \(snippet)"
    }

    public static func json(_ hit: Searcher.Hit) -> JSONValue {
        .sorted([
            ("episode", .optional(hit.episodeTitle)),
            ("guid", .optional(hit.guid)),
            ("kind", .string(hit.kind.name)),
            ("link", .optional(hit.link)),
            ("podcast", .optional(hit.podcast)),
            ("score", .number((hit.score * 10_000).rounded() / 10_000)),
            ("snippet", .string(hit.snippetText)),
            ("source", .string(hit.source)),
            ("startTime", .optional(hit.start)),
            ("timestamp", .optional(timestamp(hit))),
            ("title", .string(hit.title)),
        ])
    }
}
