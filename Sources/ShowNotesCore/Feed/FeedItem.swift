/// What the builder gathers for one `<item>` or `<entry>` before it becomes an `Episode`:
/// raw field values with the lines they came from.
struct FeedItem: Sendable {
    /// Show-notes text from one field, with the line its text starts on.
    struct Notes: Sendable {
        enum Field: Int, Comparable {
            // Lower is preferred: podcastparser's order.
            case contentEncoded, htmlDescription, atomContent, itunesSummary, plainDescription, atomSummary, subtitle
            static func < (lhs: Field, rhs: Field) -> Bool { lhs.rawValue < rhs.rawValue }
        }
        var field: Field
        var text: String
        var isHTML: Bool
        var line: Int
    }

    /// An enclosure (or Atom `link rel="enclosure"`, or `media:content`).
    struct Enclosure: Sendable {
        var url: String
        var type: String?
        var length: Int?
    }

    /// A Podlove chapter as written, before times are read.
    struct PodloveChapter: Sendable {
        var start: String
        var title: String
        var href: String?
        var image: String?
        var line: Int
    }

    var line: Int
    var title: String?
    var guid: String?
    var link: String?
    var date: (text: String, line: Int)?
    var enclosure: Enclosure?
    var enclosureFromMedia = false
    var duration: (text: String, line: Int)?
    var number: String?
    var season: String?
    var author: String?
    var notes: [Notes] = []
    var podlove: [PodloveChapter]?
    var extraPodloveLists = 0
    var chaptersLink: (url: String, type: String?, line: Int)?
    var persons: [Person] = []
    var transcripts: [Transcript] = []

    var isEmpty: Bool { title == nil && guid == nil && enclosure == nil && link == nil && notes.isEmpty }
}
