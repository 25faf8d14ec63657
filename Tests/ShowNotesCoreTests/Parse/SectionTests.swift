import ShowNotesCore
import Testing

/// Summary and takeaways: which headings announce them and what is under them (issue 2 §5).
@Suite("Sections")
struct SectionTests {
    static let summaries: [NotesCase] = [
        NotesCase(file: "summary-heading.txt", title: "Cold Storage", chapters: [],
                  summary: "A refrigeration engineer explains how supermarkets keep food cold overnight, and why the compressors are loudest at three in the morning."),
        NotesCase(file: "in-this-episode.md", title: "Night Trains of Europe", chapters: [],
                  summary: "We ride the sleeper from Vienna to Hamburg and ask the conductor what changes after midnight.\n\nThe second half is about the dining car and its single, heroic cook."),
        NotesCase(file: "intro-and-summary.txt", title: "Lamplighters of Old Cities", chapters: [],
                  summary: "Before electric light, every street had someone who walked it at dusk with a long pole.\n\nWe visit the last gas lamps of Berlin and talk to the technicians who keep them burning."),
        NotesCase(file: "inline-summary.txt", title: "The Overnight Radio Host", chapters: [
            "0:00 Hello, night owls", "8:30 Who calls in at 4 a.m.", "22:15 Staying awake on air",
        ], summary: "Our guest has hosted a radio show from midnight to six for twenty years, and tells us who is really listening at that hour."),
        NotesCase(file: "in-this-episode-sentence.txt", title: "Fixing Bikes in the Dark", chapters: [], takeaways: [
            "Carry a spare tube and a pump that really works", "Clean the chain before you oil it",
        ], summary: "In this episode we cover: puncture repair by headlamp, chain lube myths, and why night riders need two rear lights."),
    ]

    @Test("the summary is the text under its heading (intro first), or the inline Episode Summary", arguments: summaries)
    func summary(_ fixture: NotesCase) throws {
        try fixture.check()
    }

    @Test("each summary heading name, with a colon or a leading emoji, announces the summary",
          arguments: ["Episode Summary", "Summary:", "In this episode", "In This Episode:", "About this episode",
                      "Episode Intro", "📝 Episode Summary", "ABOUT THIS EPISODE:"])
    func summaryHeading(_ heading: String) {
        let text = """
        Heading Names

        A short teaser line that is not the summary at all.

        \(heading)

        The summary paragraph, long enough to be prose by any measure.

        Links:
        - A link line: https://example.org
        """
        for format in [NotesParser.Format.text, .markdown] {
            let episode = NotesParser.parse(text, format: format, source: "inline").episode
            #expect(episode.summary == "The summary paragraph, long enough to be prose by any measure.", "\(format)")
        }
    }

    static let takeaways: [NotesCase] = [
        NotesCase(file: "takeaways-nested.txt", title: "Sleep Science for Shift Workers", chapters: [], takeaways: [
            "Anchor sleep is the part of sleep you keep at the same time every day",
            "Light in the morning tells your body the night is over",
            "Caffeine lasts longer than you think",
        ]),
        NotesCase(file: "takeaways-numbered.md", title: "Baking Sourdough on a Budget", chapters: [], takeaways: [
            "A starter needs flour, water and patience, not equipment",
            "Long, cold proofs give more flavour",
            "A cast-iron pot works as well as a steam oven",
        ]),
        NotesCase(file: "key-points.html", title: "Night Photography Basics", chapters: [], takeaways: [
            "Use a tripod and a two-second timer",
            "Focus manually on a bright star",
            "Keep the exposure under twenty seconds to avoid star trails",
        ], summary: "A landscape photographer explains how to shoot stars without expensive gear."),
        NotesCase(file: "highlights.txt", title: "Winter Swimming Club", chapters: [], takeaways: [
            "Cold water shock passes in about a minute", "Never swim alone",
            "Warm up slowly afterwards, not with a hot shower",
        ]),
        NotesCase(file: "takeaways-plain.txt", title: "How Night Nurses Stay Sharp", chapters: [], takeaways: [
            "Short breaks every two hours beat one long break",
            "Eat a proper meal before the shift, not during it",
            "Handover notes are written for a tired reader",
        ]),
        NotesCase(file: "key-points-heading.txt", title: "Running a Pub Quiz", chapters: [], takeaways: [
            "Write questions that reward guessing", "Keep rounds to ten questions",
        ]),
        NotesCase(file: "links-not-takeaways.txt", title: "The Economics of Late-Night Pizza", chapters: [], takeaways: [
            "Most orders arrive in the hour after the pubs close", "Delivery radius matters more than price",
        ]),
    ]

    @Test("takeaways are the top-level items under a takeaways heading, nothing else", arguments: takeaways)
    func takeaway(_ fixture: NotesCase) throws {
        try fixture.check()
    }

    /// Every heading name × every bullet style, nested sub-bullets included.
    @Test("each takeaways heading name and bullet style gives the same top-level items",
          arguments: ["Key Takeaways", "Takeaways:", "KEY POINTS", "What you'll learn", "What you’ll learn:", "Highlights", "🔑 Key Takeaways"],
          ["•", "-", "*", "–", "1.", "1)"])
    func headingAndBullet(_ heading: String, _ bullet: String) {
        let text = """
        Heading Names

        \(heading)
        \(bullet) First idea worth keeping
          \(bullet) an elaboration, not a takeaway
        \(bullet) Second idea worth keeping

        Links
        \(bullet) Not a takeaway: https://example.org
        """
        for format in [NotesParser.Format.text, .markdown] {
            let episode = NotesParser.parse(text, format: format, source: "inline").episode
            #expect(episode.takeaways == ["First idea worth keeping", "Second idea worth keeping"], "\(format)")
        }
    }

    @Test("lists under Links, Resources and Learn More are not takeaways")
    func otherLists() throws {
        let episode = try Fixtures.parse("notes/links-not-takeaways.txt").episode
        #expect(!episode.takeaways.contains { $0.contains("pizza map") || $0.contains("hydration") || $0.contains("Support") })
        #expect(episode.links.map(\.url) == ["https://example.org/pizza-map", "https://example.org/episodes/41"])
    }

    @Test("a wiki-style page has kind page and its headed sections as units")
    func wikiPage() throws {
        let episode = try Fixtures.parse("notes/wiki-page.txt").episode
        #expect(episode.kind == .page)
        #expect(episode.sections.map(\.heading) == ["Ada Quinlan", "Early life", "Career"])
        #expect(episode.sections.last?.text == "Her record for a single broadcast is 7:04:12 on air, set in 2009.\nIn a 2012 interview she said she wakes at 4:30 pm and goes to bed at 9:15 am.")
    }

    @Test("episodes have no sections")
    func episodesHaveNoSections() throws {
        #expect(try Fixtures.parse("notes/summary-heading.txt").episode.sections.isEmpty)
    }
}
