#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import ShowNotesCore

/// `shownotes search`: ranked moments — chapters, takeaways, summaries, page sections.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find where in which episode a topic is discussed.",
        discussion: """
        Query language: words are ANDed; "a phrase"; a OR b; -word excludes; word* is a \
        prefix; title:, podcast:, person: restrict to a field; kind:chapter (takeaway, \
        summary, section) filters results.

        The index is --index DIR, else $SHOWNOTES_INDEX, else ./Index, else the nearest \
        Index/ in a parent folder. Exit status: 0 with hits, 1 with none, 2 on error, \
        64 for an empty query.

        Examples:
          shownotes search team culture
          shownotes search '"team culture"' --json
          shownotes search altitude OR heat -tent --limit 5
        """
    )

    @Argument(help: "The query (several words are joined with spaces).")
    var query: [String] = []

    @Option(help: "The index folder.")
    var index: String?

    @Option(help: "At most this many results.")
    var limit: Int = 10

    @Flag(help: "Print JSON Lines, one object per result.")
    var json = false

    @Flag(help: "Print only the number of matching chapters.")
    var count = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be a positive number (got \(limit))") }
        guard query.joined(separator: " ").contains(where: { !$0.isWhitespace }) else {
            throw ValidationError("empty query: give one or more words, e.g. shownotes search team culture")
        }
    }

    func run() throws {
        let text = query.joined(separator: " ")
        guard text.utf8.count <= 10_000 else {
            Console.error("error: the query is \(text.utf8.count) bytes; the limit is 10000")
            throw ExitCode(ExitStatus.error)
        }
        let reader = try IndexLocation.open(index)
        let searcher = Searcher(reader: reader)
        let parsed = SearchQuery(text)
        do {
            if count {
                let total = try searcher.countChapters(parsed)
                Console.out("\(total)")
                throw ExitCode(total > 0 ? ExitStatus.found : ExitStatus.nothing)
            }
            let hits = try searcher.search(parsed, limit: limit)
            let bold = Console.colorAllowed
            for hit in hits { Console.out(json ? Self.json(hit).text : Self.line(hit, bold: bold)) }
            throw ExitCode(hits.isEmpty ? ExitStatus.nothing : ExitStatus.found)
        } catch let corruption as IndexCorruption {
            Console.error("error: index corrupted: \(reader.path): \(corruption.what)")
            throw ExitCode(ExitStatus.error)
        }
    }

    static func timestamp(_ hit: Searcher.Hit) -> String? {
        hit.start.map { Timestamp.display($0.rounded(.down)) }
    }

    /// `39:23  The Role of Team Culture in Performance — Episode · Podcast` and an indented snippet.
    static func line(_ hit: Searcher.Hit, bold: Bool) -> String {
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

    static func json(_ hit: Searcher.Hit) -> JSONValue {
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

/// Finds and opens the index a command should use.
enum IndexLocation {
    static func folder(_ option: String?) -> String {
        if let option { return option }
        if let variable = getenv("SHOWNOTES_INDEX") { return String(cString: variable) }
        var directory = "."
        for _ in 0..<32 {
            let candidate = directory == "." ? "Index" : directory + "/Index"
            if access(IndexStore.filePath(in: candidate), R_OK) == 0 { return candidate }
            directory = directory == "." ? ".." : directory + "/.."
        }
        return "Index"
    }

    static func open(_ option: String?) throws -> IndexReader {
        let path = IndexStore.filePath(in: folder(option))
        do {
            return try IndexReader(path: path)
        } catch {
            Console.error(error.description)
            throw ExitCode(ExitStatus.error)
        }
    }
}
