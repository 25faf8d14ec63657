import ShowNotesCore
import Testing

/// One fixture per way podcasts write chapter lists (issue 2 §4; survey in `shared/research/formats.md`).
@Suite("Chapter styles")
struct ChapterStyleTests {
    static let styles: [NotesCase] = [
        NotesCase(file: "colon-after-time.txt", title: "Building a Bakery at Midnight", chapters: [
            "0:00 Cold open", "2:35 Who works at night?", "9:50 What a night premium really is",
            "17:12 Ovens, timers and the 4 a.m. rush", "31:40 Questions from listeners",
        ]),
        NotesCase(file: "parenthesised.txt", title: "Planting Garlic in Autumn", chapters: [
            "0:00 Welcome back to the allotment", "4:05 Choosing the right bulbs",
            "9:48 Spacing, depth and mulch", "15:30 What can go wrong over winter",
        ]),
        NotesCase(file: "bracketed-hours.txt", title: "The Lighthouse Keepers", chapters: [
            "0:00 Introductions", "3:25 Getting posted to the rock", "18:02 Storms and supply boats",
            "1:04:10 Automation and the last keeper out",
        ]),
        NotesCase(file: "hyphen-separator.txt", title: "Repairing Old Radios", chapters: [
            "0:00 Why valves still glow", "6:12 Finding a dead capacitor", "14:55 Safety first: mains voltage",
            "28:30 The radio that came back",
        ]),
        NotesCase(file: "en-dash.txt", title: "Tides and the Moon", chapters: [
            "0:00 Spring tides and neap tides", "7:40 Reading a tide table", "19:05 The bore on the Severn",
        ]),
        NotesCase(file: "em-dash.txt", title: "Beekeeping After Dark", chapters: [
            "0:00 Why bees stay home at night", "5:30 Moving a hive by torchlight", "12:45 Wax, smoke and patience",
        ]),
        NotesCase(file: "pipe.txt", title: "The Chess Café", chapters: [
            "0:00 Opening: the Sicilian", "11:20 Middlegame plans", "24:05 Endgames with rooks",
        ]),
        NotesCase(file: "middle-dot.txt", title: "Knitting for Beginners", chapters: [
            "0:00 Casting on", "4:18 Knit and purl", "13:50 Fixing a dropped stitch",
        ]),
        NotesCase(file: "no-space-hyphen.txt", title: "Street Food of Lagos", chapters: [
            "0:00 Introduction", "3:45 Suya and the night grill", "12:10 Puff-puff at dawn",
        ]),
        NotesCase(file: "bullets.txt", title: "Night Buses of London", chapters: [
            "0:00 Boarding the N29", "12:34 The driver's view", "27:50 Regulars and strangers",
            "41:05 Last stop: Trafalgar Square",
        ]),
        NotesCase(file: "emoji.txt", title: "Coding Through the Night", chapters: [
            "0:00 Intro", "2:48 Coffee, tea or neither", "10:15 The bug that only appears after midnight",
            "21:30 Shipping at dawn",
        ]),
        NotesCase(file: "numbered.txt", title: "Mountain Rescue Stories", chapters: [
            "0:00 How a call comes in", "8:20 Searching in fog", "19:45 The helicopter crew", "33:10 Going home",
        ]),
        NotesCase(file: "ranges.txt", title: "Bird Song at Dawn", chapters: [
            "0:00 The first blackbird", "5:00 Robins and wrens", "11:30 Why birds sing before sunrise",
            "20:15 Recording tips",
        ]),
        NotesCase(file: "milliseconds.txt", title: "Sound Design for Radio Drama", chapters: [
            "0:00 Opening theme", "2:15.250 Footsteps on gravel", "7:40.500 Doors, many doors",
            "1:02:03.400 The storm scene",
        ]),
        NotesCase(file: "hours-roll-over.txt", title: "The Long Night Shift Roundtable", chapters: [
            "0:00 Introductions around the table", "21:40 Sleep and the body clock", "47:30 Families and night work",
            "59:10 Listener letters", "1:02:03 What we would change", "1:15:44 Goodbyes",
        ]),
        NotesCase(file: "trailing.txt", title: "Learning to Sail", chapters: [
            "0:00 Cold open", "3:12 Knots you actually need", "11:47 Reading the wind", "24:30 Our first capsize",
        ]),
        NotesCase(file: "markdown-links.md", title: "Writing Good Commit Messages", chapters: [
            "0:00 Welcome", "3:12 Why messages matter", "11:48 The fifty-character subject line", "25:05 Squash or not?",
        ]),
        NotesCase(file: "markdown-bold.md", title: "Fermenting Vegetables at Home", chapters: [
            "0:00 Hello and welcome", "4:30 Salt, water and time", "15:15 Kimchi, step by step",
            "29:40 When it smells wrong",
        ]),
        NotesCase(file: "markdown-headings.md", title: "The Night Ferry", chapters: [
            "0:00 Boarding at Harwich", "12:34 The cabins below deck", "31:05 Breakfast in the Hook of Holland",
        ], summary: "We meet the purser, who has worked this crossing for nineteen years."),
        NotesCase(file: "html-list.html", title: "Firefighters on the Night Watch", chapters: [
            "0:00 Roll call", "12:34 The first alarm", "27:18 Cooking for twelve", "45:02 Handing over at dawn",
        ], summary: "Three firefighters describe a typical night at the station."),
        NotesCase(file: "starts-later.txt", title: "Astronomy From a Rooftop", chapters: [
            "2:10 Setting up the telescope", "8:45 Finding Saturn", "19:30 Light pollution and what to do about it",
        ]),
        NotesCase(file: "back-in-time.txt", title: "Cheese Caves of the Jura", chapters: [
            "0:00 Arrival at the caves", "5:00 How the wheels are turned", "9:00 The affineur's day",
        ], warnings: [
            "notes/back-in-time.txt:5: warning: chapter at 3:00 goes back in time (after 5:00); left out",
        ]),
        NotesCase(file: "bare-timestamp.txt", title: "Letters to a Night Owl", chapters: [
            "0:00 Opening thoughts", "0:45 Why some people come alive after dark", "12:20 A letter from a nurse on nights",
        ]),
        NotesCase(file: "html-entities.html", title: "Fish & Chips at Midnight", chapters: [
            "0:00 Batter & beef dripping", "9:15 The “second rush”", "21:40 Salt, vinegar <and> everything else",
        ], summary: "We ask a chip-shop owner about the “second rush” after closing time\u{A0}– and why it’s the best part of the night."),
    ]

