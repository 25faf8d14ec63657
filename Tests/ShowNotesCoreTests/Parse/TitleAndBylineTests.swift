import ShowNotesCore
import Testing

/// Where the title comes from, and the metadata lines that are not prose (issue 2 §3, §5).
@Suite("Titles, bylines and front matter")
struct TitleAndBylineTests {
    static let titles: [NotesCase] = [
        NotesCase(file: "html-title.html", title: "Locks, Boats and Long Nights", chapters: [],
                  summary: "We spend a night aboard a narrowboat moored beside a flight of locks near Birmingham."),
        NotesCase(file: "title-tag-only.html", title: "Canal Maintenance in Winter", chapters: []),
        NotesCase(file: "markdown-h1.md", title: "Keeping Chickens in the City", chapters: [],
                  summary: "Our neighbour explains why her six hens are quieter than the traffic outside."),
        NotesCase(file: "boilerplate-title.txt", title: "The Secret Life of Night Porters", chapters: [],
                  summary: "Hotel night porters tell us about lost keys, late arrivals and the guests who never sleep."),
        NotesCase(file: "guest-byline.txt", title: "Glassblowing by Furnace Light", chapters: [],
                  summary: "A glassblower shows us why her studio only fires the furnace after dark in summer."),
        NotesCase(file: "with-byline.txt", title: "The Science of Snoring", chapters: [],
                  summary: "A sleep researcher explains what happens in the throat when we snore, and what actually helps."),
        NotesCase(file: "episode-byline.txt", title: "Taxi Drivers Who Only Work Nights", chapters: [],
                  summary: "Three drivers compare the strangest fares they have picked up between midnight and dawn."),
        NotesCase(file: "front-matter.md", title: "Owls, Moths and Other Night Creatures", chapters: [
            "0:00 Into the woods", "10:05 Listening for tawny owls", "31:40 Moth traps and what they catch",
        ], summary: "We spend a night in the woods with two ecologists who count owls for a living."),
    ]

    @Test("the title comes from front matter, <h1>/<title>, a # heading or the first meaningful line", arguments: titles)
    func title(_ fixture: NotesCase) throws {
        try fixture.check()
    }

    @Test("navigation, subscribe, share and sponsor lines are never the title",
          arguments: ["Back", "Back Back", "Back to Blog", "Subscribe | Apple | Spotify | Google", "Listen on Apple Podcasts",
                      "Share this episode", "Share on Twitter", "Sponsored by Acme Mattresses",
                      "This episode is brought to you by Acme Mattresses", "Apple Podcasts • Spotify • Overcast",
                      "Home / Podcast / Episodes", "Home › Shows › Harbour Hours", "HOME > EPISODES"])
    func boilerplateSkipped(_ line: String) {
        let text = "\(line)\n\nThe Real Title Here\n\nThe real title is here, and this paragraph is the prose that follows it.\n"
        let episode = NotesParser.parse(text, format: .text, source: "b.txt").episode
        #expect(episode.title == "The Real Title Here")
        #expect(!episode.summary.contains(line))
    }

    @Test("front matter states title, podcast, date, audio, duration and guests, over the heuristics")
    func frontMatter() throws {
        let episode = try Fixtures.parse("notes/front-matter.md").episode
        #expect(episode.podcast == "Field Notes After Dark")
        #expect(episode.published == "2024-05-17")
        #expect(episode.audio == "https://example.org/audio/owls.mp3")
        #expect(episode.duration == 2730)
        #expect(episode.people == [Person(name: "Harriet Moss", role: "guest"), Person(name: "Owen Pryce", role: "guest")])
    }

    @Test("front matter guests may be a list, a scalar, items or name: entries",
          arguments: [
              "guests: [Harriet Moss, Owen Pryce]",
              "guests: Harriet Moss, Owen Pryce",
              "guests:\n  - Harriet Moss\n  - \"Owen Pryce\"",
              "guests:\n  - name: Harriet Moss\n    role: ecologist\n  - name: Owen Pryce",
          ])
    func frontMatterGuests(_ yaml: String) {
        let text = "---\ntitle: Owls\n\(yaml)\n---\nWe spend a night in the woods with two ecologists who count owls.\n"
        let episode = NotesParser.parse(text, format: .markdown, source: "owls.md").episode
        #expect(episode.people == [Person(name: "Harriet Moss", role: "guest"), Person(name: "Owen Pryce", role: "guest")])
    }

    @Test("front matter dates become ISO 8601: a date, or a date-time with its offset",
          arguments: [
              ("2024-05-17", "2024-05-17"), ("\"2024-05-17\"", "2024-05-17"),
              ("2024-05-17T21:30:00+02:00", "2024-05-17T21:30:00+02:00"), ("2024-05-17T19:30:00Z", "2024-05-17T19:30:00Z"),
              ("May 17, 2024", "2024-05-17"), ("1499256000000", "2017-07-05T12:00:00Z"),
          ])
    func frontMatterDates(_ value: String, _ expected: String) {
        let episode = NotesParser.parse("---\ndate: \(value)\n---\nText.\n", format: .markdown, source: "d.md").episode
        #expect(episode.published == expected)
    }

