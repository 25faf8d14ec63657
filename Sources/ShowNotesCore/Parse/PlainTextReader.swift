/// Reads plain-text notes (and wiki-style pages written as text) into a `NotesDocument`.
///
/// A page is recognised by a first line `= Title =`; its `== Section ==` lines become headings.
/// Bare URLs become links whose text is the label before them on the line (`Site: https://…`).
enum PlainTextReader {
    static func read(_ text: String) -> NotesDocument {
        var document = NotesDocument()
        var sawContent = false
        TextLines.forEach(in: text) { trimmed, indent, raw in
            var line = NoteLine(text: trimmed, indent: indent, number: document.lines.count + 1)
            if trimmed.utf8.first == UInt8(ascii: "="), let (level, heading) = wikiHeading(trimmed[...]) {
                if !sawContent && level == 1 { document.isPage = true }
                if document.isPage {
                    line.text = heading
                    line.headingLevel = level
                }
            }
            if !trimmed.isEmpty { sawContent = true }
            if URLScanner.mayHoldURL(raw) { document.links += URLScanner.links(in: line.text) }
            document.lines.append(line)
        }
        return document
    }

    /// `= Title =` (level 1), `== Section ==` (level 2), … with matching runs of `=`.
    static func wikiHeading(_ text: Substring) -> (Int, String)? {
        guard text.utf8.first == UInt8(ascii: "="), text.hasPrefix("=") else { return nil }
        let level = text.prefix(while: { $0 == "=" }).count
        let inner = text.dropFirst(level)
        let closing = inner.reversed().prefix(while: { $0 == "=" }).count
        guard level <= 6, closing >= 1, inner.count > closing else { return nil }
        let heading = inner.dropLast(closing).trimmingWhitespace()
        guard !heading.isEmpty else { return nil }
        return (level, String(heading))
    }
}