    @Test("each chapter style yields exactly its chapters, in order, with the title", arguments: styles)
    func style(_ fixture: NotesCase) throws {
        try fixture.check()
    }

    @Test("fractions of a second are kept, not truncated")
    func fractionsKept() throws {
        let chapters = try Fixtures.parse("notes/milliseconds.txt").episode.chapters
        #expect(chapters.map(\.startTime) == [0, 135.25, 460.5, 3723.4])
    }

    @Test("a list that starts later than 0:00 gets no chapter invented at 0:00")
    func noInventedStart() throws {
        let chapters = try Fixtures.parse("notes/starts-later.txt").episode.chapters
        #expect(chapters.first?.startTime == 130)
    }

    @Test("a Markdown heading chapter's title stops at the heading; the paragraph below is prose")
    func headingChapterParagraph() throws {
        let episode = try Fixtures.parse("notes/markdown-headings.md").episode
        #expect(!episode.chapters.contains { $0.title.contains("purser") })
    }

    @Test("HTML entities are decoded and <a href> links kept with their visible text")
    func htmlLinks() throws {
        let episode = try Fixtures.parse("notes/html-entities.html").episode
        #expect(episode.links == [
            Link(text: "the shop’s website", url: "https://example.org/chippy"),
            Link(text: "a short history", url: "https://example.org/history?a=1&b=2"),
        ])
    }

    /// The same list written in each separator the issue names: the title is the same every time.
    @Test("every separator between time and title is dropped from the title",
          arguments: [":", " :", " -", " –", " —", " |", " ·", "-", " ", "\t"])
    func separators(_ separator: String) {
        let text = "Separators\n\n00:00\(separator) Opening\n03:30\(separator) Middle part\n09:10\(separator) Close\n"
        let episode = NotesParser.parse(text, format: .text, source: "inline.txt").episode
        #expect(rendered(episode.chapters) == ["0:00 Opening", "3:30 Middle part", "9:10 Close"])
    }
}
