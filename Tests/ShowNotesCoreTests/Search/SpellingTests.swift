import ShowNotesCore
@testable import ShowNotesSearch
import Testing

@Suite("Typos: did you mean, correction when nothing matches, --fuzzy")
struct SpellingTests {
    @Test("culutre finds the team-culture chapters: the unknown word is replaced by culture")
    func typoFindsTarget() throws {
        let searcher = Searcher(reader: try SearchIndex.seeds())
        let result = try searcher.search(SearchRequest(SearchQuery("team culutre"), limit: 5))
        let correction = try #require(result.correction)
        #expect(correction.applied)
        #expect(correction.replacements == [Correction.Replacement(typed: "culutre", suggested: "culture")])
        #expect(correction.text("team culutre") == "team culture")
        #expect(Set(result.hits.prefix(2).compactMap(\.start)) == [2363, 2531])
    }

    @Test("with --exact nothing is replaced: no hits, only the suggestion")
    func exactOnlySuggests() throws {
        let searcher = Searcher(reader: try SearchIndex.seeds())
        let result = try searcher.search(SearchRequest(SearchQuery("culutre"), typos: .exact))
        #expect(result.hits.isEmpty)
        #expect(result.correction?.applied == false)
        #expect(result.correction?.replacements.first?.suggested == "culture")
        #expect(try searcher.count(SearchRequest(SearchQuery("culutre"))) == 0)
    }

    @Test("a correction that would find nothing either is not offered")
    func uselessCorrection() throws {
        let searcher = Searcher(reader: try SearchIndex.seeds())
        for typos in [TypoTolerance.correctWhenEmpty, .exact] {
            let result = try searcher.search(SearchRequest(SearchQuery("culutre zzzzqx"), typos: typos))
            #expect(result.hits.isEmpty)
            #expect(result.correction == nil)
        }
    }

    @Test("--fuzzy matches near words even when the query has hits, below exact matches")
    func fuzzy() throws {
        let searcher = Searcher(reader: try SearchIndex.seeds())
        let typo = try searcher.search(SearchRequest(SearchQuery("culutre"), limit: 3, typos: .fuzzy))
        #expect(typo.correction == nil)
        #expect(!typo.hits.isEmpty)
        // A word the index knows keeps its best hit first: neighbours count less than the word itself.
        let exact = try searcher.search(SearchRequest(SearchQuery("storytelling"), limit: 5, typos: .exact)).hits
        let loose = try searcher.search(SearchRequest(SearchQuery("storytelling"), limit: 5, typos: .fuzzy)).hits
        #expect(loose.first?.title == exact.first?.title)
        #expect(try searcher.count(SearchRequest(SearchQuery("culutre"), typos: .fuzzy)) > 0)
    }

    @Test("names and long words: Kleker → Klecker (one edit), stroytellin → storytelling (two, for 8+ letters)")
    func namesAndLongWords() throws {
        let searcher = Searcher(reader: try SearchIndex.seeds())
        let name = try #require(try searcher.correction(for: SearchQuery("Kleker family")))
        #expect(name.text("Kleker family") == "Klecker family")
        #expect(name.text("") == "Klecker")   // the word came from --person, not the query text
        let long = try #require(try searcher.correction(for: SearchQuery("stroytellin")))
        #expect(long.replacements.first?.suggested == "storytelling")
        // Under four letters nothing is corrected; numbers never are.
        #expect(try searcher.correction(for: SearchQuery("teh")) == nil)
        #expect(try searcher.correction(for: SearchQuery("12:54.98")) == nil)
        // A known word is never "corrected".
        #expect(try searcher.correction(for: SearchQuery("culture")) == nil)
    }

    @Test("among equally near words the most frequent wins")
    func prefersFrequent() throws {
        func episode(_ title: String, _ source: String) -> (Episode, String) {
            (Episode(title: title, podcast: "P", chapters: [Chapter(startTime: 0, title: title)], source: source), source)
        }
        let reader = try SearchIndex.open([episode("sport one", "a"), episode("sport two", "b"), episode("sport three", "c"),
                                           episode("spurt once", "d")])
        let correction = try Searcher(reader: reader).correction(for: SearchQuery("spart"))
        #expect(correction?.replacements.first?.suggested == "sport")
    }

