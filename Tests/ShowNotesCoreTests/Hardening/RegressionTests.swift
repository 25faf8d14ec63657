import Foundation
@testable import ShowNotesCore
@testable import ShowNotesSearch
import Testing

/// Inputs that once crashed, hung or misbehaved, kept in `Fixtures/regressions/TARGET/` (one
/// folder per fuzz target: text, markdown, html, feed, query, index) and run the way the fuzz
/// target runs them; plus the hazards the audit of the index reader fixed.
@Suite("Regressions")
struct RegressionTests {
    static let targets = ["text", "markdown", "html", "feed", "query", "index"]

    static func inputs(_ target: String) -> [String] { Fixtures.files(in: "regressions/" + target) }

    @Test("every kept fuzz input runs to the end: notes in their format, feeds, queries, index files",
          .timeLimit(.minutes(5)), arguments: targets)
    func keptInputs(_ target: String) throws {
        for input in Self.inputs(target) {
            let bytes = try Fixtures.bytes(input)
            let started = ContinuousClock.now
            switch target {
            case "text", "markdown", "html":
                let format: NotesParser.Format = target == "text" ? .text : target == "markdown" ? .markdown : .html
                if let result = try? SourceReader.readNotes(bytes, format: format, display: input) {
                    for episode in result.episodes {
                        for chapterFormat in ChapterFormat.allCases {
                            _ = try? ChapterExporter.export(episode.chapters, format: chapterFormat, duration: 99 * 3600)
                        }
                    }
                }
            case "feed":
                _ = try? FeedReader.readFeed(bytes: bytes, display: input)
            case "query":
                let reader = try IndexReader(path: try Self.sampleIndex())
                _ = SearchExercise.run(reader, queries: [String(decoding: bytes, as: UTF8.self)])
            default:
                let folder = try HardeningIndex.folder(holding: bytes)
                defer { try? FileManager.default.removeItem(at: folder) }
                let path = folder.appending(path: IndexFormat.fileName).path
                _ = IndexVerifier.verify(path: path)
                if let reader = try? IndexReader(path: path) { _ = SearchExercise.run(reader, queries: IndexDamageTests.queries) }
            }
            #expect(ContinuousClock.now - started < .seconds(20), "slow: \(input)")
        }
    }

    /// The fixtures index, written once, for the query inputs.
    static func sampleIndex() throws -> String {
        let folder = try HardeningIndex.folder(holding: try HardeningIndex.fixtures())
        return folder.appending(path: IndexFormat.fileName).path
    }

    @Test("phrase positions at the top of the 32-bit range wrap instead of trapping")
    func phrasePositionOverflow() {
        #expect(Searcher.phraseStarts([[UInt32.max, 7], [0, 8]]) == [UInt32.max, 7])
        #expect(Searcher.phraseStarts([[UInt32.max - 1], [UInt32.max], [0]]) == [UInt32.max - 1])
    }

    @Test("an 8 MB stored text and an 8 MB metadata value inflate in linear time")
    func bigTextBlocks() throws {
        let big = String(repeating: "a long chapter title ", count: 400_000)   // 8.4 MB
        var writer = TextStoreWriter()
        writer.append("first")
        writer.append(big)
        writer.append("last")
        let bytes = writer.serialize()
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let texts: [String] = try bytes.withUnsafeBytes { raw in
                var reader = try TextStoreReader(ByteReader(raw))
                return [try reader.text(0), try reader.text(1), try reader.text(2)]
            }
            #expect(texts == ["first", big, "last"])
        }
        #expect(elapsed < .seconds(20) || ProgramRun.isSanitized)

        var builder = IndexBuilder()
        builder.metadata["manifest"] = big
        let folder = try HardeningIndex.folder(holding: builder.serialize())
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = try IndexReader(path: folder.appending(path: IndexFormat.fileName).path)
        var manifest: String?
        let metadata = clock.measure { manifest = try? reader.metadata("manifest") }
        #expect(manifest == big)
        #expect(metadata < .seconds(20) || ProgramRun.isSanitized)
    }

    @Test("a damaged size field in a text block costs no allocation of that size")
    func damagedBlockSize() throws {
        // Raw size 60 MB claimed, a few bytes of DEFLATE behind it: refused without inflating 60 MB.
        var framed = ByteWriter()
        framed.varint(60 << 20)
        framed.append(Zlib.deflate(Array("short".utf8)))
        let result = try framed.bytes.withUnsafeBytes { try TextStoreReader.inflate(UnsafeRawBufferPointer($0), through: 0) }
        #expect(result.0 == Array("short".utf8))
        #expect(result.1 == false)
    }
}
