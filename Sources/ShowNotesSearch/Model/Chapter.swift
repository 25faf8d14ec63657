/// A timestamped moment in an episode: where it starts and what it is called.
///
/// `url`, `img` and `toc` come from explicit chapter files (Podcasting 2.0 JSON,
/// Podlove) and are `nil` for chapters found in show-notes text.
public struct Chapter: Sendable, Equatable, Codable {
    /// Start time in seconds from the beginning of the audio; fractions are kept.
    public var startTime: Double
    public var title: String
    public var url: String?
    public var img: String?
    /// `false` for a silent chapter hidden from the table of contents.
    public var toc: Bool?

    public init(startTime: Double, title: String, url: String? = nil, img: String? = nil, toc: Bool? = nil) {
        self.startTime = startTime
        self.title = title
        self.url = url
        self.img = img
        self.toc = toc
    }
}

/// A hyperlink found in the notes: where it points and the text a reader sees.
public struct Link: Sendable, Equatable, Codable {
    public var text: String
    public var url: String

    public init(text: String, url: String) {
        self.text = text
        self.url = url
    }
}

/// Someone who takes part in an episode, with their role when the notes state it.
public struct Person: Sendable, Equatable, Codable {
    public var name: String
    /// `guest`, `host`, … as stated; `nil` when the notes do not say.
    public var role: String?

    public init(name: String, role: String? = nil) {
        self.name = name
        self.role = role
    }
}

/// A headed part of a wiki-style page (`== Early life ==` and the text under it).
public struct Section: Sendable, Equatable, Codable {
    public var heading: String
    public var text: String

    public init(heading: String, text: String) {
        self.heading = heading
        self.text = text
    }
}
