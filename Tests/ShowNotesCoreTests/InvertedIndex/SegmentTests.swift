import Foundation
import ShowNotesCore
import Testing
@testable import ShowNotesSearch

/// A build fills one `IndexBuilder` per run of consecutive sources, each on its own thread
/// with its own analyzer (so its own term numbers), and `IndexWriter` writes them as one
/// index. These tests check that the index is the one a single builder would write.
@Suite("Segments of a build are written as one index")
struct SegmentTests {
    /// Builds `episodes` cut at `cuts` (indexes into the episodes), one analyzer per segment.
    static func segments(_ episodes: [(Episode, String)], cutAt cuts: [Int]) -> [IndexBuilder] {
        let bounds = [0] + cuts + [episodes.count]
        return zip(bounds, bounds.dropFirst()).map { start, end in
            var builder = IndexBuilder()
            let analyzer = EpisodeAnalyzer()
            for (episode, source) in episodes[start..<end] { builder.add(episode, source: source, analyzer: analyzer) }
            return builder
        }
    }

    @Test("any cut of the episodes into segments gives the bytes of one builder", arguments: [
        [1], [120], [7, 130, 131], [0, 0, 240], [50, 100, 150, 200, 239],
    ])
    func sameBytes(cuts: [Int]) throws {
        // 240 generated episodes: most terms have lists of several blocks, which cuts split.
        let episodes = EpisodeSkippingTests.libraryEpisodes()
        var single = IndexBuilder()
        single.metadata["manifest"] = "the same facts"
        let analyzer = EpisodeAnalyzer()
        for (episode, source) in episodes { single.add(episode, source: source, analyzer: analyzer) }
        let expected = single.serialize()

        let written = IndexWriter.serialize(Self.segments(episodes, cutAt: cuts), metadata: single.metadata, textBlocks: nil)
        #expect(written == expected)
        #expect(written.count > 10_000)
    }

    @Test("the joined index passes every check of index --verify")
    func verifies() throws {
        let bytes = IndexWriter.serialize(Self.segments(EpisodeSkippingTests.libraryEpisodes(), cutAt: [60, 61, 200]),
                                          metadata: [:], textBlocks: nil)
        let folder = try HardeningIndex.folder(holding: bytes)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = IndexVerifier.verify(path: IndexStore.filePath(in: folder.path))
        #expect(report.openError == nil)
        #expect(report.problems.isEmpty)
        #expect(try IndexReader(path: IndexStore.filePath(in: folder.path)).episodeCount == 240)
    }
}
