import Foundation
import ShowNotesCore
@testable import ShowNotesSearch
import Testing

/// Damage the checksums cannot see: bytes changed and the section's CRC32 written again to
/// match (as a buggy writer would). The query path never checks checksums, so its own bounds
/// checks are all that stand between such bytes and a crash; `--verify`'s invariants catch
/// what they can.
@Suite("Damaged index behind a matching checksum", .serialized)
struct IndexStructureDamageTests {
    /// Writes the CRC32 of every section into the header again.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for (number, region) in HardeningIndex.regions(of: bytes).dropFirst().enumerated() {
            let crc = CRC32.checksum(Array(bytes[region.range]))
            let field = 16 + number * IndexFormat.sectionEntrySize + 20
            for index in 0..<4 { result[field + index] = UInt8(truncatingIfNeeded: crc >> UInt32(8 * index)) }
        }
        return result
    }

    /// A few queries that reach phrases, prefixes, exclusions, kinds and the notes ranges.
    static let queries = ["team culture", "\"team culture\"", "cult* -the", "kind:takeaway training"]

    /// Runs everything `search` and `stats` do; returns whether corruption was reported.
    static func exercise(_ path: String) -> Bool {
        guard let reader = try? IndexReader(path: path) else { return true }
        return SearchExercise.run(reader, queries: queries)
    }

    @Test("flips behind a matching checksum in every section of the fixtures index and of a 150-episode index: no crash, no hang",
          .timeLimit(.minutes(10)), arguments: ["fixtures", "many"])
    func resealedFlips(_ name: String) throws {
        // 150 episodes: the shared words' postings run past one block of 128 (skip tables).
        let sound = name == "fixtures" ? try HardeningIndex.fixtures() : HardeningIndex.many(150)
        let rounds = name == "fixtures" ? 12 : 6
        let folder = try HardeningIndex.folder(holding: sound)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: IndexFormat.fileName).path
        #expect(IndexVerifier.verify(path: path).isSound)
        var copies = 0, caught = 0, reported = 0
        for (number, region) in HardeningIndex.regions(of: sound).enumerated().dropFirst() {
            var random = SplitMix64(seed: 0xC0DE_0000 + UInt64(number))
            for round in 0..<rounds {
                var bytes = sound
                // One byte, or (every fourth round) a run of four: varints and u32s change wholesale.
                let width = round % 4 == 3 ? min(4, region.range.count) : 1
                let start = Int.random(in: region.range.lowerBound...(region.range.upperBound - width), using: &random)
                for offset in start..<start + width { bytes[offset] ^= UInt8.random(in: 1...255, using: &random) }
                try Data(Self.resealed(bytes)).write(to: URL(filePath: path))
                let started = ContinuousClock.now
                copies += 1
                if !IndexVerifier.verify(path: path).isSound { caught += 1 }
                if Self.exercise(path) { reported += 1 }
                // A hang detector, not a benchmark: sanitizer builds on a busy machine are slow.
                #expect(ContinuousClock.now - started < .seconds(60), "slow on \(region.name) byte \(start)")
            }
        }
        print("resealed damage (\(name), \(sound.count) bytes): \(copies) copies; verify caught \(caught), queries or stats reported \(reported); no crash")
        #expect(caught > copies / 2)
    }
}
