import CLibXML2

/// Turns the SAX events of one feed into `FeedItem`s (handed to `onItem` as each item ends),
/// the channel's own fields, and the problems libxml2 reported.
///
/// Text is gathered only for the elements ShowNotes uses, so memory stays per item.
final class FeedBuilder {
    /// Where the current event is in the file (set by the parser while it runs).
    var lineSource: (() -> Int)?
    /// Makes element names (set by the parser while it runs).
    var names: XMLNameCache?
    /// Called with each finished item.
    var onItem: (FeedItem) -> Void = { _ in }

    private(set) var podcastTitle: String?
    private(set) var channelAuthor: String?
    private(set) var channelPersons: [Person] = []
    private(set) var rootName: String?
    private(set) var problems = XMLProblems()
    private(set) var declaredEntities: [String] = []
    private(set) var declaresExternalEntity = false
    private(set) var externalDTD: String?
    private(set) var itemsStarted = 0
    /// An item cut off by the end of the input, kept with what was read.
    private(set) var truncatedItemLine: Int?
    /// Elements whose text passed `maximumTextBytes`: where the first began, and how many.
    private(set) var cutTexts: (firstLine: Int, count: Int)?

    /// Text longer than this in one element is cut there, with a warning: show notes are
    /// kilobytes, and one 200 MB element must not become a 200 MB string to parse.
    static let maximumTextBytes = 4 << 20

    private var path: [(vocabulary: FeedVocabulary, local: String)] = []
    private var item: FeedItem?
    private var itemDepth = 0
    private var capture: Capture?
    private var inPodlove = false

    private var line: Int { lineSource?() ?? 0 }
    private var isAtom: Bool { rootName == "feed" }

    /// A text being gathered for one element, which ends when that element ends.
    private struct Capture {
        enum Target {
            case title, guid, link, date(preferred: Bool), duration, number, season, author
            case notes(FeedItem.Notes.Field?, html: Bool)
            case person(role: String)
            case channelTitle, channelAuthor, channelPerson(role: String)
        }
        var target: Target
        var depth: Int
        var line: Int
        var xhtml = false
        /// Elements were met inside the text.
        var markup = false
        var bytes: [UInt8] = []
        /// The text reached `maximumTextBytes`; the rest is dropped.
        var cut = false
    }

    // MARK: Events

    func start(_ local: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
               attributes: XMLAttributes) {
        start(names?.name(local, prefix, uri) ?? XMLName(local, prefix, uri), attributes: attributes)
    }

    func end(_ local: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
        end(names?.name(local, prefix, uri) ?? XMLName(local, prefix, uri))
    }

    func start(_ name: XMLName, attributes: XMLAttributes) {
        let vocabulary = name.vocabulary
        let local = name.local
        if rootName == nil { rootName = local }
        let parent = path.last
        path.append((vocabulary, local))
        // The capture is changed in place, never through a copy: a copy alive during `keep`
        // would make every tag copy all the text gathered so far (quadratic in the notes).
        if case .notes? = capture?.target {
            // Markup inside notes (Atom xhtml, or HTML a feed forgot to escape) is kept as HTML.
            capture?.markup = true
            keep(Array("<\(local)\(XHTML.attributes(attributes))>".utf8))
            return
        }
        if let open = capture {
            // A title or date has no child elements: `<title>Two<guid>…` ends the title here.
            capture = nil
            finish(open)
        }
        if item == nil, local == "item" || local == "entry", vocabulary == .core || vocabulary == .rdf {
            item = FeedItem(line: line)
            itemDepth = path.count
            itemsStarted += 1
            return
        }
        guard item != nil else { return channelStart(vocabulary, local, parent: parent, attributes: attributes) }
        itemStart(vocabulary, local, parent: parent, attributes: attributes)
    }

