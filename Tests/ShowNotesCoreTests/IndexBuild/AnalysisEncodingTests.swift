import Foundation
import ShowNotesCore
import Testing

@Suite("Cached analyses")
struct AnalysisEncodingTests {
    /// Analyses of notes fixtures and of a feed's episodes.
    static func analyses() throws -> [EpisodeAnalysis] {
        let analyzer = EpisodeAnalyzer()
        var result = try Fixtures.files(in: "notes").prefix(20).map { analyzer.analyze(try Fixtures.parse($0).episode, source: $0) }
        let feed = try FeedReader.read(bytes: try Fixtures.bytes("sources/the-long-run/feed.xml"), display: "feed.xml")
        result += feed.episodes.map { analyzer.analyze($0, source: "the-long-run/feed.xml") }
        return result
    }

    @Test("an analysis decodes to the same value, and encodes to the same bytes every time")
    func roundTrip() throws {
        for analysis in try Self.analyses() {
            var bytes: [UInt8] = []
            analysis.encode(into: &bytes)
            var again: [UInt8] = []
            analysis.encode(into: &again)
            #expect(bytes == again)
            var offset = 0
            let decoded = try bytes.withUnsafeBytes { try EpisodeAnalysis.decode($0, offset: &offset) }
            #expect(decoded == analysis)
            #expect(offset == bytes.count)
        }
    }

    @Test("cut or damaged encodings throw or decode to something, never crash")
    func damage() throws {
        let analysis = try #require(try Self.analyses().first { !$0.moments.isEmpty })
        var bytes: [UInt8] = []
        analysis.encode(into: &bytes)
        for cut in 0..<bytes.count {
            var offset = 0
            let prefix = Array(bytes[..<cut])
            #expect(throws: IndexCorruption.self) { try prefix.withUnsafeBytes { try EpisodeAnalysis.decode($0, offset: &offset) } }
        }
        for index in bytes.indices {
            var damaged = bytes
            damaged[index] ^= 0xA5
            var offset = 0
            _ = try? damaged.withUnsafeBytes { try EpisodeAnalysis.decode($0, offset: &offset) }
        }
    }
}
