/// What a heading announces, which decides what the text under it becomes.
enum HeadingKind: Equatable {
    /// An episode summary; `intro` for "Episode Intro"-style headings, placed first.
    case summary(intro: Bool)
    case takeaways
    case transcript
    /// Any other heading (links, resources, sponsors, chapters, page sections…).
    case other
}

/// Recognises headings in show notes: lines the format marks as headings, known
/// section names on a line of their own (optionally with `:` or a leading emoji),
/// and short labels ending in `:` ("Learn More:").
enum Headings {
    /// The kind of heading a line is, or `nil` for ordinary text.
    static func kind(of line: NoteLine) -> HeadingKind? {
        if line.headingLevel != nil { return known(line.text) ?? .other }
        if let kind = known(line.text) { return kind }
        return isShortLabel(line.text) ? .other : nil
    }

    /// `Episode Summary Olympian Joe Klecker…` or `Summary: …`: a heading run into its paragraph.
    /// Returns the heading's kind and the text after it.
    static func runIn(_ text: String) -> (HeadingKind, Substring)? {
        guard let first = text.utf8.first, runInInitials.contains(first), mayRunIn(text) else { return nil }
        if let names = asciiRunInNames(text) {
            // ASCII names on ASCII bytes: each byte is a Character, so the name's bytes are its Characters.
            let utf8 = text.utf8
            for (name, kind) in names {
                let rest = text[utf8.index(utf8.startIndex, offsetBy: name.utf8.count)...]
                if let found = runIn(rest: rest, name: name, kind: kind) { return found }
            }
            return nil
        }
        let lower = text.prefix(20).lowercased()
        for (name, kind) in runInNames where lower.hasPrefix(name) {
            if let found = runIn(rest: text.dropFirst(name.count), name: name, kind: kind) { return found }
        }
        return nil
    }

    /// The heading `name` and what follows it on the line, if that reads as a run-in heading.
    private static func runIn(rest: Substring, name: String, kind: HeadingKind) -> (HeadingKind, Substring)? {
        guard let next = rest.first else { return nil }
        if next == ":" {
            let body = rest.dropFirst().trimmingWhitespace()
            if !body.isEmpty { return (kind, body) }
        } else if next == " ", name.hasPrefix("episode "),
                  let start = rest.trimmingWhitespace().first, start.isUppercase || "\"“‘'".contains(start) {
            let body = rest.trimmingWhitespace()
            if body.spaceSeparatedWordCount(upTo: 3) >= 3 { return (kind, body) }
        }
        return nil
    }

    /// The normalised name of a heading: no leading symbols or emoji, no trailing `:`, lower case.
    static func normalised(_ text: String) -> String {
        var name = Substring(text)
        while let first = name.unicodeScalars.first, !first.properties.isAlphabetic, first.properties.numericType == nil {
            name = Substring(name.unicodeScalars.dropFirst())
        }
        name = name.trimmingWhitespace()
        while let last = name.last, last == ":" || last == "." || last == "!" { name = name.dropLast().trimmingWhitespace() }
        let lower = name.lowercasedFast()
        return lower.containsBytes("’") ? lower.replacing("’", with: "'") : lower
    }

    static func known(_ text: String) -> HeadingKind? {
        guard text.byteCount <= 60 else { return nil }
        var copy = text
        if let kind = copy.withUTF8({ plainKnown($0) }) { return kind }
        return names[normalised(text)]
    }

    /// "Learn More:", "Episode Notes:": at most six words, ending in a colon, no URL.
    private static func isShortLabel(_ text: String) -> Bool {
        guard text.utf8.last == UInt8(ascii: ":") else { return false }
        if let answer = isPlainShortLabel(text) { return answer }
        guard text.hasSuffix(":"), text.byteCount <= 80, let first = text.first, first.isUppercase || !first.isLetter,
              !text.contains("http") else { return false }
        let body = text.dropLast()
        guard !body.contains(":"), !body.contains("."), !body.contains("?") else { return false }
        let words = body.split(separator: " ")
        return !words.isEmpty && words.count <= 6
    }

    static let names: [String: HeadingKind] = {
        var table: [String: HeadingKind] = [:]
        for name in ["episode summary", "summary", "in this episode", "about this episode", "about the episode",
                     "episode description", "description", "episode overview", "overview", "show summary"] {
            table[name] = .summary(intro: false)
        }
        for name in ["episode intro", "intro", "introduction", "episode introduction"] {
            table[name] = .summary(intro: true)
        }
        for name in ["key takeaways", "takeaways", "key points", "what you'll learn", "what you will learn",
                     "highlights", "key learnings", "main takeaways", "episode highlights", "top takeaways",
                     "key insights", "key takeaway"] {
            table[name] = .takeaways
        }
        for name in ["transcript", "full transcript", "episode transcript", "transcription"] {
            table[name] = .transcript
        }
        for name in ["links", "resources", "learn more", "sponsors", "sponsor", "guests", "guest", "about the guest",
                     "credits", "links mentioned", "mentioned in this episode", "show links", "references", "connect",
                     "related episodes", "support the show", "picks", "shameless plugs", "hosts", "show notes",
                     "episode notes", "chapters", "timestamps", "time stamps", "episode chapters", "topics",
                     "episode links", "notes", "resources mentioned", "links and resources", "find us", "follow us"] {
            table[name] = .other
        }
        return table
    }()

    /// The byte length of the longest name in `names`.
    static let longestName = names.keys.map(\.utf8.count).max() ?? 0
    /// The most `'` in a name (a line writes each as `’`, two bytes longer).
    static let mostApostrophes = names.keys.map { $0.utf8.filter { $0 == UInt8(ascii: "'") }.count }.max() ?? 0

    static let runInStarts = ASCIIWords(runInNames.map(\.0))
    private static let runInInitials: [UInt8] = Array("EeSsIiAaKk".utf8)

    static let runInNames: [(String, HeadingKind)] = [
        ("episode summary", .summary(intro: false)), ("episode description", .summary(intro: false)),
        ("episode intro", .summary(intro: true)), ("summary", .summary(intro: false)),
        ("in this episode", .summary(intro: false)), ("about this episode", .summary(intro: false)),
        ("key takeaway", .takeaways),
    ]
}
