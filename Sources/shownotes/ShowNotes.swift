import ArgumentParser

/// The `shownotes` command: parse show notes, export chapters, build and search an index.
@main
struct ShowNotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shownotes",
        abstract: "Search podcast show notes: where in which episode a topic is discussed.",
        discussion: """
        ShowNotes reads show notes (plain text, Markdown, HTML) and finds their \
        summary, key takeaways and timestamped chapters.

        Examples:
          shownotes parse Feeds/ --json          one JSON object per episode
          shownotes chapters notes.md            Podcasting 2.0 JSON chapters
          shownotes chapters notes.md --format webvtt --duration 3600
        """,
        subcommands: [SearchCommand.self, IndexCommand.self, ParseCommand.self, ChaptersCommand.self, StatsCommand.self]
    )
}

/// Exit codes shared by every command, as grep uses them.
enum ExitStatus {
    static let found: Int32 = 0
    static let nothing: Int32 = 1
    static let error: Int32 = 2
    static let usage: Int32 = 64
}
