/// Picks the field an item's show notes are read from: `content:encoded`, else an HTML
/// `description` (or Atom content), else `itunes:summary`, else a plain `description`
/// (podcastparser's order); but when the preferred field is a one-line teaser and another
/// field says clearly more, the longer one.
enum NotesChoice {
    static func choose(_ notes: [FeedItem.Notes]) -> FeedItem.Notes? {
        guard notes.count > 1 else { return notes.first }
        let ordered = notes.enumerated().sorted { ($0.element.field, $0.offset) < ($1.element.field, $1.offset) }.map(\.element)
        guard let preferred = ordered.first(where: { $0.field != .subtitle }) ?? ordered.first else { return nil }
        let (length, lines) = visibleSize(preferred, enough: (300, 2))
        guard lines <= 1, length < 300 else { return preferred }
        let longest = ordered.map { ($0, visibleSize($0).length) }.max { $0.1 < $1.1 }
        if let longest, longest.1 > length + 40 { return longest.0 }
        return preferred
    }

    /// Visible characters (UTF-8 bytes outside tags, roughly) and lines with text, counted on
    /// bytes; when `enough` is given, counting may stop once either count reaches its value.
    static func visibleSize(_ notes: FeedItem.Notes, enough: (length: Int, lines: Int)? = nil) -> (length: Int, lines: Int) {
        let (enoughLength, enoughLines) = enough ?? (Int.max, Int.max)
        var copy = notes.text
        return copy.withUTF8 { bytes in
            var length = 0, lines = 0, lineHasText = false, inTag = false
            var index = 0
            func endLine() {
                if lineHasText { lines += 1 }
                lineHasText = false
            }
            while index < bytes.count, length < enoughLength, lines < enoughLines {
                let byte = bytes[index]
                if inTag {
                    if byte == UInt8(ascii: ">") { inTag = false }
                } else if notes.isHTML, byte == UInt8(ascii: "<") {
                    inTag = true
                    var name = index + 1
                    if name < bytes.count, bytes[name] == UInt8(ascii: "/") { name += 1 }
                    // Up to 8 letters and digits, lowercased, packed into one number (none is a 0 byte).
                    var word: UInt64 = 0
                    var letters = 0
                    while name < bytes.count, bytes[name].isASCIILetter || bytes[name].isASCIIDigit, letters < 8 {
                        word = word << 8 | UInt64(bytes[name] | 0x20)
                        letters += 1
                        name += 1
                    }
                    if Self.lineTags.contains(word) { endLine() }
                } else if byte == 0x0A, !notes.isHTML {
                    endLine()
                } else if byte > 0x20 {
                    if byte & 0xC0 != 0x80 { length += 1 }
                    lineHasText = true
                }
                index += 1
            }
            endLine()
            return (length, lines)
        }
    }

    /// `br`, `p`, `li`, `div`, `h1`…`h4`, `tr`, packed as `visibleSize` packs a tag's name.
    private static let lineTags: [UInt64] = ["br", "p", "li", "div", "h1", "h2", "h3", "h4", "tr"].map { name in
        name.utf8.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A feed's description is its episode summary even when it is too short for the notes
    /// parser to call it prose: the first one-paragraph description, summary or subtitle.
    static func summaryFallback(_ notes: [FeedItem.Notes]) -> String {
        let order: [FeedItem.Notes.Field] = [.plainDescription, .htmlDescription, .itunesSummary, .atomSummary, .atomContent, .subtitle, .contentEncoded]
        for field in order {
            for candidate in notes where candidate.field == field {
                let text = visibleText(candidate)
                if !text.isEmpty, !text.contains("\n") { return text }
            }
        }
        return ""
    }

    /// The text a reader sees, roughly: tags removed, line-breaking tags as newlines.
    static func visibleText(_ notes: FeedItem.Notes) -> String {
        guard notes.isHTML else { return notes.text.trimmed }
        var output = ""
        var inTag = false
        var tag = ""
        for character in notes.text {
            if inTag {
                if character == ">" {
                    inTag = false
                    let name = tag.lowercased().drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
                    if ["br", "p", "li", "div", "h1", "h2", "h3", "h4", "tr"].contains(String(name)) { output += "\n" }
                } else {
                    tag.append(character)
                }
            } else if character == "<" {
                inTag = true
                tag = ""
            } else {
                output.append(character == "\n" ? " " : character)
            }
        }
        return output.trimmed
    }
}
