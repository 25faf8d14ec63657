import ShowNotesCore
import Testing

/// Randomised and truncated inputs never crash or hang, and what comes out is still sane.
///
/// The loop is seeded, so a failure names a variant that can be replayed exactly.
@Suite("Mutated inputs")
struct MutationTests {
    /// Bytes worth inserting: markup, entities, line ends, digits and separators, broken UTF-8.
    static let interesting: [[UInt8]] = [
        Array("<".utf8), Array(">".utf8), Array("</li>".utf8), Array("<li><strong>".utf8), Array("&amp;".utf8),
        Array("&#x".utf8), Array("<!--".utf8), Array("<![CDATA[".utf8), Array("\r\n".utf8), Array("\n".utf8),
        Array("\r".utf8), Array(":".utf8), Array("00:00 ".utf8), Array("9:59:59.999".utf8), Array("(".utf8),
        Array("[".utf8), Array("**".utf8), Array("---\n".utf8), Array("# ".utf8), Array("= ".utf8), Array("—".utf8),
        [0xE2], [0xE2, 0x80], [0xF0, 0x9F], [0xC2], [0xFF], [0x80], [0], Array("\t".utf8), Array("•".utf8),
    ]

    /// Variants of `bytes`: truncations at many offsets, then random flips, inserts and deletions.
    static func variants(of bytes: [UInt8], seed: UInt64) -> [[UInt8]] {
        var generator = SplitMix64(seed: seed)
        var result: [[UInt8]] = []
        let cuts = max(1, min(bytes.count, 40))
        for step in 0...cuts { result.append(Array(bytes.prefix(bytes.count * step / cuts))) }
        for _ in 0..<40 where !bytes.isEmpty {
            var copy = bytes
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let at = Int.random(in: 0..<max(copy.count, 1), using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0 where !copy.isEmpty: copy[at] = UInt8.random(in: 0...255, using: &generator)
                case 1 where !copy.isEmpty: copy[at] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
                case 2 where !copy.isEmpty: copy.removeSubrange(at..<min(copy.count, at + Int.random(in: 1...32, using: &generator)))
                default: copy.insert(contentsOf: interesting.randomElement(using: &generator) ?? [], at: min(at, copy.count))
                }
            }
            result.append(copy)
        }
        return result
    }

    /// What must hold for any parse, however broken the input.
    static func checkSane(_ episode: Episode, _ context: String) {
        let starts = episode.chapters.map(\.startTime)
        #expect(starts.allSatisfy { $0.isFinite && $0 >= 0 }, "\(context): start times \(starts)")
        #expect(zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }, "\(context): chapters not ascending \(starts)")
        #expect(episode.chapters.allSatisfy { !$0.title.isEmpty && !$0.title.contains("\n") }, "\(context): empty or multi-line title")
        #expect(episode.takeaways.allSatisfy { !$0.isEmpty }, "\(context): empty takeaway")
        #expect(episode.kind == .page || episode.sections.isEmpty, "\(context): sections on an episode")
        #expect(!episode.json.text.contains("\n"), "\(context): JSON line breaks")
    }

    static let sources = Fixtures.files(in: "notes") + Fixtures.files(in: "seeds") + Fixtures.files(in: "hygiene")

    @Test("every truncated or mutated fixture parses in all three formats without a crash, results sane",
          .timeLimit(.minutes(5)), arguments: sources)
    func mutated(_ path: String) throws {
        let original = try Fixtures.bytes(path)
        let seed = path.utf8.reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1)) &* 1099511628211 }
        for (number, bytes) in Self.variants(of: original, seed: seed).enumerated() {
            let text: String
            do {
                text = try TextDecoding.decode(bytes, file: path).text
            } catch {
                #expect(error.description.hasPrefix("\(path): error: "))
                text = String(decoding: bytes, as: UTF8.self)
            }
            for format in [NotesParser.Format.text, .markdown, .html] {
                let result = NotesParser.parse(text, format: format, source: path, duration: number % 3 == 0 ? 600 : nil)
                Self.checkSane(result.episode, "\(path) variant \(number) as \(format)")
                #expect(result.diagnostics.allSatisfy { !$0.description.contains("\n") })
                for chapterFormat in ChapterFormat.allCases {
                    _ = try? ChapterExporter.export(result.episode.chapters, format: chapterFormat, duration: 99 * 3600)
                }
            }
        }
    }

    @Test("pathological shapes finish quickly: deep nesting, a huge line, thousands of timestamps", .timeLimit(.minutes(2)),
          arguments: [
              String(repeating: "<div>", count: 50_000) + "00:00 x" + String(repeating: "</div>", count: 50_000),
              String(repeating: "<ul><li>", count: 20_000) + "deep",
              String(repeating: "a:b 1:2 ", count: 150_000),
              (0..<20_000).map { "\($0 / 60):\($0 % 60 < 10 ? "0" : "")\($0 % 60) line \($0)" }.joined(separator: "\n"),
              String(repeating: "**[", count: 30_000),
              String(repeating: "[a](", count: 30_000) + String(repeating: "*x", count: 30_000),
              String(repeating: "<http://x ", count: 20_000) + ">",
              String(repeating: "\\", count: 100_000),
              String(repeating: "![", count: 50_000) + String(repeating: "]", count: 50_000) + "(u)",
              String(repeating: "- ", count: 50_000) + "\n" + String(repeating: "  - item\n", count: 10_000),
              "---\n" + String(repeating: "guests:\n", count: 10_000),
              String(repeating: "&", count: 100_000) + String(repeating: "&#99999999999;", count: 1_000),
          ])
    func pathological(_ text: String) {
        for format in [NotesParser.Format.text, .markdown, .html] {
            let episode = NotesParser.parse(text, format: format, source: "big").episode
            Self.checkSane(episode, "pathological \(text.prefix(20)) as \(format)")
        }
    }
}
