import ArgumentParser
import FoundationEssentials
import ShowNotesCLI
import ShowNotesCore

/// `shownotes chapters`: export chapter lists.
struct ChaptersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chapters",
        abstract: "Export episodes' chapters (Podcasting 2.0 JSON by default).",
        discussion: """
        Formats: json (Podcasting 2.0 JSON chapters 1.2.0), webvtt, podlove (Podlove \
        Simple Chapters XML), ffmetadata (FFmpeg), mp4chaps, text (YouTube/Spotify \
        description lines). webvtt and ffmetadata need end times: the last chapter \
        ends at the episode's duration, or at --duration SECONDS.

        Without --out, each episode's document goes to stdout (JSON: one line each). \
        With --out DIR, one file per episode: DIR/<episode-slug>.chapters.json (or the \
        format's own ending); repeated slugs get -2, -3 in source order. Episodes \
        without chapters are skipped with a note.
        """
    )

    @Argument(help: "Files or folders to read.")
    var paths: [String]

    @Option(help: "Output format: \(ChapterFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String = "json"

    @Option(help: "Write one file per episode into this folder.")
    var out: String?

    @Option(help: "The episode's length in seconds (or [H:]MM:SS), for formats that need end times.")
    var duration: String?

    @Option(help: "Only the episode with this guid or episode number (itunes:episode) in a feed.")
    var episode: String?

    func validate() throws {
        guard ChapterFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)'; use one of: \(ChapterFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let duration, Timestamp.npt(duration) == nil {
            throw ValidationError("--duration '\(duration)' is not a time: give seconds (3600) or [H:]MM:SS")
        }
    }

    func run() throws {
        guard let format = ChapterFormat(rawValue: format) else { throw ExitCode(ExitStatus.usage) }
        let loaded = Loading.load(paths)
        var failed = loaded.failed
        var chosen = loaded.episodes
        if let wanted = episode {
            chosen = chosen.filter { $0.guid == wanted || ($0.number != nil && $0.number == Int(wanted)) }
            if chosen.isEmpty {
                Console.error("error: no episode with guid or number '\(wanted)'")
                throw ExitCode(failed ? ExitStatus.error : ExitStatus.nothing)
            }
        }
        let episodes = chosen.filter { episode in
            if episode.chapters.isEmpty { Console.error("\(episode.source): note: no chapters; skipped") }
            return !episode.chapters.isEmpty
        }
        if out == nil, format != .json, episodes.count > 1 {
            Console.error("error: \(episodes.count) episodes have chapters; \(format.rawValue) writes one document per episode: use --out DIR")
            throw ExitCode(ExitStatus.usage)
        }
        let slugs = Slug.unique(episodes.map { Slug.make($0.title ?? Self.stem($0.source)) })
        if let out {
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                Console.error("\(out): error: cannot create this folder")
                throw ExitCode(ExitStatus.error)
            }
        }
        var exported = 0
        for (episode, slug) in zip(episodes, slugs) {
            let seconds = duration.flatMap { Timestamp.npt($0) } ?? episode.duration
            do {
                let (text, warnings) = try ChapterExporter.export(episode.chapters, format: format, duration: seconds)
                for warning in warnings { Console.error("\(episode.source): warning: \(warning)") }
                if let out {
                    let path = out + "/" + slug + format.fileSuffix
                    let body = format == .json ? text + "\n" : text
                    try Data(body.utf8).write(to: URL(filePath: path), options: .atomic)
                    Console.error("wrote \(path)")
                } else {
                    Console.out(format == .json ? text : String(text.dropLast(text.hasSuffix("\n") ? 1 : 0)))
                }
                exported += 1
            } catch let error as ExportError {
                Console.error("\(episode.source): error: \(error.message)")
                failed = true
            } catch {
                Console.error("\(out ?? "-"): error: cannot write: \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(ExitStatus.error) }
        if exported == 0 { throw ExitCode(ExitStatus.nothing) }
    }

    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.split(separator: ".").first.map(String.init) ?? name
    }
}
