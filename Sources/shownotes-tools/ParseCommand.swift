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
        // Each episode is printed as soon as it is read (a 100 MB feed is never held whole),
        // its text made on the core that parsed it.
        let json = json
        let failed = Loading.read(paths, prepare: { episode in json ? episode.json.text : Self.summary(of: episode) },
                                  each: Console.out)
        if failed { throw ExitCode(ExitStatus.error) }
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

    /// Every episode, collected.
    static func load(_ paths: [String]) -> Loaded {
        var episodes: [Episode] = []
        let failed = read(paths, prepare: { $0 }, each: { episodes.append($0) })
        return Loaded(episodes: episodes, failed: failed)
    }

    /// Hands each episode, `prepare`d (see `SourceReader.read(_:prepare:each:)`), to `each` in
    /// source order as soon as it is read; a source's diagnostics follow its episodes.
    /// Returns whether some path or file could not be read.
    static func read<Prepared: Sendable>(_ paths: [String], prepare: @escaping @Sendable (Episode) -> Prepared,
                                         each: (Prepared) -> Void) -> Bool {
        var failed = false
        let found = SourceFiles.discover(paths)
        Console.report(found.diagnostics)
        for error in found.errors {
            Console.error(error.description)
            failed = true
        }
        for source in found.sources {
            do {
                Console.report(try SourceReader.read(source, prepare: prepare, each: each))
            } catch {
                Console.error(error.description)
                failed = true
            }
        }
        return failed
    }
}
