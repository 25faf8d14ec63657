import Foundation
import ShowNotesCore
@testable import ShowNotesSearch
import Testing

/// `shownotes index --verify`: a sound index passes (no false alarm on any shape the builder
/// writes), each kind of damage is named, and the command's exit status and lines are right.
@Suite("Index verification")
struct IndexVerifierTests {
    static func verified(_ bytes: [UInt8]) throws -> IndexVerifier.Report {
        let folder = try HardeningIndex.folder(holding: bytes)
        defer { try? FileManager.default.removeItem(at: folder) }
        return IndexVerifier.verify(path: folder.appending(path: IndexFormat.fileName).path)
    }

    @Test("sound indexes verify: the fixtures, 300 generated episodes (skip tables, several text blocks), no episodes at all")
    func soundIndexes() throws {
        for (name, bytes) in [("fixtures", try HardeningIndex.fixtures()), ("many", HardeningIndex.many(300)),
                              ("empty", HardeningIndex.build([]))] {
            let report = try Self.verified(bytes)
            #expect(report.isSound, "\(name): \(report.errorLines)")
        }
    }

    /// `bytes` with `change` applied inside `section` at `offset`, then resealed (checksums rewritten).
    static func patched(_ bytes: [UInt8], _ section: IndexFormat.Section, at offset: Int, _ change: (inout UInt8) -> Void) -> [UInt8] {
        var result = bytes
        let region = HardeningIndex.regions(of: bytes)[Int(section.rawValue)]
        change(&result[region.range.lowerBound + offset])
        return IndexStructureDamageTests.resealed(result)
    }

    @Test("each kind of damage is named: checksum, term index, episode table, text block, size field")
    func namedDamage() throws {
        let sound = try HardeningIndex.fixtures()
        let regions = HardeningIndex.regions(of: sound)
        var flipped = sound
        flipped[regions[Int(IndexFormat.Section.momentTexts.rawValue)].range.lowerBound + 20] ^= 0x40
        #expect(try Self.verified(flipped).problems.contains { $0.hasPrefix("section momentTexts: checksum mismatch (stored 0x") })

        let termIndex = Self.patched(sound, .termIndex, at: 4) { $0 &+= 1 }
        #expect(try Self.verified(termIndex).problems == ["dictionary: term index entry 1 points to byte \(Self.u32(sound, .termIndex, 4) + 1), the block starts at \(Self.u32(sound, .termIndex, 4))"])

        let episodes = Self.patched(sound, .episodes, at: 14) { $0 &+= 1 }
        #expect(try Self.verified(episodes).problems.contains { $0.hasPrefix("moments: episode 1's first moment") })

        let texts = Self.patched(sound, .episodeTexts, at: 12) { $0 ^= 0xFF }
        #expect(try Self.verified(texts).problems.contains { $0.hasPrefix("episodeTexts: ") })

        // The norms section ends with the last episode's shortest-takeaway norm.
        let norms = regions[Int(IndexFormat.Section.norms.rawValue)].range
        let shortest = Self.patched(sound, .norms, at: norms.count - 1) { $0 &-= 1 }
        #expect(try Self.verified(shortest).problems.contains { $0.contains("shortest-takeaway norm disagrees") })

        var sizes = sound
        sizes[16 + 2 * IndexFormat.sectionEntrySize + 12] &+= 1   // the length of section 3 (terms)
        let report = try Self.verified(sizes)
        #expect(report.openError != nil)
        #expect(report.errorLines.count == 1)
        #expect(report.errorLines.first?.contains("error: index corrupted: ") == true)
    }

    static func u32(_ bytes: [UInt8], _ section: IndexFormat.Section, _ offset: Int) -> Int {
        let start = HardeningIndex.regions(of: bytes)[Int(section.rawValue)].range.lowerBound + offset
        return (0..<4).reduce(0) { $0 | Int(bytes[start + $1]) << (8 * $1) }
    }

    @Test("index --verify: ok line and exit 0 when sound; one line per problem and exit 2 when damaged or missing",
          .enabled(if: ProgramRun.shownotes != nil))
    func command() throws {
        let sound = try HardeningIndex.fixtures()
        let folder = try HardeningIndex.folder(holding: sound)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: IndexFormat.fileName).path
        let ok = try ProgramRun.run(["index", "--verify", "--index", folder.path])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.hasPrefix("\(path): ok: \(IndexFormat.Section.allCases.count) sections, "))
        #expect(ok.stderr.isEmpty)

        var damaged = sound
        damaged[HardeningIndex.regions(of: sound)[Int(IndexFormat.Section.episodeTexts.rawValue)].range.upperBound - 10] ^= 1
        try Data(damaged).write(to: URL(filePath: path))
        let bad = try ProgramRun.run(["index", "--verify", "--index", folder.path])
        #expect(bad.status == 2)
        #expect(bad.stdout.isEmpty)
        // The checksum line comes first; the flipped bit may also break what the block decodes
        // to (a second line, about the same section), depending on the bytes it lands in.
        let lines = bad.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "error: index corrupted: \(path): section episodeTexts: checksum mismatch"
            + " (stored \(IndexVerifier.hex(Self.storedCRC(damaged, .episodeTexts))), computed \(IndexVerifier.hex(Self.computedCRC(damaged, .episodeTexts))))")
        #expect(lines.allSatisfy { $0.hasPrefix("error: index corrupted: \(path): ") && $0.contains("episodeTexts") })

        let missing = try ProgramRun.run(["index", "--verify", "--index", folder.appending(path: "nothing").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("error: no index here"))

        let both = try ProgramRun.run(["index", "--verify", "--check", "--index", folder.path])
        #expect(both.status == 64)
        #expect(both.stderr.contains("--check and --verify exclude each other"))
    }

    static func storedCRC(_ bytes: [UInt8], _ section: IndexFormat.Section) -> UInt32 {
        let field = 16 + (Int(section.rawValue) - 1) * IndexFormat.sectionEntrySize + 20
        return (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[field + $1]) << UInt32(8 * $1) }
    }

    static func computedCRC(_ bytes: [UInt8], _ section: IndexFormat.Section) -> UInt32 {
        CRC32.checksum(Array(bytes[HardeningIndex.regions(of: bytes)[Int(section.rawValue)].range]))
    }
}
