import ShowNotesCore
import Testing

/// The three real documents ShowNotes was designed from (copied from `shared/seeds/`).
@Suite("Seeds")
struct SeedTests {
    static let seed000 = "seeds/000_ca59e2d5305baa36.txt"
    static let seed001 = "seeds/001_2eff8da3e8fc761c.txt"
    static let seed002 = "seeds/002_34d4776603aabbc7.txt"

    @Test("seed 001: fifteen MM:SS: chapters from 00:00 to 56:01, exactly")
    func seed001Chapters() throws {
        let episode = try Fixtures.parse(Self.seed001).episode
        #expect(rendered(episode.chapters) == [
            "0:00 Introduction and Apology",
            "0:32 Discussion about Recent Race",
            "1:29 Dealing with Injuries and Recovery",
            "9:23 Family Background and Support",
            "14:28 Mental Strength and Competing at the Highest Level",
            "23:05 Competing in a Highly Competitive Field",
            "25:18 The Changing Landscape of Running",
            "30:55 The Importance of Fast Times in Track and Field",
            "35:39 The Power of Storytelling in Track and Field",
            "39:23 The Role of Team Culture in Performance",
            "42:11 Creating a Strong Team Culture",
            "47:14 The Meaning of Making the Olympic Team",
            "51:18 Dream Races and Goals",
            "53:36 Inspiration and Role Models in Running",
            "56:01 Preparing Mentally and Physically for Races",
        ])
    }

    @Test("seed 001: the five Key Takeaways bullets, word for word")
    func seed001Takeaways() throws {
        let episode = try Fixtures.parse(Self.seed001).episode
        #expect(episode.takeaways == [
            "Fast times in track and field indicate a high level of performance and contribute to the sport’s progress.",
            "Storytelling is crucial in generating interest and engagement in track and field, as it allows people to connect with athletes on a deeper level.",
            "A strong team culture can elevate individual performances and create a supportive and motivating environment.",
            "Parents and family members can be significant inspirations in an athlete’s journey.",
            "Mental and physical preparation are essential for optimal performance in races.",
        ])
    }

    @Test("seed 001: no title line, so no title — never the \"Episode Intro\" heading")
    func seed001Title() throws {
        let episode = try Fixtures.parse(Self.seed001).episode
        #expect(episode.title == nil)
        #expect(episode.kind == .episode)
    }

    @Test("seed 001: the summary holds the intro first, then the summary, paragraphs split by a blank line")
    func seed001Summary() throws {
        let summary = try Fixtures.parse(Self.seed001).episode.summary
        #expect(summary.hasPrefix("In this episode, we have an inspiring conversation with professional runner Joe Klecker."))
        #expect(summary.hasSuffix("Throughout the conversation, Joe’s unwavering determination and focus on the upcoming Olympic trials shine through."))
        let paragraphs = summary.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 11)
        #expect(paragraphs[6].hasPrefix("In this episode, Joe Klecker opens up about his recent race"))
        #expect(!summary.contains("Key Takeaways") && !summary.contains("00:00"))
    }

    @Test("seed 001: links keep their labels, and the guest is a person")
    func seed001LinksAndPeople() throws {
        let episode = try Fixtures.parse(Self.seed001).episode
        #expect(episode.links.first == Link(
            text: "Lets Run Article About OAC",
            url: "https://www.letsrun.com/news/2020/08/on-establishes-pro-group-in-boulder-to-be-coached-by-dathan-ritzenhein-joe-klecker-is-groups-first-signing/"))
        #expect(episode.links.contains(Link(text: "The On Athletics Club", url: "https://www.on.com/en-ch/stories/the-on-athletics-club")))
        #expect(episode.people.contains(Person(name: "Joe Klecker", role: "guest")))
    }

    @Test("seed 002: the title is read past the navigation boilerplate and the repeat")
    func seed002Title() throws {
        let episode = try Fixtures.parse(Self.seed002).episode
        #expect(episode.title == "Olympic Distance Runner Joe Klecker on Training and Preparing with Purpose")
    }

    @Test("seed 002: fourteen (M:SS) chapters from 3:25 to 43:47, quotations kept as quotations")
    func seed002Chapters() throws {
        let episode = try Fixtures.parse(Self.seed002).episode
        #expect(rendered(episode.chapters) == [
            "3:25 Continuing an Olympic legacy…",
            "5:43 A couple of tricks that worked for Jon…",
            "7:16 Key advice to make the 10,000-meter team…",
            "11:12 Making all the right decisions in the last portion of the race…",
            "14:31 “I got a lot of confidence in where I ran my 10k PR, the conditions were a bit warm and I knew that I was well in shape to run the standard.”",
            "16:32 The power of a Coach’s belief…",
            "18:37 “You're not just running as hard as you can to hit that pace. You need to be relaxed.”",
            "23:15 A team dynamic and an effective training approach…",
            "25:26 How has Covid impacted training, and what does strength training look like?",
            "31:24 What ancillary activities do you feel are important?",
            "34:42 “I mean, obviously, my whole career has been surrounded by my mom being an Olympian. When I'm at cross country meets in high school, that's kind of what people know, like, ‘Oh, that's Joe, his mom's an Olympian.’”",
            "36:27 A few words about reaching a career goal early…",
            "39:35 Preparing for Tokyo…",
            "43:47 “Every day, your training doesn't need to be perfect. But if you have a purpose every day when you go out, I think that it makes it a lot easier to see improvement, even on easy days.”",
        ])
    }

    @Test("seed 002: no takeaways; the inline Episode Summary is the summary, free of boilerplate")
    func seed002SummaryAndTakeaways() throws {
        let episode = try Fixtures.parse(Self.seed002).episode
        #expect(episode.takeaways.isEmpty)
        #expect(episode.summary.hasPrefix("Olympian Joe Klecker, who competed at the Tokyo Olympics for the U.S. in the 10,000 meters,"))
        #expect(episode.summary.hasSuffix("but then I like to assess what's actually helping me.\""))
        for boilerplate in ["Back", "Subscribe", "Spotify", "Episode Summary", "Episode Notes", "Learn More", "Back to Blog"] {
            #expect(!episode.summary.contains(boilerplate), "summary holds \(boilerplate)")
        }
    }

    @Test("seed 000: a wiki-style page with its sections and not one chapter among the race times")
    func seed000Page() throws {
        let (episode, diagnostics) = try Fixtures.parse(Self.seed000)
        #expect(episode.kind == .page)
        #expect(episode.title == "Joe Klecker")
        #expect(episode.chapters.isEmpty)
        #expect(episode.takeaways.isEmpty)
        let headings = episode.sections.map(\.heading)
        #expect(headings.first == "Joe Klecker")
        #expect(headings.contains("Personal and early life"))
        #expect(headings.contains("Collegiate career › 2015-16"))
        #expect(headings.contains("Professional career › 2023"))
        let career2023 = try #require(episode.sections.first { $0.heading == "Professional career › 2023" })
        #expect(career2023.text.contains("running 12:54.99 at the John Thomas Terrier Classic"))
        #expect(!diagnostics.contains { $0.severity == .warning })
    }
}
