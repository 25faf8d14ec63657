/// Turns a notes document (text, Markdown or HTML) into an `Episode`: title, summary,
/// takeaways, chapters, links and people, read the way a person reads show notes.
///
/// The parser never throws: whatever it cannot use it leaves out, and what a user
/// should know about is returned as `Diagnostic`s naming file and line.
public enum NotesParser {
    /// The formats show notes are written in.
    public enum Format: String, Sendable {
        case text
        case markdown
        case html
    }

    /// What was read, and what was noticed on the way.
    public struct Result: Sendable {
        public var episode: Episode
        public var diagnostics: [Diagnostic]
    }

    /// Parses `text` in `format`; `source` names the file in the episode and in diagnostics,
    /// `podcast` is the fallback podcast name (the parent folder's), `duration` bounds chapter starts.
    public static func parse(_ text: String, format: Format, source: String, podcast: String? = nil,
                             duration: Double? = nil) -> Result {
        var diagnostics: [Diagnostic] = []
        let document: NotesDocument
        switch format {
        case .text:
            document = PlainTextReader.read(text)
        case .markdown:
            let (read, problems) = MarkdownReader.read(text)
            document = read
            for (line, message) in problems.sorted(by: { $0.key < $1.key }) { diagnostics.append(.warning(source, line, message)) }
        case .html:
            document = HTMLReader.read(text, file: source)
            for problem in document.problems { diagnostics.append(.warning(source, problem.line, problem.message)) }
        }
        var reader = NotesReading(document: document, source: source, duration: duration ?? document.frontMatter.duration)
        var episode = reader.episode(podcastFallback: podcast)
        episode.source = source
        diagnostics += reader.diagnostics
        return Result(episode: episode, diagnostics: diagnostics)
    }

    /// Parses the HTML show notes of a feed item, whose lines start at `firstLine` of `source`.
    static func parseFeedHTML(_ html: String, source: String, firstLine: Int, duration: Double?) -> (Episode, [Diagnostic]) {
        let document = HTMLReader.read(html, file: source, firstLine: firstLine)
        var reader = NotesReading(document: document, source: source, duration: duration)
        let episode = reader.episode(podcastFallback: nil)
        return (episode, document.problems.map { .warning(source, $0.line, $0.message) } + reader.diagnostics)
    }

    /// Parses the plain-text show notes of a feed item.
    static func parseFeedText(_ text: String, source: String, firstLine: Int, duration: Double?) -> (Episode, [Diagnostic]) {
        var document = PlainTextReader.read(text)
        for index in document.lines.indices { document.lines[index].number += firstLine - 1 }
        var reader = NotesReading(document: document, source: source, duration: duration)
        return (reader.episode(podcastFallback: nil), reader.diagnostics)
    }
}

/// One pass over a `NotesDocument`: classifies each line, then gathers each part of the episode.
struct NotesReading {
    enum Role {
        case blank
        case heading(HeadingKind)
        case chapter
        case boilerplate
        case byline
        case title
        case text
    }

    var lines: [NoteLine]
    let document: NotesDocument
    let source: String
    let duration: Double?
    var roles: [Role] = []
    /// Each line read as a chapter line, when it is one (decided in `classify`).
    var chapterShapes: [ChapterLine?] = []
    /// The kind of the heading each line stands under (`nil` before the first heading).
    var sectionOf: [HeadingKind?] = []
    var diagnostics: [Diagnostic] = []
    var facts = Bylines.Facts()

    init(document: NotesDocument, source: String, duration: Double?) {
        self.document = document
        self.source = source
        self.duration = duration
        self.lines = Self.splittingRunInHeadings(document.lines)
    }

    mutating func episode(podcastFallback: String?) -> Episode {
        classify()
        let chapters = findChapters()
        let title = findTitle()
        var episode = Episode(source: source)
        episode.kind = document.isPage ? .page : .episode
        episode.title = title
        episode.chapters = chapters
        episode.takeaways = document.isPage ? [] : takeaways()
        episode.summary = summary()
        if document.isPage { episode.sections = pageSections() }
        episode.links = uniqueLinks()
        let matter = document.frontMatter
        episode.podcast = matter.podcast ?? facts.podcast ?? podcastFallback
        episode.people = people(summary: episode.summary, podcast: episode.podcast)
        episode.published = matter.date ?? facts.date
        episode.number = matter.number ?? facts.number
        episode.audio = matter.audio
        episode.duration = matter.duration
        episode.link = matter.link
        episode.guid = matter.guid
        return episode
    }

