import Foundation
import ShowNotesCore
@testable import ShowNotesSearch

/// Index files for the hardening tests, built from the test fixtures as `shownotes index`
/// would (sources in byte order of their relative path), and folders to put them in.
enum HardeningIndex {
    /// Notes fixtures, the seeds and two feeds: every section non-empty, every moment kind present.
    static let fixtureSources: [String] = Fixtures.files(in: "seeds") + Fixtures.files(in: "notes")
        + ["feeds/full.xml", "feeds/atom.xml"]

    /// The bytes of an index of the fixtures.
    static func fixtures() throws -> [UInt8] {
        var episodes: [(Episode, String)] = []
        for source in fixtureSources.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            if source.hasPrefix("feeds/") {
                for episode in try FeedFixtures.read(String(source.dropFirst(6))).episodes { episodes.append((episode, source)) }
            } else {
                episodes.append((try Fixtures.parse(source).episode, source))
            }
        }
        return build(episodes)
    }

    /// `count` generated episodes sharing words, so postings run to several blocks of 128
    /// documents (skip tables) and text stores to several blocks.
    static func many(_ count: Int) -> [UInt8] {
        let episodes = (0..<count).map { number in
            let notes = """
            Episode \(number): team culture in practice
            Guest: Coach Number\(number)

            Summary: how team culture grows in week \(number), with easy miles and honest talks.

            Key takeaways:
            - Team culture is built in the easy miles (\(number)).
            - Praise effort in public, every \(number % 7 + 2) days.

            0:00 Intro to team culture
            \(number % 50 + 1):15 Culture talk \(number)
            \(number % 50 + 52):30 Race day culture
            """
            return (NotesParser.parse(notes, format: .text, source: "many/\(number).txt").episode, "many/\(number).txt")
        }
        return build(episodes)
    }

    static func build(_ episodes: [(Episode, String)]) -> [UInt8] {
        var builder = IndexBuilder()
        let analyzer = EpisodeAnalyzer()
        for (episode, source) in episodes { builder.add(episode, source: source, analyzer: analyzer) }
        builder.metadata["fingerprint"] = "hardening tests"
        builder.metadata["manifest"] = episodes.map(\.1).joined(separator: "\n")
        return builder.serialize()
    }

    /// A fresh index folder holding `bytes` as its index file; removed by the caller.
    static func folder(holding bytes: [UInt8]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shownotes-hardening-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: folder.appending(path: IndexFormat.fileName))
        return folder
    }

    /// Where each part of an index file lies: the header, then each section by name.
    static func regions(of bytes: [UInt8]) -> [(name: String, range: Range<Int>)] {
        func u64(_ at: Int) -> Int { (0..<8).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let count = (12..<16).reduce(0) { $0 | Int(bytes[$1]) << (8 * ($1 - 12)) }
        var regions = [("header", 0..<(16 + count * 24))]
        for index in 0..<count {
            let entry = 16 + index * 24
            let offset = u64(entry + 4), length = u64(entry + 12)
            let name = IndexFormat.Section(rawValue: UInt32(index + 1)).map { "\($0)" } ?? "section \(index + 1)"
            regions.append((name, offset..<offset + length))
        }
        return regions
    }
}
