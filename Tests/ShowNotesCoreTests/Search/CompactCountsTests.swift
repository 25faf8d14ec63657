import Testing
@testable import ShowNotesSearch

/// Decoded frequencies are kept in a byte each, with the counts of 255 or more beside
/// (`CompactCounts`). Nothing may be lost at that edge: scores use the counts, and reading a
/// field's positions skips the earlier fields' positions by their exact counts.
@Suite("Compact counts: a byte each, and exact above 254")
struct CompactCountsTests {
    @Test("appends, writes and removals agree with plain 32-bit counts, across the 255 edge")
    func sameAsPlainCounts() {
        var random = SplitMix64(seed: 255)
        var counts = CompactCounts()
        var plain: [UInt32] = []
        let values: [UInt32] = [0, 1, 7, 254, 255, 256, 300, 65_535, 70_000, .max]
        for _ in 0..<5_000 {
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<5:
                let value = values.randomElement(using: &random)!
                counts.append(value)
                plain.append(value)
            case 5..<8 where !plain.isEmpty:
                let index = Int.random(in: 0..<plain.count, using: &random)
                let value = values.randomElement(using: &random)!
                counts[index] = value
                plain[index] = value
            case 8 where !plain.isEmpty:
                let removed = Int.random(in: 1...min(3, plain.count), using: &random)
                counts.removeLast(removed)
                plain.removeLast(removed)
            default:
                break
            }
            #expect(counts.count == plain.count)
        }
        #expect((0..<plain.count).map { counts[$0] } == plain)
        #expect(plain.contains { $0 >= 255 } && plain.contains { $0 < 255 })
        let filled = CompactCounts(repeating: 300, count: 3)
        #expect((0..<3).map { filled[$0] } == [300, 300, 300])
    }

    @Test("a word 300 times in an episode title: its count, and a phrase in the notes read after it, are exact")
    func largeFrequencyInAnIndex() throws {
        let title = Array(repeating: "surf", count: 300).joined(separator: " ")
        let loud = Episode(title: title, podcast: "Wave Talk", summary: "Calm water all week.", takeaways: ["Big surf days need patience."],
                           chapters: [Chapter(startTime: 0, title: "Opening")], source: "loud.txt")
        let quiet = Episode(title: "Surf once", podcast: "Wave Talk", summary: "Calm water all week.", takeaways: ["Big surf days need patience."],
                            chapters: [Chapter(startTime: 0, title: "Opening")], source: "quiet.txt")
        let searcher = Searcher(reader: try SearchIndex.open([(loud, "loud.txt"), (quiet, "quiet.txt")]))
        let surf = try searcher.plan(SearchQuery("surf"), fuzzy: false).required[0].alternatives[0]
        #expect(surf.episodes == [0, 1])
        #expect(surf.frequency(0, field: 0) == 300 && surf.frequency(1, field: 0) == 1)
        #expect(surf.frequency(0, field: 3) == 1 && surf.frequency(1, field: 3) == 1)
        // The phrase is in both episodes' takeaways: found in the first only if the 300 title
        // positions before its notes positions are skipped exactly.
        let phrase = try searcher.search(SearchRequest(SearchQuery("\"big surf\"")))
        let takeaways = phrase.hits.filter { $0.kind == .takeaway }
        #expect(Set(takeaways.map(\.episode)) == [0, 1])
        #expect(takeaways.allSatisfy { $0.title == "Big surf days need patience." })
    }
}
