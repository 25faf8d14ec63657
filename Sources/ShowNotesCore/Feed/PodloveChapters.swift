/// Podlove Simple Chapters (`<psc:chapters>`): Normal Play Time starts (`01:02:03.400`,
/// `7:48`, bare `37`), fractions kept, resorted by time when the feed lists them out of order.
enum PodloveChapters {
    static func chapters(_ written: [FeedItem.PodloveChapter], file: String) -> (chapters: [Chapter], warnings: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        var chapters: [Chapter] = []
        for entry in written {
            guard let start = Timestamp.npt(entry.start) else {
                warnings.append(.warning(file, entry.line, "psc:chapter start '\(entry.start)' is not a Normal Play Time; chapter '\(entry.title)' left out"))
                continue
            }
            chapters.append(Chapter(startTime: start, title: entry.title.trimmed, url: entry.href.nonEmpty, img: entry.image.nonEmpty))
        }
        if !zip(chapters, chapters.dropFirst()).allSatisfy({ $0.startTime <= $1.startTime }) {
            // The spec says clients must be able to resort; a stable sort keeps equal starts in feed order.
            chapters = chapters.enumerated().sorted { ($0.element.startTime, $0.offset) < ($1.element.startTime, $1.offset) }.map(\.element)
        }
        return (chapters, warnings)
    }
}

extension Optional where Wrapped == String {
    /// The trimmed string, or `nil` when it is missing or blank.
    var nonEmpty: String? {
        guard let text = self?.trimmed, !text.isEmpty else { return nil }
        return text
    }
}
