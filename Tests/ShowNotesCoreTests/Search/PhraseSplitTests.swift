import Testing
@testable import ShowNotesSearch

/// A phrase over long lists is matched in two halves of the episodes on two threads
/// (`Searcher.appendPhrases(splitAt:)`); the halves joined must be exactly the single pass.
@Suite("A phrase matched in two halves finds what one pass finds")
struct PhraseSplitTests {
    @Test("every cut of the generated library: the same moments, episodes, counts and ceilings")
    func sameMatches() throws {
        let searcher = Searcher(reader: try EpisodeSkippingTests.library())
        let reader = searcher.reader
        var found = 0
        for phrase in ["team culture", "sleep recovery", "mental health sleep", "hill strength"] {
            let infos = try searcher.analyzer.phraseTerms(phrase).map { term in try #require(try reader.lookup(term)) }
            let momentLists = try infos.map { try reader.momentPostings($0) }
            let episodeLists = try infos.map { try reader.episodePostings($0) }
            for allowed in [[0, 1, 2, 3], [0]] {
                var whole = ClauseMatch()
                try searcher.appendPhrases(momentLists, episodeLists, allowed: allowed, splitAt: nil, to: &whole)
                found += whole.moments.count + whole.episodes.count
                for cut in [UInt32(1), 17, 100, 120, 239] {
                    var halves = ClauseMatch()
                    try searcher.appendPhrases(momentLists, episodeLists, allowed: allowed, splitAt: cut, to: &halves)
                    #expect(halves.moments == whole.moments, "\(phrase) cut at \(cut)")
                    #expect(halves.episodes == whole.episodes, "\(phrase) cut at \(cut)")
                    #expect(halves.momentFrequency.bytes == whole.momentFrequency.bytes, "\(phrase) cut at \(cut)")
                    #expect(halves.episodeFrequency.bytes == whole.episodeFrequency.bytes, "\(phrase) cut at \(cut)")
                    #expect(halves.notesCeiling.bytes == whole.notesCeiling.bytes, "\(phrase) cut at \(cut)")
                }
            }
        }
        #expect(found > 50, "the phrases occur in the library")
    }
}
