/// What a feed says about an item beyond the `parse --json` keys: the enclosure's type and
/// size, the season, the author, and the chapter and transcript files it points at.
///
/// Kept on `Episode.feed` (nil for notes files) so the JSON key set of `parse --json` stays
/// exactly the parser issue's; exporters and later stages may read it.
public struct FeedDetails: Sendable, Equatable, Codable {
    /// The enclosure's MIME type (`audio/mpeg`), as stated.
    public var audioType: String?
    /// The enclosure's length in bytes, as stated.
    public var audioLength: Int?
    /// `itunes:season`.
    public var season: Int?
    /// `itunes:author`, `author`, `dc:creator` or Atom `author/name`.
    public var author: String?
    /// `<podcast:chapters>`: where a chapters file is and whether it was read.
    public var chaptersFile: ChaptersFile?
    /// Where the chapters came from: `podcast:chapters`, `psc:chapters` or `notes`.
    public var chaptersFrom: String?
    /// `<podcast:transcript>` elements, in feed order; never fetched.
    public var transcripts: [Transcript]

    public init(audioType: String? = nil, audioLength: Int? = nil, season: Int? = nil, author: String? = nil,
                chaptersFile: ChaptersFile? = nil, chaptersFrom: String? = nil, transcripts: [Transcript] = []) {
        self.audioType = audioType
        self.audioLength = audioLength
        self.season = season
        self.author = author
        self.chaptersFile = chaptersFile
        self.chaptersFrom = chaptersFrom
        self.transcripts = transcripts
    }
}

/// A `<podcast:chapters url=… type=…>` reference and what ShowNotes did with it.
public struct ChaptersFile: Sendable, Equatable, Codable {
    /// What happened to the file: ShowNotes never fetches, and reads only small in-folder JSON files.
    public enum Status: String, Sendable, Codable {
        /// A relative path inside the feed's folder, read.
        case read
        /// A remote URL: recorded, not fetched.
        case remote
        /// A local path that is not allowed (absolute, `file:`, `..`, outside the folder, too big, not JSON): recorded, not read.
        case refused
        /// Allowed, but missing or unreadable.
        case unreadable
    }

    public var url: String
    public var type: String?
    public var status: Status

    public init(url: String, type: String?, status: Status) {
        self.url = url
        self.type = type
        self.status = status
    }
}

/// A `<podcast:transcript>` reference (recorded, never fetched).
public struct Transcript: Sendable, Equatable, Codable {
    public var url: String
    public var type: String?
    public var language: String?
    /// `captions` when the file is closed captions with time codes.
    public var rel: String?

    public init(url: String, type: String? = nil, language: String? = nil, rel: String? = nil) {
        self.url = url
        self.type = type
        self.language = language
        self.rel = rel
    }
}
