@testable import ShowNotesSearch
import Testing

/// Positions far into a postings block are reached by skipping the numbers before them
/// eight bytes at a time (`ByteReader.skipVarints`) and summing the skipped frequencies
/// (`CompactCounts.sum`): both must land exactly where reading one number at a time does.
@Suite("Skipping numbers in the positions stream")
struct VarintSkipTests {
    @Test("skipping n numbers ends where decoding n numbers does, for every n, numbers of one to five bytes")
    func skipMatchesDecoding() throws {
        var random = SplitMix64(seed: 8)
        var writer = ByteWriter()
        let magnitudes = [0x7F, 0x3FFF, 0x1F_FFFF, 0xFFF_FFFF, Int(Int32.max)]
        for _ in 0..<300 { writer.varint(Int.random(in: 0...magnitudes.randomElement(using: &random)!, using: &random)) }
        let bytes = writer.bytes
        try bytes.withUnsafeBytes { buffer in
            for count in 0...300 {
                var decoded = ByteReader(buffer)
                for _ in 0..<count { _ = try decoded.varint() }
                var skipped = ByteReader(buffer)
                try skipped.skipVarints(count)
                #expect(skipped.offset == decoded.offset, "skipping \(count)")
            }
        }
    }

    @Test("skipping more numbers than a stream holds throws instead of running past its end")
    func truncatedStreamThrows() {
        var writer = ByteWriter()
        for value in 0..<20 { writer.varint(value * 1_000) }
        writer.u8(0x80)   // a number cut off after its first byte
        writer.bytes.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            #expect(throws: IndexCorruption.self) { try reader.skipVarints(21) }
            var exact = ByteReader(buffer)
            #expect(throws: Never.self) { try exact.skipVarints(20) }
        }
    }

    @Test("the sum of a range of compact counts is the plain sum, counts of 255 and more included")
    func sumOfCounts() {
        let values: [UInt32] = [0, 3, 254, 255, 256, 1_000, 7, 70_000, 1]
        var counts = CompactCounts()
        for value in values { counts.append(value) }
        for lower in 0...values.count {
            for upper in lower...values.count {
                #expect(counts.sum(lower..<upper) == values[lower..<upper].reduce(0) { $0 + Int($1) })
            }
        }
    }
}