    func end(_ name: XMLName) {
        let depth = path.count
        if capture?.depth == depth, let open = capture {
            capture = nil
            finish(open)
        } else if capture?.markup == true {
            keep(Array("</\(name.local)>".utf8))
        }
        if name.vocabulary == .psc, name.local == "chapters" { inPodlove = false }
        if let finished = item, depth == itemDepth {
            item = nil
            onItem(finished)
        }
        if !path.isEmpty { path.removeLast() }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard capture != nil else { return }
        if capture?.xhtml == true {
            keep(Array(XHTML.escape(String(decoding: bytes, as: UTF8.self)).utf8))
        } else {
            keep(bytes)
        }
    }

    /// Adds bytes to the open capture, up to `maximumTextBytes`.
    private func keep(_ bytes: some Collection<UInt8>) {
        guard let count = capture?.bytes.count, capture?.cut == false else { return }
        let room = Self.maximumTextBytes - count
        guard bytes.count > room else {
            capture?.bytes.append(contentsOf: bytes)
            return
        }
        capture?.bytes.append(contentsOf: bytes.prefix(room))
        capture?.cut = true
        cutTexts = (cutTexts?.firstLine ?? capture?.line ?? line, (cutTexts?.count ?? 0) + 1)
    }

    func xmlProblem(message: String, line: Int, fatal: Bool) {
        problems.add(message: message, line: line, fatal: fatal)
    }

    func entityDeclared(_ name: String, external: Bool) {
        declaredEntities.append(name)
        if external { declaresExternalEntity = true }
    }

    func doctype(systemID: String?) {
        if let systemID, !systemID.isEmpty { externalDTD = systemID }
    }

    /// Called after the last chunk: an item still open was cut off.
    func finishDocument() {
        if let open = capture {
            capture = nil
            finish(open)
        }
        if let open = item, !open.isEmpty {
            truncatedItemLine = open.line
            item = nil
            onItem(open)
        }
    }

    // MARK: Channel

    private func channelStart(_ vocabulary: FeedVocabulary, _ local: String, parent: (vocabulary: FeedVocabulary, local: String)?,
                              attributes: XMLAttributes) {
        let parentIsChannel = parent.map { ["channel", "feed", "rss"].contains($0.local) } ?? false
        guard parentIsChannel else { return }
        switch (vocabulary, local) {
        case (.core, "title") where podcastTitle == nil:
            begin(.channelTitle)
        case (.itunes, "author") where channelAuthor == nil:
            begin(.channelAuthor)
        case (.podcast, "person"):
            begin(.channelPerson(role: attributes["role"]?.lowercased() ?? "host"))
        default:
            break
        }
    }

    // MARK: Item

