/// Makes an `Episode` from a `FeedItem`: the item's own fields, the show notes read by the
/// notes parser (HTML or plain), explicit chapters over chapters found in the notes, and
/// a deep link for every chapter.
///
/// Chapters: a JSON chapters file read from the feed's folder wins, then `psc:chapters`,
/// then timestamps in the notes. Deep links (W3C Media Fragments, as Podlove uses them):
/// when the item has an enclosure, a chapter without its own `url` gets the enclosure URL
/// with `#t=SECONDS` (an existing fragment replaced); a chapter's own link (JSON `url`,
/// Podlove `href`) is the publisher's and is kept.
struct FeedEpisode: Sendable {
    let display: String
    let feedFolder: String?
    /// The channel's `podcast:person`s, for items that name none.
    var channelPersons: [Person] = []

    func episode(from item: FeedItem) -> (Episode, [Diagnostic]) {
        var warnings: [Diagnostic] = []
        var duration: Double? = nil
        if let written = item.duration {
            duration = Timestamp.npt(written.text)
            if duration == nil { warnings.append(.warning(display, written.line, "itunes:duration '\(written.text)' is not a time; ignored")) }
        }
        var episode: Episode
        if let notes = NotesChoice.choose(item.notes) {
            let parse = notes.isHTML ? NotesParser.parseFeedHTML : NotesParser.parseFeedText
            let (parsed, problems) = parse(notes.text, display, notes.line, duration)
            episode = parsed
            warnings += problems
        } else {
            episode = Episode(source: display)
        }
        episode.source = display
        episode.kind = .episode
        if episode.summary.isEmpty { episode.summary = NotesChoice.summaryFallback(item.notes) }
        episode.title = item.title ?? episode.title
        episode.guid = item.guid
        episode.link = item.link
        episode.audio = item.enclosure?.url
        episode.duration = duration
        if let number = item.number.flatMap({ Int($0.trimmed) }) { episode.number = number }
        if let date = item.date {
            episode.published = DateText.iso8601(fromRFC822: date.text)
            if episode.published == nil { warnings.append(.warning(display, date.line, "publication date '\(date.text)' cannot be read; left out")) }
        }
        var details = FeedDetails(audioType: item.enclosure?.type.nonEmpty, audioLength: item.enclosure?.length,
                                  season: item.season.flatMap { Int($0.trimmed) }, author: item.author,
                                  transcripts: item.transcripts)
        details.chaptersFrom = episode.chapters.isEmpty ? nil : "notes"
        if let podlove = item.podlove {
            let (chapters, problems) = PodloveChapters.chapters(podlove, file: display)
            warnings += problems
            if !chapters.isEmpty {
                episode.chapters = chapters
                details.chaptersFrom = "psc:chapters"
            }
            if item.extraPodloveLists > 0 {
                warnings.append(.warning(display, item.line, "\(item.extraPodloveLists + 1) psc:chapters lists in one item; only the first is read"))
            }
        }
        if let link = item.chaptersLink {
            let outcome = ChaptersLink.resolve(url: link.url, type: link.type, feedFolder: feedFolder)
            details.chaptersFile = outcome.file
            if let warning = outcome.warning { warnings.append(.warning(display, link.line, warning)) }
            if let chapters = outcome.chapters, !chapters.isEmpty {
                episode.chapters = chapters
                details.chaptersFrom = "podcast:chapters"
            }
        }
        if let audio = episode.audio, episode.chapters.contains(where: { $0.url == nil }) {
            let base = Self.withoutFragment(audio)
            episode.chapters = episode.chapters.map { chapter in
                var linked = chapter
                if linked.url == nil { linked.url = "\(base)#t=\(JSONValue.numberText(chapter.startTime))" }
                return linked
            }
        }
        let persons = item.persons.isEmpty ? channelPersons : item.persons
        let named = Set(persons.map { $0.name.lowercased() })
        episode.people = persons + episode.people.filter { !named.contains($0.name.lowercased()) }
        episode.feed = details
        return (episode, warnings)
    }

    /// `https://x/ep.mp3#t=62.5`.
    static func deepLink(_ audio: String, _ seconds: Double) -> String {
        "\(withoutFragment(audio))#t=\(JSONValue.numberText(seconds))"
    }

    /// The URL up to its first `#`: found on bytes when the URL is ASCII (then every byte is a
    /// Character), else by Characters.
    static func withoutFragment(_ url: String) -> Substring {
        let bytes = url.utf8
        if bytes.allSatisfy({ $0 < 0x80 }) {
            guard let hash = bytes.firstIndex(of: UInt8(ascii: "#")) else { return url[...] }
            return url[..<hash]
        }
        return url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? url[...]
    }
}
