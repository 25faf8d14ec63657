import ArgumentParser
import ShowNotesCLI

/// The commands of `shownotes` that read sources (run by `shownotes`, which handles `search` and `stats` itself).
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
        subcommands: [IndexCommand.self, ParseCommand.self, ChaptersCommand.self]
    )
}