    @Test("a front matter value that is not a date or a time is ignored with a warning naming its line")
    func frontMatterProblems() {
        let text = "---\ntitle: Owls\ndate: next Tuesday\nduration: about an hour\n---\nText.\n"
        let result = NotesParser.parse(text, format: .markdown, source: "owls.md")
        #expect(result.episode.published == nil && result.episode.duration == nil)
        #expect(result.diagnostics.map(\.description) == [
            "owls.md:3: warning: front matter date 'next Tuesday' is not a date; ignored",
            "owls.md:4: warning: front matter duration 'about an hour' is not a time; ignored",
        ])
    }

    @Test("a front matter duration bounds the chapters: a start past it is left out with a warning")
    func frontMatterDurationBounds() {
        let text = "---\ntitle: Short\nduration: 600\n---\n00:00 Start\n05:00 Middle\n12:00 Past the end\n"
        let result = NotesParser.parse(text, format: .markdown, source: "short.md")
        #expect(rendered(result.episode.chapters) == ["0:00 Start", "5:00 Middle"])
        #expect(result.diagnostics.map(\.description) == [
            "short.md:7: warning: chapter at 12:00 starts after the episode ends (10:00); left out",
        ])
    }

    @Test("Guest: and Host: lines give people with their roles, not prose")
    func guestByline() throws {
        let episode = try Fixtures.parse("notes/guest-byline.txt").episode
        #expect(episode.people == [Person(name: "Priya Raman", role: "guest"), Person(name: "Sam Ortiz", role: "host")])
    }

    @Test("a With NAME line gives a guest")
    func withByline() throws {
        let episode = try Fixtures.parse("notes/with-byline.txt").episode
        #expect(episode.people == [Person(name: "Lena Vogt", role: "guest")])
    }

    @Test("a PODCAST — Episode N — DATE line gives the podcast name and the date, and is not the title")
    func episodeByline() throws {
        let episode = try Fixtures.parse("notes/episode-byline.txt").episode
        #expect(episode.podcast == "Night Shift Radio")
        #expect(episode.published == "2024-03-03")
        #expect(episode.number == 41)
    }

    @Test("without a byline or front matter, the podcast is the parent folder's name")
    func podcastFromFolder() throws {
        #expect(try Fixtures.parse("notes/summary-heading.txt").episode.podcast == "notes")
    }

    @Test("an HTML <h1> is preferred to a <title> that carries the site's name")
    func h1OverTitle() throws {
        #expect(try Fixtures.parse("notes/html-title.html").episode.title == "Locks, Boats and Long Nights")
    }

    /// The layout of many podcast sites' episode pages, written out as text: a breadcrumb above a
    /// long quoted title, a byline, takeaways followed (with no heading between) by chapters and
    /// credits, and a credit for the show itself.
    @Test("a site page: the breadcrumb is not the title, the long title above a byline is, the show's own credit is no person")
    func sitePageLayout() throws {
        let episode = try Fixtures.parse("notes/site-page-layout.txt").episode
        #expect(episode.title == "#7: Rosa Delgado – “We kept rowing past the harbour lights long after the race had ended, and nobody minded the cold.”")
        #expect(episode.podcast == "Harbour Hours")
        #expect(episode.published == "2023-05-04")
        #expect(episode.people == [Person(name: "Rosa Delgado", role: "guest")])
        #expect(episode.takeaways == [
            "Small clubs survive on routines, not on talent",
            "A shared kettle is a better recruiting tool than a poster",
            "Rowing in the dark teaches trust in the stroke seat",
        ])
        #expect(rendered(episode.chapters) == ["0:00 Welcome back", "4:12 Am I too old to start rowing?", "9:30 Pm shifts and early crews", "15:45 The boathouse kettle"])
    }

    @Test("a title may begin with Subscribe; a call to subscribe is still boilerplate",
          arguments: [("Subscribe Law Cases Rewarded", true), ("Subscribe to the show", false), ("Subscribe on Spotify", false), ("Subscribe", false)])
    func subscribeWord(_ line: String, _ isTitle: Bool) {
        let text = "\(line)\n\nThe Real Title Here\n\nThe prose that follows, long enough to be read as a summary paragraph.\n"
        let episode = NotesParser.parse(text, format: .text, source: "s.txt").episode
        #expect(episode.title == (isTitle ? line : "The Real Title Here"))
    }

    /// Found at 100,000 generated episodes: lines that only look like furniture.
    @Test("a title naming two platforms, a title with the word HTTP, a takeaway naming Amazon and Google are kept")
    func platformWordsInText() {
        let text = """
        Subscribe | Apple | Spotify | Google

        Why YouTube and Google Both Want Your Podcast | Ann Lee

        Key Takeaways:

        • Selling on Amazon taught her more than any Google course, and the margins proved it.
        • Second idea worth keeping
        """
        let episode = NotesParser.parse(text, format: .text, source: "p.txt").episode
        #expect(episode.title == "Why YouTube and Google Both Want Your Podcast | Ann Lee")
        #expect(episode.takeaways == ["Selling on Amazon taught her more than any Google course, and the margins proved it.",
                                      "Second idea worth keeping"])
        let http = NotesParser.parse("Understanding HTTP Caching for Podcast Feeds\n\nProse that follows the title line here.\n",
                                     format: .text, source: "h.txt").episode
        #expect(http.title == "Understanding HTTP Caching for Podcast Feeds")
    }
}
