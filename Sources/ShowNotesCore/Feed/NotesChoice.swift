/// Picks the field an item's show notes are read from: `content:encoded`, else an HTML
/// `description` (or Atom content), else `itunes:summary`, else a plain `description`
/// (podcastparser's order); but when the preferred field is a one-line teaser and another
/// field says clearly more, the longer one.
enum NotesChoice {
    static func choose(_ notes: [FeedItem.Notes]) -> FeedItem.Notes? {
        let ordered = notes.enumerated().sorted { ($0.element.field, $0.offset) < ($1.element.field, $1.offset) }.map(\.element)
        guard let preferred = ordered.first(where: { $0.field != .subtitle }) ?? ordered.first else { return nil }
        let visible = visibleText(preferred)
        let isTeaser = !visible.contains("\n") && visible.count < 300
        guard isTeaser else { return preferred }
        let longest = ordered.max { visibleText($0).count < visibleText($1).count }
        if let longest, visibleText(longest).count > visible.count + 40 { return longest }
        return preferred
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
