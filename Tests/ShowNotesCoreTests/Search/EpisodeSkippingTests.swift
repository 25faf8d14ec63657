import Foundation
import Testing
@testable import ShowNotesSearch

/// Ranking skips an episode whose score bound cannot beat the current top k
/// (`EpisodeBounds`), and may rank halves of the candidates on two threads; neither
/// may ever change a result. These tests rank a few hundred generated episodes each way and
/// compare every hit and score.
@Suite("Skipping hopeless episodes and ranking on two threads change no result")
struct EpisodeSkippingTests {
    static let vocabulary = ["team", "culture", "sleep", "recovery", "coach", "injury", "nutrition", "protein", "race",
                             "training", "mental", "health", "habits", "people", "speed", "hill", "strength", "marathon",
                             "diet", "focus", "breathing", "tempo", "rest", "doubt", "winning"]

    /// Episodes with titles, summaries, takeaways and chapters drawn from a small vocabulary, so
    /// that every word matches many moments with many different scores.
    static func library() throws -> IndexReader { try SearchIndex.open(libraryEpisodes()) }

    static func libraryEpisodes() -> [(Episode, String)] {
        var random = SplitMix64(seed: 2026)
        func words(_ range: ClosedRange<Int>) -> String {
            (0..<Int.random(in: range, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }.joined(separator: " ")
        }
        return (0..<240).map { number in
            let chapters = (0..<Int.random(in: 2...9, using: &random)).map { Chapter(startTime: Double($0 * 120), title: words(1...6)) }
            let takeaways = (0..<Int.random(in: 0...4, using: &random)).map { _ in words(3...12) }
            let episode = Episode(title: words(2...6), podcast: "Show \(number % 7)", summary: words(5...30), takeaways: takeaways,
                                  chapters: chapters, people: [Person(name: "Ana Ruiz", role: "guest")], source: "gen/\(number).txt")
            return (episode, "gen/\(number).txt")
        }
    }

    static let queries = ["team", "team culture", "\"team culture\"", "sleep recovery injury", "tra*", "people -sleep",
                          "coach OR protein", "title:hill", "mental health sleep habits", "the race", "strength speed",
                          "winning", "\"hill strength\" focus", "diet OR rest nutrition"]

    @Test("the same hits and scores with and without skipping, with any number of seeds, and skipping happens")
    func sameResults() throws {
        let searcher = Searcher(reader: try Self.library())
        var skippedInAll = 0
        for text in Self.queries {
            for (limit, perEpisode) in [(1, 3), (5, 1), (10, 3), (20, 0)] {
                let query = SearchQuery(text)
                let plan = try searcher.plan(query, fuzzy: false, relaxed: true)
                func ranked(skipping: Bool, seeds: Int = 16) throws -> ([RankedMoment], Int) {
                    var sink = RankingSink(groups: EpisodeGroups(limit: limit, perEpisode: perEpisode),
                                           dates: try EpisodeDates(reader: searcher.reader, range: DateRange(), order: .relevance))
                    sink.skipsEpisodes = skipping
                    sink.seedCount = seeds
                    let skipped = try searcher.forEachMatch(plan, kinds: [], scoring: true, into: &sink)
                    return (sink.groups.ranked(), skipped)
                }
                let (full, none) = try ranked(skipping: false)
                #expect(none == 0)
                #expect(full.count == min(limit, full.count) && !full.isEmpty, "\(text) finds something")
                // However many candidates are evaluated first (`seeds`), before the others in order.
                for seeds in [0, 1, 16, 100] {
                    let (fast, skipped) = try ranked(skipping: true, seeds: seeds)
                    #expect(fast.map(\.moment) == full.map(\.moment), "\(text) limit \(limit) seeds \(seeds)")
                    #expect(fast.map(\.score) == full.map(\.score), "\(text) limit \(limit) seeds \(seeds)")
                    #expect(fast.map(\.episodeMatches) == full.map(\.episodeMatches), "\(text) limit \(limit) seeds \(seeds)")
                    skippedInAll += skipped
                }
            }
        }
        #expect(skippedInAll > 100, "skipping should happen on this library (\(skippedInAll) episodes skipped)")
    }

    @Test("seeds are the candidates with the highest bounds, in candidate order")
    func seedsAreTheHighestBounds() {
        var bounds = EpisodeBounds.Bounds()
        bounds.all = [0.5, 3.0, 0.1, 2.0, 9.0, 0.2, 2.5, 1.0]
        #expect(bounds.seeds(3) == [1, 4, 6])
        #expect(bounds.seeds(1) == [4])
        #expect(bounds.seeds(0) == [])
        #expect(bounds.seeds(20) == Array(0..<8))
        var random = SplitMix64(seed: 16)
        bounds.all = (0..<1_000).map { _ in Double.random(in: 0..<1, using: &random) }
        let expected = bounds.all.indices.sorted { bounds.all[$0] > bounds.all[$1] }.prefix(16).sorted()
        #expect(bounds.seeds(16) == expected)
    }

    @Test("the same hits, scores and counts from two threads as from one, with and without grouping")
    func twoThreads() throws {
        let searcher = Searcher(reader: try Self.library())
        for text in Self.queries {
            for (limit, perEpisode) in [(1, 3), (7, 1), (10, 3), (25, 0)] {
                let request = SearchRequest(SearchQuery(text), limit: limit, perEpisode: perEpisode)
                let plan = try searcher.plan(request.query, fuzzy: false, relaxed: true)
                let one = try searcher.rankedMoments(plan, request: request, twoThreads: false)
                let two = try searcher.rankedMoments(plan, request: request, twoThreads: true)
                #expect(!one.isEmpty, "\(text) finds something")
                #expect(two.map(\.moment) == one.map(\.moment), "\(text) limit \(limit)")
                #expect(two.map(\.score) == one.map(\.score), "\(text) limit \(limit)")
                #expect(two.map(\.episodeMatches) == one.map(\.episodeMatches), "\(text) limit \(limit)")
            }
        }
    }

    @Test("a long query's parts, looked up half on a second thread, are those looked up one by one, in order")
    func partsOnTwoThreads() throws {
        let searcher = Searcher(reader: try Self.library())
        #expect(try searcher.splitMap(Array(0..<7)) { _, number in number * number } == [0, 1, 4, 9, 16, 25, 36])
        // Shared out by cost, the results still come back in the items' order.
        #expect(try searcher.splitMap(Array(0..<7), cost: { [5, 1, 9, 2, 2, 8, 1][$0] }) { _, number in number * number } == [0, 1, 4, 9, 16, 25, 36])
        // The costliest first, each to the thread with less: {96, 17} here and {83, 54} there.
        #expect(Searcher.secondShare(4, costs: [83, 96, 54, 17]) == [0, 2])
        #expect(Searcher.secondShare(4, costs: nil) == [2, 3])
        #expect(Searcher.secondShare(3, costs: [0, 0, 0]).count == 1)
        let query = SearchQuery("mental health \"sleep habits\" tra* coach")
        let plan = try searcher.plan(query, fuzzy: false, relaxed: true)
        let oneByOne = try query.required.map { try searcher.part($0, fuzzy: false, variants: true) }
        #expect(plan.required.count == 5)
        #expect(plan.required.map { $0.alternatives.map(\.episodes) } == oneByOne.map { $0.alternatives.map(\.episodes) })
        #expect(plan.required.map { $0.alternatives.map(\.moments) } == oneByOne.map { $0.alternatives.map(\.moments) })
        #expect(try searcher.candidates(plan) == Self.intersection(oneByOne, reader: searcher.reader))
    }

    @Test("candidates (the rarest part's episodes, filtered by galloping through the others) are the intersection of every part's episodes")
    func candidatesAreTheIntersection() throws {
        let searcher = Searcher(reader: try Self.library())
        var nonEmpty = 0
        for text in Self.queries + ["team culture sleep", "people speed tempo rest", "hill OR marathon doubt"] {
            let plan = try searcher.plan(SearchQuery(text), fuzzy: false, relaxed: true)
            let expected = try Self.intersection(plan.required, reader: searcher.reader)
            #expect(try searcher.candidates(plan) == expected, "\(text)")
            // Found by halves of the episodes, as two threads do, they are the same.
            let episodes = UInt32(searcher.reader.episodeCount)
            for cut in [0, 1, episodes / 3, episodes / 2, episodes - 1, episodes] {
                let halves = try searcher.candidates(plan, in: 0..<cut) + searcher.candidates(plan, in: cut..<episodes)
                #expect(halves == expected, "\(text), cut at \(cut)")
            }
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty >= 10)
    }

    /// The episodes every part touches, ascending, computed the plain way.
    static func intersection(_ parts: [QueryPart], reader: IndexReader) throws -> [UInt32] {
        let touched = try parts.map { Set(try $0.touchedEpisodes(reader: reader)) }
        return touched.dropFirst().reduce(touched.first ?? []) { $0.intersection($1) }.sorted()
    }

    @Test("every match's score equals the one --explain computes apart, moments matched only by context included")
    func scoresAgreeWithExplanation() throws {
        let searcher = Searcher(reader: try Self.library())
        var contextOnly = 0
        for text in Self.queries {
            let plan = try searcher.plan(SearchQuery(text), fuzzy: false, relaxed: true)
            var sink = RankingSink(groups: EpisodeGroups(limit: 100_000, perEpisode: 0),
                                   dates: try EpisodeDates(reader: searcher.reader, range: DateRange(), order: .relevance))
            try searcher.forEachMatch(plan, kinds: [], scoring: true, into: &sink)
            for hit in sink.groups.ranked() {
                let explanation = try searcher.explain(hit.moment, plan: plan)
                #expect(abs(explanation.score - hit.score) <= 1e-9 * max(1, hit.score), "\(text): moment \(hit.moment)")
                if explanation.discount < 1 { contextOnly += 1 }
            }
        }
        #expect(contextOnly > 1000, "many moments match only through their episode's context (\(contextOnly))")
    }
}
