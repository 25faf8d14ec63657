import Foundation
import ShowNotesCore
@testable import ShowNotesSearch
import Testing

/// `search --count` against a brute-force reading of the chapter contract (issue 4, Must show):
/// a chapter matches when every query term occurs in its own title, its episode's title, its
/// podcast name or people, or its episode's notes (summary and takeaways); a phrase must occur
/// within one of those texts. The oracle scans the analysed texts themselves, so any drift
/// between the index (postings, positions, takeaway ranges, prefix expansion) and the contract
/// shows up as a different count.
@Suite("Chapter contract: counts equal a brute-force scan")
struct ChapterContractTests {
    /// Words chosen so stems collide (`runs`/`running`, `cultures`/`culture`), prefixes expand
    /// to several terms (`nutri*`, `run*`), and phrases occur both inside one text and split
    /// across two.
    static let words = [
        "team", "teams", "culture", "cultures", "running", "runs", "runner", "sleep", "habits", "habit",
        "nutrition", "nutrient", "nutritious", "injury", "recovery", "mental", "health", "people", "coach",
        "trust", "harbour", "kettle", "mountain", "altitude", "tempo", "interval", "breakfast", "story",
    ]

    /// A seeded generator (`SplitMix64`), so a failure names a reproducible case.
    struct Generator {
        var random: SplitMix64
        mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        mutating func words(_ range: ClosedRange<Int>) -> String {
            (0..<(range.lowerBound + below(range.count))).map { _ in ChapterContractTests.words[below(ChapterContractTests.words.count)] }
                .joined(separator: " ")
        }
    }

    static func episodes(seed: UInt64, count: Int) -> [Episode] {
        var random = Generator(random: SplitMix64(seed: seed))
        let podcasts = ["Harbour Hours", "The Long Run", "Kettle Talk", "Mountain Tempo"]
        let names = ["Ann Lee", "Rosa Delgado", "Sam Trust", "Lena Coach"]
        return (0..<count).map { number in
            var episode = Episode(source: "e\(number).txt")
            episode.title = random.words(2...5)
            episode.podcast = podcasts[random.below(podcasts.count)]
            episode.people = (0..<random.below(3)).map { _ in Person(name: names[random.below(names.count)], role: "guest") }
            episode.summary = random.below(5) == 0 ? "" : random.words(8...30)
            episode.takeaways = (0..<random.below(4)).map { _ in random.words(3...8) }
            episode.chapters = (0..<(1 + random.below(6))).map { index in Chapter(startTime: Double(index * 60), title: random.words(1...5)) }
            return episode
        }
    }

    /// The analysed texts of a chapter's contract: its own title, then its episode's title,
    /// podcast, people and notes (the summary and each takeaway as separate texts).
    static func contractTexts(_ chapter: Chapter, of episode: Episode, analyzer: Analyzer) -> [[String]] {
        let texts = [chapter.title, episode.title ?? "", episode.podcast ?? "", episode.people.map(\.name).joined(separator: " , "),
                     episode.summary] + episode.takeaways
        return texts.map { text in analyzer.tokens(text).tokens.filter { !$0.isJoined }.map(\.term) }
    }

    enum Query {
        case all([String])
        case phrase([String])
        case prefix(String)

        var text: String {
            switch self {
            case .all(let words): words.joined(separator: " ")
            case .phrase(let words): "\"" + words.joined(separator: " ") + "\""
            case .prefix(let start): start + "*"
            }
        }

        func matches(_ texts: [[String]], analyzer: Analyzer) -> Bool {
            switch self {
            case .all(let words):
                return words.allSatisfy { word in
                    let term = analyzer.queryTerms(word)[0]
                    return texts.contains { $0.contains(term) }
                }
            case .phrase(let words):
                let terms = words.map { analyzer.queryTerms($0)[0] }
                return texts.contains { text in
                    text.count >= terms.count && (0...(text.count - terms.count)).contains { Array(text[$0..<($0 + terms.count)]) == terms }
                }
            case .prefix(let start):
                return texts.contains { $0.contains { $0.hasPrefix(start) } }
            }
        }
    }

    static func queries(seed: UInt64) -> [Query] {
        var random = Generator(random: SplitMix64(seed: seed))
        var result: [Query] = []
        for _ in 0..<25 { result.append(.all([words[random.below(words.count)]])) }
        for _ in 0..<25 { result.append(.all((0..<(2 + random.below(3))).map { _ in words[random.below(words.count)] })) }
        for _ in 0..<25 { result.append(.phrase([words[random.below(words.count)], words[random.below(words.count)]])) }
        for start in ["nutri", "run", "cult", "hab", "te", "zz"] { result.append(.prefix(start)) }
        return result
    }

    @Test("word, AND, phrase and prefix counts over 300 generated episodes equal the brute-force count",
          arguments: [UInt64(1), 2, 3])
    func countsEqualOracle(seed: UInt64) throws {
        let episodes = Self.episodes(seed: seed, count: 300)
        var builder = IndexBuilder()
        let episodeAnalyzer = EpisodeAnalyzer()
        for episode in episodes { builder.add(episode, source: episode.source, analyzer: episodeAnalyzer) }
        let folder = FileManager.default.temporaryDirectory.appending(path: "shownotes-contract-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try IndexStore.write(builder.serialize(), to: folder)
        let searcher = Searcher(reader: try IndexReader(path: IndexStore.filePath(in: folder)))

        let analyzer = Analyzer()
        let contracts = episodes.flatMap { episode in episode.chapters.map { Self.contractTexts($0, of: episode, analyzer: analyzer) } }
        var nonZero = 0
        for query in Self.queries(seed: seed &* 31) {
            let expected = contracts.filter { query.matches($0, analyzer: analyzer) }.count
            if expected > 0 { nonZero += 1 }
            #expect(try searcher.countChapters(SearchQuery(query.text)) == expected, "seed \(seed): \(query.text)")
        }
        // The generated set must exercise the contract, not only agree on zeros.
        #expect(nonZero >= 60, "seed \(seed): only \(nonZero) queries with matches")
    }
}
