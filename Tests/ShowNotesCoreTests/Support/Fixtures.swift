import Foundation
import ShowNotesCore
import Testing

/// Loads the files under `Fixtures/` (copied into the test bundle) and parses them
/// the way the CLI does, so every test starts from the same bytes a user would have.
enum Fixtures {
    /// The `Fixtures` folder inside the test bundle.
    static let root: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            preconditionFailure("Fixtures folder missing from the test bundle; check Package.swift resources")
        }
        return url
    }()

    /// The bytes of `Fixtures/<path>`.
    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appending(path: path)))
    }

    /// The format a notes file is read in, by its extension (as `SourceFiles` decides).
    static func format(of path: String) -> NotesParser.Format {
        if path.hasSuffix(".md") { return .markdown }
        if path.hasSuffix(".html") { return .html }
        return .text
    }

    /// Reads and parses `Fixtures/<path>` as the CLI does: decoding, then the parser.
    /// `path` is the display name, so diagnostics read `notes/x.txt:5: warning: …`.
    static func parse(_ path: String) throws -> (episode: Episode, diagnostics: [Diagnostic]) {
        let result = try SourceReader.readNotes(try bytes(path), format: format(of: path), display: path)
        let episode = try #require(result.episodes.first)
        return (episode, result.diagnostics)
    }

    /// Every file below a fixtures folder, sorted (`notes`, `seeds`, …).
    static func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appending(path: folder).path)) ?? []
        return names.filter { $0 != "SOURCES.md" }.sorted().map { "\(folder)/\($0)" }
    }
}

/// `M:SS Title` (or `H:MM:SS`, with `.mmm` when the start has a fraction): how the
/// expectation tables write chapters. Written here, not borrowed from the code under test.
func rendered(_ chapters: [Chapter]) -> [String] {
    chapters.map { "\(stamp($0.startTime)) \($0.title)" }
}

func stamp(_ seconds: Double) -> String {
    let millis = Int((seconds * 1000).rounded())
    let whole = millis / 1000
    let (h, m, s) = (whole / 3600, whole / 60 % 60, whole % 60)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    var text = h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    if millis % 1000 != 0 {
        let fraction = millis % 1000
        text += "." + (fraction < 10 ? "00" : fraction < 100 ? "0" : "") + "\(fraction)"
    }
    return text
}
