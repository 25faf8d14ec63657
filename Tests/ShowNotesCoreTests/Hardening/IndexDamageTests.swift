import Foundation
import ShowNotesCore
@testable import ShowNotesSearch
import Testing

/// Issue 6 §2: an index damaged by a bad copy or a full disk never makes `search` or `stats`
/// crash, hang or read out of bounds, and `index --verify` finds the damage every time.
@Suite("Damaged index: flips and truncations in every part of the file", .serialized)
struct IndexDamageTests {
    /// One damaged copy of the sound index.
    struct Damage: CustomStringConvertible {
        var region: String
        var kind: String
        var offset: Int
        var bytes: [UInt8]
        var description: String { "\(kind) at byte \(offset) (\(region))" }
    }

    static let flipsPerRegion = 8
    static let truncationsPerRegion = 4

    /// 8 single-byte flips and 4 truncations in the header and in every section, from a seed per region.
    static func damages(of sound: [UInt8]) -> [Damage] {
        var result: [Damage] = []
        for (number, region) in HardeningIndex.regions(of: sound).enumerated() {
            var random = SplitMix64(seed: 0x5EED_0000 + UInt64(number))
            for _ in 0..<flipsPerRegion {
                let offset = Int.random(in: region.range, using: &random)
                var bytes = sound
                bytes[offset] ^= UInt8.random(in: 1...255, using: &random)
                result.append(Damage(region: region.name, kind: "flip", offset: offset, bytes: bytes))
            }
            let cuts = [region.range.lowerBound] + (1..<truncationsPerRegion).map { _ in Int.random(in: region.range, using: &random) }
            for offset in cuts {
                result.append(Damage(region: region.name, kind: "truncation", offset: offset, bytes: Array(sound.prefix(offset))))
            }
        }
        return result
    }

    static let queries = ["team culture", "\"team culture\"", "altitude OR heat -tent", "cult*", "title:race kind:chapter",
                          "person:okafor", "kind:takeaway training", "-the run", "\"the long run\" kind:summary", "intro"]

    @Test("every part of the fixtures index is non-empty, so every part gets its flips and truncations")
    func everyRegionIsDamaged() throws {
        let sound = try HardeningIndex.fixtures()
        let regions = HardeningIndex.regions(of: sound)
        #expect(regions.count == IndexFormat.Section.allCases.count + 1)
        for region in regions { #expect(!region.range.isEmpty, "\(region.name) is empty") }
        let damages = Self.damages(of: sound)
        #expect(damages.count == regions.count * (Self.flipsPerRegion + Self.truncationsPerRegion))
    }

    @Test("in-process: verify fails on every damaged copy; open, search and stats throw or answer, never crash or hang",
          .timeLimit(.minutes(5)))
    func inProcessSweep() throws {
        let sound = try HardeningIndex.fixtures()
        let folder = try HardeningIndex.folder(holding: sound)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: IndexFormat.fileName).path
        #expect(IndexVerifier.verify(path: path).isSound, "the undamaged index verifies")
        var refusedOnOpen = 0, answered = 0, reported = 0
        for damage in Self.damages(of: sound) {
            try Data(damage.bytes).write(to: URL(filePath: path))
            let started = ContinuousClock.now
            let report = IndexVerifier.verify(path: path)
            #expect(!report.isSound, "verify passed a damaged copy: \(damage)")
            #expect(report.errorLines.allSatisfy { !$0.contains("\n") && $0.contains(path) }, "\(damage): \(report.errorLines)")
            guard let reader = try? IndexReader(path: path) else {
                refusedOnOpen += 1
                continue
            }
            let failed = SearchExercise.run(reader, queries: Self.queries)
            if failed { reported += 1 } else { answered += 1 }
            #expect(ContinuousClock.now - started < .seconds(60), "slow on \(damage)")   // a hang detector, not a benchmark
        }
        // Figures for the closing note (visible with `swift test --filter IndexDamage`).
        print("damage sweep: \(Self.damages(of: sound).count) copies; refused on open \(refusedOnOpen), corruption reported by a query or stats \(reported), answered \(answered); verify failed on all")
    }

    @Test("the binaries: search and stats exit 0, 1 or 2 (one `error: index corrupted: …` line), index --verify exits 2",
          .timeLimit(.minutes(10)))
    func binarySweep() throws {
        let sound = try HardeningIndex.fixtures()
        let folder = try HardeningIndex.folder(holding: sound)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: IndexFormat.fileName).path
        for damage in Self.damages(of: sound) {
            try Data(damage.bytes).write(to: URL(filePath: path))
            let search = try ProgramRun.run(["search", "team culture", "--index", folder.path], timeout: 20)
            let stats = try ProgramRun.run(["stats", "--index", folder.path], timeout: 20)
            let verify = try ProgramRun.run(["index", "--verify", "--index", folder.path], timeout: 20)
            for (name, run, allowed) in [("search", search, [0, 1, 2]), ("stats", stats, [0, 2]), ("index --verify", verify, [2])] {
                #expect(!run.timedOut && run.signal == nil, "\(name) crashed or hung on \(damage): \(run.stderr)")
                guard let status = run.status else { continue }
                #expect(allowed.contains(Int(status)), "\(name) exit \(status) on \(damage): \(run.stderr)")
                if status == 2 {
                    #expect(!run.errorLines.isEmpty, "\(name) on \(damage)")
                    for line in run.errorLines { #expect(Self.isDamageLine(String(line), path: path), "\(name) on \(damage): \(line)") }
                    if name != "index --verify" { #expect(run.errorLines.count == 1, "\(name) on \(damage): \(run.stderr)") }
                }
            }
        }
    }

    /// `error: index corrupted: <file>: <what>`, or, for a changed version field, the rebuild advice.
    static func isDamageLine(_ line: String, path: String) -> Bool {
        line.hasPrefix("error: index corrupted: \(path): ")
            || (line.hasPrefix("\(path): error: index format ") && line.hasSuffix("rebuild it with `shownotes index`"))
    }
}