    /// `Episode Summary Olympian …` becomes a heading line and a text line.
    private static func splittingRunInHeadings(_ lines: [NoteLine]) -> [NoteLine] {
        // Most documents have none: keep their lines without copying them.
        guard let first = lines.firstIndex(where: { runInParts($0) != nil }) else { return lines }
        var result = Array(lines[..<first])
        result.reserveCapacity(lines.count + 1)
        for line in lines[first...] {
            if let (heading, text) = runInParts(line) {
                result.append(heading)
                result.append(text)
            } else {
                result.append(line)
            }
        }
        return result
    }

    /// A line opening with a run-in heading, as a heading line and a text line.
    private static func runInParts(_ line: NoteLine) -> (NoteLine, NoteLine)? {
        guard line.headingLevel == nil, line.text.byteCount > 20, let (_, body) = Headings.runIn(line.text),
              Headings.known(line.text) == nil else { return nil }
        var heading = line
        heading.text = String(line.text[..<body.startIndex]).trimmingWhitespace().description
        heading.headingLevel = 0
        var text = line
        text.text = String(body)
        return (heading, text)
    }

    // MARK: Classification

    private mutating func classify() {
        roles = []
        sectionOf = []
        roles.reserveCapacity(lines.count)
        chapterShapes = []
        chapterShapes.reserveCapacity(lines.count)
        var section: HeadingKind? = nil
        for line in lines {
            let role: Role
            let shape = line.isBlank ? nil : ChapterLine.recognise(line.text)
            chapterShapes.append(shape)
            if line.isBlank {
                role = .blank
            } else if shape != nil {
                role = .text   // a chapter line (`12:34 Title`, `### 12:34 — Title`), decided later
            } else if let kind = Headings.kind(of: line) {
                role = .heading(kind)
                section = kind
            } else if Bylines.isBoilerplate(line.text) {
                role = .boilerplate
            } else if let found = Bylines.facts(in: line.text) {
                role = .byline
                facts.people += found.people
                facts.podcast = facts.podcast ?? found.podcast
                facts.number = facts.number ?? found.number
                facts.date = facts.date ?? found.date
            } else {
                role = .text
            }
            roles.append(role)
            sectionOf.append(section)
        }
    }

    // MARK: Chapters

