/// One unit of show notes as a person reads them: an episode (or a wiki-style page)
/// with its summary, takeaways, timestamped chapters, links and people.
///
/// `Episode` is the value every later stage consumes: the index, the exporters and
/// the CLI's `parse --json` all start here. Times are seconds as `Double` (fractions kept).
public struct Episode: Sendable, Equatable, Codable {
    /// Whether the document is an episode's notes or a wiki-style person/topic page.
    public enum Kind: String, Sendable, Codable {
        case episode
        case page
    }

    public var title: String?
    public var podcast: String?
    /// ISO 8601: a date (`2024-03-01`) or a date-time with offset (`2024-03-01T10:00:00+01:00`).
    public var published: String?
    /// Paragraphs separated by a blank line; `""` when none.
    public var summary: String
    public var takeaways: [String]
    public var chapters: [Chapter]
    public var links: [Link]
    public var people: [Person]
    /// The audio (enclosure) URL, when known.
    public var audio: String?
    /// Length of the audio in seconds, when known.
    public var duration: Double?
    public var guid: String?
    /// The episode's own web page.
    public var link: String?
    public var kind: Kind
    /// Headed sections of a `page`; empty for episodes.
    public var sections: [Section]
    /// The path as given on the command line, joined with the path inside a folder.
    public var source: String
    /// The episode number when the notes state it (`Episode 12`, `itunes:episode`).
    public var number: Int?
    /// What a feed item adds (enclosure type and size, season, chapter and transcript files);
    /// `nil` for notes files. Not part of `parse --json`.
    public var feed: FeedDetails? = nil

    public init(
        title: String? = nil, podcast: String? = nil, published: String? = nil,
        summary: String = "", takeaways: [String] = [], chapters: [Chapter] = [],
        links: [Link] = [], people: [Person] = [], audio: String? = nil,
        duration: Double? = nil, guid: String? = nil, link: String? = nil,
        kind: Kind = .episode, sections: [Section] = [], source: String, number: Int? = nil
    ) {
        self.title = title
        self.podcast = podcast
        self.published = published
        self.summary = summary
        self.takeaways = takeaways
        self.chapters = chapters
        self.links = links
        self.people = people
        self.audio = audio
        self.duration = duration
        self.guid = guid
        self.link = link
        self.kind = kind
        self.sections = sections
        self.source = source
        self.number = number
    }
}