    @Test("the bounded edit distance counts a swap of neighbours as one edit")
    func editDistance() {
        var distance = EditDistance()
        #expect(distance.distance(Array("culutre".utf8), Array("culture".utf8), bound: 2) == 1)
        #expect(distance.distance(Array("kitten".utf8), Array("sitting".utf8), bound: 3) == 3)
        #expect(distance.distance(Array("kitten".utf8), Array("sitting".utf8), bound: 1) == 2)
        #expect(distance.distance(Array("abc".utf8), Array("abc".utf8), bound: 0) == 0)
        // The letter-count filter never turns away a word within the bound.
        distance.prepare(Array("culutre".utf8))
        let swapped = distance.mayBeWithin(Array("culture".utf8), bound: 1)
        let far = distance.mayBeWithin(Array("cabbage".utf8), bound: 2)
        #expect(swapped)
        #expect(!far)
        #expect(EditDistance.allowed(forLength: 3) == 0)
        #expect(EditDistance.allowed(forLength: 4) == 1)
        #expect(EditDistance.allowed(forLength: 8) == 2)
    }

    @Test("the vocabulary holds surface words, not stems, and the same episodes give the same bytes")
    func vocabulary() throws {
        let reader = try SearchIndex.seeds()
        var words: [String] = []
        try Vocabulary(reader).forEachWord(startingWith: Array("cultur".utf8)) { word, _ in
            words.append(String(decoding: word, as: UTF8.self))
            return true
        }
        #expect(words.contains("culture"))
        #expect(!words.contains("cultur"))
        let first = try SearchIndex.seedEpisodes()
        var a = IndexBuilder(), b = IndexBuilder()
        let analyzer = EpisodeAnalyzer()
        for (episode, source) in first { a.add(episode, source: source, analyzer: analyzer) }
        for (episode, source) in first { b.add(episode, source: source, analyzer: analyzer) }
        #expect(a.serialize() == b.serialize())
    }
}

@Suite("Spelling vocabulary")
struct VocabularyTests {
    /// The surface words the analyzer collects while it splits `text`, in order.
    static func surfaceWords(_ text: String) -> [String] {
        let analyzer = Analyzer()
        analyzer.startSurfaceWords()
        _ = analyzer.tokens(text)
        return analyzer.withWords { spelled in analyzer.surface.words.map { String(decoding: spelled[Int($0)], as: UTF8.self) } }
    }

    @Test("surface words are the analyzer's parts made of letters, three bytes or more, each once, in order")
    func surfaceWords() {
        #expect(Self.surfaceWords("Don't stop: tight-knit 10,000-meter 5000m covid19 runners' 'tis U.S. e-mail, don't STOP")
                == ["dont", "stop", "tight", "knit", "meter", "runners", "tis", "mail"])
        #expect(Self.surfaceWords("Joe’s “quoted” café — with…dashes – and • bullets; 90's and a-b-c")
                == ["joes", "quoted", "cafe", "with", "dashes", "and", "bullets"])
        #expect(Self.surfaceWords("(3:25) Continuing an Olympic legacy… Coach’s belief, PRs and 12:54.99")
                == ["continuing", "olympic", "legacy", "coachs", "belief", "prs", "and"])
    }

    @Test("a new episode starts a new set of surface words")
    func surfaceWordsPerEpisode() {
        let analyzer = Analyzer()
        analyzer.startSurfaceWords()
        _ = analyzer.tokens("team culture")
        analyzer.startSurfaceWords()
        _ = analyzer.tokens("culture and sleep")
        let words = analyzer.withWords { spelled in analyzer.surface.words.map { String(decoding: spelled[Int($0)], as: UTF8.self) } }
        #expect(words == ["culture", "and", "sleep"])
    }
}