    private mutating func findChapters() -> [Chapter] {
        var candidates: [ChapterList.Candidate] = []
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard case .text = roles[index], sectionOf[index] != .transcript,
                  var found = chapterShapes[index] else { continue }
            var titleIndex: Int? = nil
            if found.form == .bare {
                // `(00:45)` alone: the title is the next non-blank line.
                var next = index + 1
                while next < lines.count, lines[next].isBlank { next += 1 }
                guard next < lines.count, case .text = roles[next], chapterShapes[next] == nil else { continue }
                found.title = lines[next].text
                titleIndex = next
            }
            candidates.append(.init(line: found, lineIndex: index, lineNumber: lines[index].number, titleLineIndex: titleIndex))
            if let titleIndex { index = titleIndex }
        }
        let list = ChapterList(candidates: candidates, file: source, duration: duration)
        diagnostics += list.warnings
        for used in list.usedLines { roles[used] = .chapter }
        return list.chapters
    }

    // MARK: Title

    private mutating func findTitle() -> String? {
        if let title = document.frontMatter.title { return title }
        if let title = document.documentTitle { return title }
        if document.isPage, let first = lines.firstIndex(where: { $0.headingLevel == 1 }) {
            roles[first] = .title
            return lines[first].text
        }
        if let first = lines.firstIndex(where: { $0.headingLevel == 1 }) { return lines[first].text }
        for index in lines.indices {
            switch roles[index] {
            case .blank, .boilerplate, .byline: continue
            case .text:
                let text = lines[index].text
                var next = index + 1
                while next < lines.count, lines[next].isBlank { next += 1 }
                // A byline (`Podcast — Episode 12 — date`) right below vouches for a long title.
                let bylineBelow = next < lines.count && { if case .byline = roles[next] { true } else { false } }()
                guard lines[index].listItemText == nil,
                      Self.looksLikeTitle(text) || (bylineBelow && Self.mayBeLongTitle(text)) else { return nil }
                roles[index] = .title
                // A title repeated on the next non-blank line is the page's furniture.
                if next < lines.count, lines[next].text == text { roles[next] = .title }
                return text
            default: return nil
            }
        }
        return nil
    }

    /// Short, no sentence-ending full stop, no URL (`://`; the word "HTTP" may be in a title):
    /// a title rather than a paragraph.
    static func looksLikeTitle(_ text: String) -> Bool {
        // `count` walks Characters; no more of them than bytes, so short lines skip the walk.
        guard text.byteCount <= 400, text.byteCount <= 160 || text.count <= 160, !text.containsBytes("://") else { return false }
        if text.hasSuffix(".") && !text.hasSuffix("...") { return false }
        return text.spaceSeparatedWordCount(upTo: 21) <= 20
    }

    /// One line of at most 300 bytes with no URL: a title, when a byline stands below it.
    static func mayBeLongTitle(_ text: String) -> Bool {
        text.byteCount <= 300 && !text.containsBytes("://")
    }

    // MARK: Summary and takeaways

    /// Paragraphs of text lines: groups separated by blank lines or by any other role.
    func paragraphs(where include: (Int) -> Bool) -> [(start: Int, text: String)] {
        var result: [(Int, String)] = []
        var current = ""
        var start = 0
        func close() {
            if !current.isEmpty { result.append((start, current)) }
            current = ""
        }
        for index in lines.indices {
            guard case .text = roles[index], include(index) else {
                close()
                continue
            }
            let line = lines[index]
            if current.isEmpty {
                start = index
                current = line.text
            } else {
                current.append(line.listItemText != nil ? "\n" : " ")
                current.append(line.text)
            }
        }
        close()
        return result
    }

    private func summary() -> String {
        let intro = paragraphs { sectionOf[$0] == .summary(intro: true) }.map(\.text)
        let body = paragraphs { sectionOf[$0] == .summary(intro: false) }.map(\.text)
        if !intro.isEmpty || !body.isEmpty { return (intro + body).joined(separator: "\n\n") }
        // Else the first prose paragraph outside takeaways and transcripts.
        let candidates = paragraphs { index in
            let section = sectionOf[index]
            return section != .takeaways && section != .transcript && lines[index].listItemText == nil
        }
        return candidates.first(where: { Self.isProse($0.text) })?.text ?? ""
    }

    static func isProse(_ text: String) -> Bool {
        text.spaceSeparatedWordCount(upTo: 8) >= 8 && !text.hasPrefix("|")
    }

    private func takeaways() -> [String] {
        var result: [String] = []
        var index = 0
        while index < lines.count {
            guard sectionOf[index] == .takeaways, case .heading = roles[index] else {
                index += 1
                continue
            }
            let end = takeawaysEnd(after: index)
            let items = (index + 1..<end).compactMap { line in isText(line) ? lines[line].listItemText.map { (line, $0) } : nil }
            if let top = items.map({ lines[$0.0].indent }).min() {
                result += items.filter { lines[$0.0].indent == top }.map { String($0.1.trimmingWhitespace()) }
            } else {
                result += (index + 1..<end).filter { isText($0) && Self.isShort(lines[$0].text) }.map { lines[$0].text }
            }
            index = end
        }
        return result.filter { !$0.isEmpty }
    }

    /// Where the takeaways section opened by the heading at `heading` ends: at the next heading,
    /// or, once its list has begun, at the first line that is neither an item nor an item's
    /// continuation (a chapter, a byline, a paragraph after a blank line). Notes often follow
    /// the list with chapters and credits but no heading; those are not takeaways.
    private func takeawaysEnd(after heading: Int) -> Int {
        var end = heading + 1
        var listBegun = false
        var afterBlank = false
        scan: while end < lines.count {
            switch roles[end] {
            case .heading: break scan
            case .blank: afterBlank = true
            case .text:
                if lines[end].listItemText != nil {
                    listBegun = true
                } else if listBegun && afterBlank {
                    break scan
                }
                afterBlank = false
            case .chapter, .byline, .title:
                if listBegun { break scan }
            case .boilerplate: break
            }
            end += 1
        }
        return end
    }

    /// Under 300 Characters (a list-less takeaway line); bytes decide for most lines.
    private static func isShort(_ text: String) -> Bool {
        text.byteCount < 300 || text.count < 300
    }

    private func isHeading(_ index: Int) -> Bool {
        if case .heading = roles[index] { return true }
        return false
    }

    private func isText(_ index: Int) -> Bool {
        if case .text = roles[index] { return true }
        return false
    }

    // MARK: Links and people

    private func uniqueLinks() -> [Link] {
        var seen: Set<String> = []
        return document.links.filter { seen.insert($0.url).inserted }
    }

    /// Front matter guests, bylines, and handle credits (`Ann Lee – https://… | @annlee`);
    /// a credit naming the podcast itself (`The Show – https://… | @theshow`) is not a person.
    private func people(summary: String, podcast: String?) -> [Person] {
        // Front matter's guest list is the author's own word: it replaces the guesses from
        // `Guest:` lines and handle credits (a host byline still counts).
        let stated = document.frontMatter.guests
        var found = stated.map { Person(name: $0, role: "guest") }
            + facts.people.filter { stated.isEmpty || $0.role != "guest" }
        for index in lines.indices where isText(index) {
            if let name = Bylines.handleCredit(lines[index].text), name.lowercasedFast() != podcast?.lowercasedFast() {
                found.append(Person(name: name, role: stated.isEmpty && summary.containsText(name) ? "guest" : nil))
            }
        }
        var seen: Set<String> = []
        return found.filter { seen.insert($0.name.lowercasedFast()).inserted }
    }
}
