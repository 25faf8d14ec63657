@testable import ShowNotesSearch
import Testing

@Suite("Grouping: at most N results per episode, the rest counted")
struct GroupingTests {
    @Test("by default an episode shows its three best moments and counts the others in `more`")
    func threePerEpisode() throws {
        let searcher = Searcher(reader: try SearchIndex.library())
        let hits = try searcher.search(SearchRequest(SearchQuery("hill"), limit: 20)).hits
        let run = hits.filter { $0.source == "run/01.txt" }
        // Seven chapters, the summary and two takeaways match (the episode's title says "hill").
        #expect(run.count == 3)
        #expect(run.allSatisfy { $0.more == 7 })
        #expect(run.map(\.title).allSatisfy { $0.lowercased().contains("hill") })
    }

    @Test("--per-episode 0 lists every match; --per-episode 1 keeps the best")
    func perEpisodeLimits() throws {
        let searcher = Searcher(reader: try SearchIndex.library())
        let all = try searcher.search(SearchRequest(SearchQuery("hill"), limit: 50, perEpisode: 0)).hits
        #expect(all.filter { $0.source == "run/01.txt" }.count == 10)
        #expect(all.allSatisfy { $0.more == 0 })
        let one = try searcher.search(SearchRequest(SearchQuery("hill"), limit: 50, perEpisode: 1)).hits
        let best = one.filter { $0.source == "run/01.txt" }
        #expect(best.count == 1)
        #expect(best.first?.more == 9)
        #expect(best.first?.score == all.filter { $0.source == "run/01.txt" }.map(\.score).max())
    }

    @Test("moments of one episode are listed together, episodes in the order of their best moment")
    func groupedOrder() throws {
        let searcher = Searcher(reader: try SearchIndex.seeds())
        let hits = try searcher.search(SearchRequest(SearchQuery("team"), limit: 10)).hits
        var seen: [Int] = []
        for hit in hits where seen.last != hit.episode {
            #expect(!seen.contains(hit.episode), "episode \(hit.episode) appears in two places")
            seen.append(hit.episode)
        }
        let firsts = seen.compactMap { episode in hits.first { $0.episode == episode }?.score }
        #expect(firsts == firsts.sorted(by: >))
    }

    @Test("the limit counts results, and an episode cut by it counts the cut moments in `more`")
    func limitAndMore() throws {
        let searcher = Searcher(reader: try SearchIndex.library())
        let hits = try searcher.search(SearchRequest(SearchQuery("hill"), limit: 2)).hits
        #expect(hits.count == 2)
        #expect(hits.allSatisfy { $0.source == "run/01.txt" && $0.more == 8 })
    }

    @Test("the per-episode top k keeps each episode's best, earlier moments winning ties")
    func episodeGroupsUnit() {
        var groups = EpisodeGroups(limit: 3, perEpisode: 2)
        for (moment, score) in [(0, 1.0), (1, 3.0), (2, 3.0), (3, 2.0)] { groups.offer(episode: 0, day: 0, moment: moment, score: score) }
        for (moment, score) in [(4, 2.5), (5, 0.5)] { groups.offer(episode: 1, day: 0, moment: moment, score: score) }
        let ranked = groups.ranked()
        #expect(ranked.map(\.moment) == [1, 2, 4])
        #expect(ranked.map(\.episodeMatches) == [4, 4, 2])
    }

    @Test("grouping keeps episodes in the order of their best moment; shown counts per episode")
    func groupingHelpers() {
        #expect(EpisodeGroups.firstRanks([7, 3, 7, 5, 3]) == [0, 1, 0, 3, 1])
        #expect(EpisodeGroups.shownCounts([7, 3, 7, 5, 3]) == [2, 2, 2, 1, 2])
        let ranked = [7, 3, 7, 5, 3].enumerated().map { RankedMoment(moment: $0.offset, score: 0, episode: $0.element) }
        #expect(EpisodeGroups.grouped(ranked).map(\.moment) == [0, 2, 1, 4, 3])
    }

    @Test("the +N more line goes after the last hit of each episode, grouped or not")
    func lastOfEpisode() throws {
        let searcher = Searcher(reader: try SearchIndex.library())
        for perEpisode in [0, 3] {
            let result = try searcher.search(SearchRequest(SearchQuery("hill OR culture"), limit: 8, perEpisode: perEpisode))
            let last = result.lastOfEpisode
            for (index, hit) in result.hits.enumerated() {
                #expect(last[index] == !result.hits[(index + 1)...].contains { $0.episode == hit.episode })
            }
        }
    }

    @Test("with --per-episode 0 the list is the plain ranking, not grouped")
    func plainList() {
        var plain = EpisodeGroups(limit: 10, perEpisode: 0)
        for (episode, score) in [(0, 1.0), (0, 3.0), (1, 2.0)] {
            plain.offer(episode: episode, day: 0, moment: Int(score), score: score)
        }
        #expect(plain.ranked().map(\.moment) == [3, 2, 1])
        var grouped = EpisodeGroups(limit: 10, perEpisode: 3)
        for (episode, score) in [(0, 1.0), (0, 3.0), (1, 2.0)] {
            grouped.offer(episode: episode, day: 0, moment: Int(score), score: score)
        }
        #expect(grouped.ranked().map(\.moment) == [3, 1, 2])
    }

    @Test("a moment that matches only through its episode's notes ranks below one that says it")
    func inheritedBelowOwn() throws {
        let hits = try Searcher(reader: try SearchIndex.library()).search(SearchRequest(SearchQuery("hill"), limit: 20, perEpisode: 0)).hits
        let run = hits.filter { $0.source == "run/01.txt" }
        let inherited = try #require(run.first { $0.title == "Welcome" })
        #expect(run.filter { $0.title.lowercased().contains("hill") }.allSatisfy { $0.score > inherited.score })
    }

    @Test("the issue 4 result still holds: the two team-culture chapters lead, the takeaway is in the top five")
    func teamCultureStillLeads() throws {
        let hits = try Searcher(reader: try SearchIndex.seeds()).search(SearchRequest(SearchQuery("team culture"), limit: 5)).hits
        #expect(Set(hits.prefix(2).compactMap(\.start)) == [2363, 2531])
        #expect(hits.prefix(5).contains { $0.kind == .takeaway && $0.title.hasPrefix("A strong team culture can elevate") })
    }
}
