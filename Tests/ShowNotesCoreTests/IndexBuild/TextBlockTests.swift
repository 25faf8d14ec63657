import Foundation
@testable import ShowNotesSearch
import Testing

/// The text store written with remembered blocks (the build cache) must be the text store.
@Suite("Text blocks remembered between builds")
struct TextBlockTests {
    /// Remembers blocks in memory and counts what it was asked.
    final class Memory: TextBlockMemory, @unchecked Sendable {
        var blocks: [TextBlockKey: [UInt8]] = [:]
        var hits = 0
        func compressed(_ key: TextBlockKey) -> [UInt8]? {
            guard let bytes = blocks[key] else { return nil }
            hits += 1
            return bytes
        }
        func remember(_ key: TextBlockKey, compressed: [UInt8]) { blocks[key] = compressed }
    }

    /// Texts of varied lengths (a fixed pseudo-random sequence), some longer than a block.
    static func texts(_ count: Int, seed: UInt64) -> [String] {
        var state = seed
        return (0..<count).map { index in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = index % 97 == 0 ? 20_000 : Int(state >> 33) % 900
            return String(repeating: "word\(index % 13) ", count: length / 6 + 1)
        }
    }

    @Test("with or without remembered blocks, the section is what TextStoreWriter writes")
    func sameSection() {
        for (count, seed) in [(0, 1), (1, 2), (40, 3), (1_000, 4)] as [(Int, UInt64)] {
            let texts = Self.texts(count, seed: seed)
            var writer = TextStoreWriter()
            for text in texts { writer.append(text) }
            let expected = writer.serialize()
            let memory = Memory()
            #expect(TextStoreWriter.section(texts, memory: nil) == expected)
            #expect(TextStoreWriter.section(texts, memory: memory) == expected)
            #expect(TextStoreWriter.section(texts, memory: memory) == expected)
            #expect(memory.hits == memory.blocks.count)
        }
    }

    @Test("after a change early on, the blocks after it are found again")
    func blocksResynchronise() {
        var texts = Self.texts(3_000, seed: 7)
        let memory = Memory()
        _ = TextStoreWriter.section(texts, memory: memory)
        let before = memory.blocks.count
        texts[10] += " and a few more words"
        var writer = TextStoreWriter()
        for text in texts { writer.append(text) }
        #expect(TextStoreWriter.section(texts, memory: memory) == writer.serialize())
        #expect(memory.blocks.count - before <= 3)
    }

    @Test("items read back in any order, alone or in runs, are the items written")
    func readsInAnyOrder() throws {
        let texts = Self.texts(1_000, seed: 5)
        var writer = TextStoreWriter()
        for text in texts { writer.append(text) }
        let bytes = writer.serialize()
        try bytes.withUnsafeBytes { raw in
            var reader = try TextStoreReader(ByteReader(raw))
            // Forward, backward, then strided jumps: partial prefixes, re-inflated blocks, block changes.
            let order = Array(texts.indices) + texts.indices.reversed() + texts.indices.map { $0 * 389 % texts.count }
            for index in order { #expect(try reader.text(index) == texts[index]) }
            for start in stride(from: 0, to: texts.count - 8, by: 37) {
                #expect(try reader.texts(start..<start + 8) == Array(texts[start..<start + 8]))
            }
            #expect(try reader.texts(5..<5) == [])
        }
    }
}
