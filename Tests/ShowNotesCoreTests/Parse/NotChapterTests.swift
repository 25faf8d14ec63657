import ShowNotesCore
import Testing

/// Timestamps that are not chapters (issue 2 §4 "Never chapters"): each fixture yields none.
@Suite("Not chapters")
struct NotChapterTests {
    static let negatives: [NotesCase] = [
        NotesCase(file: "prose-timestamps.txt", title: "Tonight's Bake", chapters: []),
        NotesCase(file: "transcript-speakers.txt", title: "The Night Market, Recorded Live", chapters: []),
        NotesCase(file: "transcript-dense.txt", title: "Interview With a Clockmaker", chapters: []),
        NotesCase(file: "transcript-html.html", title: "Night Bakers, Transcript", chapters: []),
        NotesCase(file: "times-of-day.txt", title: "Live Show Night: Schedule", chapters: []),
        NotesCase(file: "race-results.txt", title: "Results From the Club Championships", chapters: []),
        NotesCase(file: "scores-ratios-verses.txt", title: "Sunday Sermon and the Match Report", chapters: []),
        NotesCase(file: "dates-prices.txt", title: "Farmers' Market Report", chapters: []),
        NotesCase(file: "wiki-page.txt", title: "Ada Quinlan", chapters: []),
    ]

    @Test("timestamps in prose, transcripts, clocks, results, scores, ratios, verses, dates and prices are never chapters",
          arguments: negatives)
    func negative(_ fixture: NotesCase) throws {
        try fixture.check()
    }

    @Test("a block under a Transcript heading is left out; the chapter list above it is kept")
    func transcriptHeading() throws {
        try NotesCase(file: "transcript-heading.txt", title: "Night Market Special", chapters: [
            "0:00 Welcome", "6:40 The noodle stall", "19:05 Closing time",
        ]).check()
    }

    @Test("a dense run of timestamped lines seconds apart is read as a transcript, with a note saying so")
    func denseTranscriptNote() throws {
        let diagnostics = try Fixtures.parse("notes/transcript-dense.txt").diagnostics
        #expect(diagnostics.map(\.description) == [
            "notes/transcript-dense.txt:3: note: 13 timestamped lines seconds apart read as a transcript, not chapters",
        ])
    }

    /// Each line twice, so a pair could form a chapter list if a line were accepted.
    @Test("a line that only looks like a chapter is not one, even repeated",
          arguments: [
              "6:30 pm Doors open", "7:15 PM First set", "01:15 CET Stream ends", "18:00 Uhr Abendessen",
              "12:54.99 new club record", "27:07.57 second place", "Final score 3:1", "Shot in 16:9",
              "John 3:16", "Romans 8:28", "2024-03-01 Opening prices", "Tickets are $12.99 each",
              "MAYA (00:12:03): Let's talk", "The talk ends at 21:30", "10:30am Coffee", "3:16/17 Reading",
              "The after-party starts around 23:30", "12:54.9 Track record", "Doors 19:30",
          ])
    func lookalike(_ line: String) {
        for format in [NotesParser.Format.text, .markdown] {
            let text = "Lookalikes\n\n\(line)\n\(line.replacing("1", with: "2"))\n"
            let episode = NotesParser.parse(text, format: format, source: "inline").episode
            #expect(episode.chapters.isEmpty, "\(format): \(rendered(episode.chapters))")
        }
    }

    @Test("speaker turns (a few names taking turns, as in an HTML transcript) are a transcript, with a note")
    func speakerTurns() throws {
        let diagnostics = try Fixtures.parse("notes/transcript-html.html").diagnostics
        #expect(diagnostics.map(\.description) == [
            "notes/transcript-html.html:4: note: 5 timestamped lines repeat a few names, read as a transcript's speaker turns, not chapters",
        ])
    }

    @Test("a chapter list may repeat a title now and then (ad breaks) and is still a chapter list")
    func someRepeatsAllowed() {
        let text = "Ads\n\n00:00 Intro\n08:00 Ad break\n10:00 The first story\n22:00 Ad break\n24:00 The second story\n"
        let episode = NotesParser.parse(text, format: .text, source: "ads.txt").episode
        #expect(rendered(episode.chapters) == ["0:00 Intro", "8:00 Ad break", "10:00 The first story", "22:00 Ad break", "24:00 The second story"])
    }

    @Test("a time past the episode's known duration is left out with a warning")
    func pastDuration() {
        let text = "Short one\n\n00:00 Start\n04:00 Middle\n59:00 Far too late\n"
        let result = NotesParser.parse(text, format: .text, source: "short.txt", duration: 600)
        #expect(rendered(result.episode.chapters) == ["0:00 Start", "4:00 Middle"])
        #expect(result.diagnostics.map(\.description) == [
            "short.txt:5: warning: chapter at 59:00 starts after the episode ends (10:00); left out",
        ])
    }

    @Test("a single chapter-shaped line is not a chapter list")
    func singleLine() {
        let text = "One line\n\n00:00 Welcome to the show\n\nThat is all for today, thanks for listening to us.\n"
        #expect(NotesParser.parse(text, format: .text, source: "one.txt").episode.chapters.isEmpty)
    }

    /// Found at 100,000 generated episodes: a list with several chapters seconds apart has a
    /// median gap like a transcript's, but most of its gaps are minutes.
    @Test("a chapter list with a few quick chapters is not a transcript")
    func quickChaptersAreChapters() {
        let stamps = ["00:00:00", "00:04:09", "00:04:12", "00:04:16", "00:06:11", "00:06:14", "00:06:17", "00:06:27",
                      "00:06:46", "00:11:41", "00:11:58", "00:12:08", "00:15:34", "00:16:20", "00:18:37", "00:20:10"]
        let text = "Quick Chapters\n\n" + stamps.enumerated().map { "\($1) - Part \($0 + 1)\n" }.joined()
        let episode = NotesParser.parse(text, format: .text, source: "q.txt").episode
        #expect(episode.chapters.count == stamps.count)
    }
}
