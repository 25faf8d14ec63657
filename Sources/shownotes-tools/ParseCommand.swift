import ArgumentParser
import ShowNotesCLI
import ShowNotesCore

/// `shownotes parse`: what ShowNotes reads in each file.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Show what ShowNotes reads in show-notes files and folders.",
        discussion: """
        Files are read by extension: .txt (plain text), .md (Markdown with optional \
        front matter), .html. Folders are walked recursively in sorted order; other \
        files are skipped with a note. Problems are reported on stderr as \
        path:line: warning: …

        With --json, one JSON object per episode (JSON Lines), keys sorted.
        """
    )

    @Argument(help: "Files or folders to read.")
    var paths: [String]

    @Flag(help: "Print JSON Lines, one object per episode.")
    var json = false

    func run() throws {
        let loaded = Loading.load(paths)
        for episode in loaded.episodes {
            Console.out(json ? episode.json.text : Self.summary(of: episode))
        }
        if loaded.failed { throw ExitCode(ExitStatus.error) }
    }

    /// A readable block per episode.
    static func summary(of episode: Episode) -> String {
        var lines = ["\(episode.source)"]
        lines.append("  title:     \(episode.title ?? "(none)")")
        if let podcast = episode.podcast { lines.append("  podcast:   \(podcast)") }
        if let published = episode.published { lines.append("  published: \(published)") }
        lines.append("  kind:      \(episode.kind.rawValue)")
        if !episode.people.isEmpty {
            lines.append("  people:    " + episode.people.map { person in person.role.map { "\(person.name) (\($0))" } ?? person.name }.joined(separator: ", "))
        }
        if !episode.summary.isEmpty {
            let firstLine = episode.summary.split(separator: "\n").first.map(String.init) ?? ""
            lines.append("  summary:   \(firstLine.count > 100 ? firstLine.prefix(99) + "…" : firstLine)")
        }
        if !episode.takeaways.isEmpty {
            lines.append("  takeaways: \(episode.takeaways.count)")
            lines += episode.takeaways.map { "    • \($0)" }
        }
        lines.append("  chapters:  \(episode.chapters.count)")
        lines += episode.chapters.map { "    \(Timestamp.display($0.startTime))  \($0.title)" }
        if !episode.sections.isEmpty {
            lines.append("  sections:  \(episode.sections.count)")
            lines += episode.sections.map { "    § \($0.heading)" }
        }
        if !episode.links.isEmpty { lines.append("  links:     \(episode.links.count)") }
        return lines.joined(separator: "\n")
    }
}

/// Reads the sources behind command-line paths, reporting problems on stderr.
enum Loading {
    struct Loaded {
        var episodes: [Episode] = []
        /// Some path or file could not be read at all.
        var failed = false
    }

    static func load(_ paths: [String]) -> Loaded {
        var loaded = Loaded()
        let found = SourceFiles.discover(paths)
        Console.report(found.diagnostics)
        for error in found.errors {
            Console.error(error.description)
            loaded.failed = true
        }
        for source in found.sources {
            do {
                let result = try SourceReader.read(source)
                Console.report(result.diagnostics)
                loaded.episodes += result.episodes
            } catch {
                Console.error(error.description)
                loaded.failed = true
            }
        }
        return loaded
    }
}
