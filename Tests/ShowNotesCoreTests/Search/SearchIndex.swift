import Foundation
import ShowNotesCore
@testable import ShowNotesSearch

/// Small indexes for the search tests, written to a temporary folder as `shownotes index`
/// writes them, and opened.
enum SearchIndex {
    static let seedNames = ["000_ca59e2d5305baa36.txt", "001_2eff8da3e8fc761c.txt", "002_34d4776603aabbc7.txt"]

    /// The three seeds (a biography page of Joe Klecker and two episodes with him).
    static func seeds() throws -> IndexReader {
        try open(try seedEpisodes())
    }

    static func seedEpisodes() throws -> [(Episode, String)] {
        try seedNames.map { name in (try Fixtures.parse("seeds/" + name).episode, name) }
    }

    /// Builds and opens an index of `episodes` (episode, source), added in the order given. The
    /// folder is removed once the file is mapped (the mapping outlives the name).
    static func open(_ episodes: [(Episode, String)]) throws -> IndexReader {
        let folder = try write(episodes)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try IndexReader(path: IndexStore.filePath(in: folder))
    }

    /// Builds an index of `episodes` in a fresh temporary folder; returns the folder.
    static func write(_ episodes: [(Episode, String)], in folder: String? = nil) throws -> String {
        var builder = IndexBuilder()
        let analyzer = EpisodeAnalyzer()
        for (episode, source) in episodes { builder.add(episode, source: source, analyzer: analyzer) }
        let target = folder ?? FileManager.default.temporaryDirectory.appending(path: "shownotes-search-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try IndexStore.write(builder.serialize(), to: target)
        return target
    }

    /// A small two-podcast library with dates, guests, a guest page and repeated topics.
    static func library() throws -> IndexReader { try open(libraryEpisodes()) }

    static func libraryEpisodes() -> [(Episode, String)] {
        func chapters(_ titles: [String]) -> [Chapter] {
            titles.enumerated().map { Chapter(startTime: Double($0.offset * 300), title: $0.element) }
        }
        let run = Episode(title: "Hill Repeats and Team Culture", podcast: "The Long Run", published: "2023-05-02",
                          summary: "Coach Ana Ruiz on hill repeats, recovery and team culture.",
                          takeaways: ["Hill repeats build strength without speed.", "Recovery days matter as much as hard days."],
                          chapters: chapters(["Welcome", "Hill repeats explained", "Recovery after hills", "Team culture on hill day",
                                              "Hill repeats for beginners", "Hill repeats in winter", "Goodbye"]),
                          people: [Person(name: "Ana Ruiz", role: "guest")], source: "run/01.txt")
        let run2 = Episode(title: "Sleep and Recovery", podcast: "The Long Run", published: "2024-02-10",
                           summary: "Why sleep is the cheapest recovery tool for runners.",
                           chapters: chapters(["Intro", "Sleep debt and recovery", "Naps for runners"]),
                           source: "run/02.txt")
        let kitchen = Episode(title: "Kitchen Culture", podcast: "Bread Cast", published: "2024-06-01",
                              summary: "A baker on kitchen culture and sourdough recovery after a bad bake.",
                              chapters: chapters(["Opening", "Kitchen culture", "Sourdough starters"]),
                              people: [Person(name: "Ana Ruiz", role: "guest")], source: "bread/01.txt")
        let undated = Episode(title: "Culture Without a Date", podcast: "Bread Cast",
                              summary: "An episode with no published date about culture.",
                              chapters: chapters(["Culture talk", "Wrap"]), source: "bread/02.txt")
        let page = Episode(title: "Ana Ruiz", podcast: "people",
                           summary: "Ana Ruiz is a running coach and occasional baker.",
                           kind: .page,
                           sections: [Section(heading: "Coaching", text: "Ana Ruiz coaches hill repeats and recovery."),
                                      Section(heading: "Baking", text: "She bakes sourdough on rest days.")],
                           source: "people/ana-ruiz.txt")
        let topic = Episode(title: "Hill Repeats", podcast: "topics", summary: "A page about a workout, not a person.",
                            kind: .page, sections: [Section(heading: "How to", text: "Run up the hill, jog down.")],
                            source: "topics/hill-repeats.txt")
        return [(run, "run/01.txt"), (run2, "run/02.txt"), (kitchen, "bread/01.txt"), (undated, "bread/02.txt"),
                (page, "people/ana-ruiz.txt"), (topic, "topics/hill-repeats.txt")]
    }
}
