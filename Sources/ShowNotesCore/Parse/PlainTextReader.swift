/// Reads plain-text notes (and wiki-style pages written as text) into a `NotesDocument`.
///
/// A page is recognised by a first line `= Title =`; its `== Section ==` lines become headings.
/// Bare URLs become links whose text is the label before them on the line (`Site: https://…`).
enum PlainTextReader {
    static func read(_ text: String) -> NotesDocument {
        var document = NotesDocument()
        var sawContent = false
        for (offset, raw) in splitLines(text).enumerated() {
            let trimmed = raw.trimmingWhitespace()
            var line = NoteLine(text: String(trimmed), indent: indentation(of: raw), number: offset + 1)
            if let (level, heading) = wikiHeading(trimmed) {
                if !sawContent && level == 1 { document.isPage = true }
                if document.isPage {
                    line.text = heading
                    line.headingLevel = level
                }
            }
            if !trimmed.isEmpty { sawContent = true }
            document.links += URLScanner.links(in: line.text)
            document.lines.append(line)
        }
        return document
    }

    /// `= Title =` (level 1), `== Section ==` (level 2), … with matching runs of `=`.
    static func wikiHeading(_ text: Substring) -> (Int, String)? {
        guard text.hasPrefix("=") else { return nil }
        let level = text.prefix(while: { $0 == "=" }).count
        let inner = text.dropFirst(level)
        let closing = inner.reversed().prefix(while: { $0 == "=" }).count
        guard level <= 6, closing >= 1, inner.count > closing else { return nil }
        let heading = inner.dropLast(closing).trimmingWhitespace()
        guard !heading.isEmpty else { return nil }
        return (level, String(heading))
    }
}

/// Finds `http(s)://` URLs in a line of text and names each by the label before it.
enum URLScanner {
    static func links(in text: String) -> [Link] {
        guard text.containsBytes("http") else { return [] }
        var links: [Link] = []
        var rest = text[...]
        while let offset = String(rest).firstByteOffset(of: "http", from: 0) {
            let range = rest.utf8.index(rest.startIndex, offsetBy: offset)..<rest.utf8.index(rest.startIndex, offsetBy: offset + 4)
            let tail = rest[range.lowerBound...]
            guard tail.hasPrefix("http://") || tail.hasPrefix("https://") else {
                rest = rest[range.upperBound...]
                continue
            }
            var url = tail.prefix(while: { !$0.isWhitespace && $0 != "<" && $0 != ">" && $0 != "\"" })
            while let last = url.last, ".,;:!?)]'”’".contains(last) {
                if last == ")" && url.contains("(") { break }
                url = url.dropLast()
            }
            if url.count > 8 {
                let before = text[text.startIndex..<range.lowerBound]
                let label = linkLabel(before)
                links.append(Link(text: label.isEmpty ? String(url) : label, url: String(url)))
            }
            rest = tail.dropFirst(max(url.count, 4))
        }
        return links
    }

    /// The words before a URL, without separators: `Lets Run Article About OAC: ` → its name.
    private static func linkLabel(_ before: Substring) -> String {
        var label = before
        if let bar = label.lastIndex(of: "|") { label = label[label.index(after: bar)...] }
        let separators: Set<Character> = [":", "-", "–", "—", "|", "·", "(", "[", "•", "*"]
        var trimmed = label.trimmingWhitespace()
        while let last = trimmed.last, separators.contains(last) { trimmed = trimmed.dropLast().trimmingWhitespace() }
        while let first = trimmed.first, separators.contains(first) { trimmed = trimmed.dropFirst().trimmingWhitespace() }
        return String(trimmed)
    }
}