    private func itemStart(_ vocabulary: FeedVocabulary, _ local: String, parent: (vocabulary: FeedVocabulary, local: String)?,
                           attributes: XMLAttributes) {
        let direct = path.count == itemDepth + 1
        switch (vocabulary, local) {
        case (.core, "title") where direct, (.dublinCore, "title") where direct && item?.title == nil:
            begin(.title)
        case (.core, "guid") where direct, (.core, "id") where direct:
            begin(.guid)
        case (.core, "link"):
            if let href = attributes["href"] {
                let rel = attributes["rel"] ?? "alternate"
                if rel == "alternate", item?.link == nil { item?.link = href.trimmed }
                if rel == "enclosure", item?.enclosure == nil, !href.trimmed.isEmpty {
                    item?.enclosure = .init(url: href.trimmed, type: attributes["type"], length: attributes["length"].flatMap { Int($0.trimmed) })
                }
            } else if direct {
                begin(.link)
            }
        case (.core, "pubDate"), (.core, "published"), (.dublinCore, "date"), (.core, "issued"):
            begin(.date(preferred: true))
        case (.core, "updated"), (.core, "modified"):
            begin(.date(preferred: false))
        case (.core, "enclosure"), (.media, "content"):
            if let url = attributes["url"]?.trimmed, !url.isEmpty, item?.enclosure == nil || (local == "enclosure" && item?.enclosureFromMedia == true) {
                item?.enclosure = .init(url: url, type: attributes["type"], length: (attributes["length"] ?? attributes["fileSize"]).flatMap { Int($0.trimmed) })
                item?.enclosureFromMedia = vocabulary == .media
            }
        case (.core, "description") where direct:
            begin(.notes(nil, html: false))
        case (.content, "encoded"):
            begin(.notes(.contentEncoded, html: true))
        case (.itunes, "summary"):
            begin(.notes(.itunesSummary, html: false))
        case (.itunes, "subtitle"):
            begin(.notes(.subtitle, html: false))
        case (.core, "content"), (.core, "summary"):
            guard attributes["src"] == nil else { return }
            let type = attributes["type"]?.lowercased() ?? "text"
            let field: FeedItem.Notes.Field = local == "content" ? .atomContent : .atomSummary
            begin(.notes(field, html: type == "html" || type == "xhtml" || type.hasSuffix("/html")))
            capture?.xhtml = type == "xhtml"
        case (.itunes, "duration"):
            begin(.duration)
        case (.itunes, "episode"):
            begin(.number)
        case (.itunes, "season"):
            begin(.season)
        case (.itunes, "author"), (.dublinCore, "creator"):
            begin(.author)
        case (.core, "author") where !isAtom:
            begin(.author)
        case (.core, "name") where parent?.local == "author":
            begin(.author)
        case (.psc, "chapters"):
            if item?.podlove == nil {
                item?.podlove = []
                inPodlove = true
            } else {
                item?.extraPodloveLists += 1
            }
        case (.psc, "chapter") where inPodlove:
            item?.podlove?.append(.init(start: attributes["start"] ?? "", title: attributes["title"] ?? "",
                                        href: attributes["href"], image: attributes["image"], line: line))
        case (.podcast, "chapters"):
            if item?.chaptersLink == nil, let url = attributes["url"]?.trimmed, !url.isEmpty {
                item?.chaptersLink = (url, attributes["type"], line)
            }
        case (.podcast, "person"):
            begin(.person(role: attributes["role"]?.lowercased() ?? "host"))
        case (.podcast, "transcript"):
            if let url = attributes["url"]?.trimmed, !url.isEmpty {
                item?.transcripts.append(Transcript(url: url, type: attributes["type"], language: attributes["language"], rel: attributes["rel"]))
            }
        default:
            break
        }
    }

    private func begin(_ target: Capture.Target) {
        capture = Capture(target: target, depth: path.count, line: line)
    }

    private func finish(_ capture: Capture) {
        let raw = String(decoding: capture.bytes, as: UTF8.self)
        let text = raw.trimmed
        switch capture.target {
        case .channelTitle: if !text.isEmpty { podcastTitle = text }
        case .channelAuthor: if !text.isEmpty { channelAuthor = text }
        case .channelPerson(let role): if !text.isEmpty { channelPersons.append(Person(name: text, role: role)) }
        case .title: if item?.title == nil, !text.isEmpty { item?.title = text }
        case .guid: if item?.guid == nil, !text.isEmpty { item?.guid = text }
        case .link: if item?.link == nil, !text.isEmpty { item?.link = text }
        case .date(let preferred):
            if !text.isEmpty, item?.date == nil || preferred { item?.date = (text, capture.line) }
        case .duration: if !text.isEmpty { item?.duration = (text, capture.line) }
        case .number: if !text.isEmpty { item?.number = text }
        case .season: if !text.isEmpty { item?.season = text }
        case .author: if item?.author == nil, !text.isEmpty { item?.author = text }
        case .person(let role): if !text.isEmpty { item?.persons.append(Person(name: text, role: role)) }
        case .notes(let field, let html):
            guard !text.isEmpty else { return }
            let isHTML = html || capture.markup || XHTML.looksLikeHTML(text)
            let chosen = field ?? (isHTML ? .htmlDescription : .plainDescription)
            item?.notes.append(.init(field: chosen, text: raw, isHTML: isHTML, line: capture.line))
        }
    }
}

extension String {
    /// Without leading and trailing white space.
    var trimmed: String { String(trimmingWhitespace()) }
}
