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
        guard let first = text.utf8.first, "EeSsIiAaKk".utf8.contains(first), mayRunIn(text) else { return nil }
        let lower = text.prefix(20).lowercased()
        for (name, kind) in runInNames where lower.hasPrefix(name) {
            let rest = text.dropFirst(name.count)
            guard let next = rest.first else { continue }
            if next == ":" {
                let body = rest.dropFirst().trimmingWhitespace()
                if !body.isEmpty { return (kind, body) }
            } else if next == " ", name.hasPrefix("episode "),
                      let start = rest.trimmingWhitespace().first, start.isUppercase || "\"“‘'".contains(start) {
                let body = rest.trimmingWhitespace()
                if body.split(separator: " ").count >= 3 { return (kind, body) }
            }
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

    /// A cheap necessary condition for `runIn`: the text could start with one of `runInNames`,
    /// ignoring case. Bytes before the first non-ASCII one (less the last, which may be part of
    /// its Character) are single Characters and must fold to the name's.
    private static func mayRunIn(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            let head = UnsafeBufferPointer(rebasing: bytes.prefix(21))
            guard let firstOther = head.firstIndex(where: { $0 >= 0x80 }) else { return runInStarts.isPrefix(of: head) }
            let known = UnsafeBufferPointer(rebasing: head.prefix(max(firstOther - 1, 0)))
            return runInNames.contains { name, _ in
                zip(known, name.utf8).allSatisfy { $0.asciiLowercased == $1 }
            }
        }
    }

    static func known(_ text: String) -> HeadingKind? {
        guard text.byteCount <= 60 else { return nil }
        if let name = asciiNormalised(text) { return name.utf8.count <= longestName ? names[name] : nil }
        return names[normalised(text)]
    }

    /// `normalised(text)` computed on bytes when all that follows the leading symbols is ASCII
    /// (there `lowercased()` and the Character walks are byte operations); else `nil`.
    private static func asciiNormalised(_ text: String) -> String? {
        var rest = Substring(text).unicodeScalars
        while let first = rest.first, !first.properties.isAlphabetic, first.properties.numericType == nil {
            rest = rest.dropFirst()
        }
        return Substring(rest).utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var end = bytes.count
            func trimEnd() { while end > 0, bytes[end - 1] == 0x20 || (0x09...0x0D).contains(bytes[end - 1]) { end -= 1 } }
            trimEnd()
            while end > 0, bytes[end - 1] == UInt8(ascii: ":") || bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "!") {
                end -= 1
                trimEnd()
            }
            return String(decoding: bytes.prefix(end).map(\.asciiLowercased), as: UTF8.self)
        } ?? nil
    }

    /// "Learn More:", "Episode Notes:": at most six words, ending in a colon, no URL.
    private static func isShortLabel(_ text: String) -> Bool {
        guard text.utf8.last == UInt8(ascii: ":"), text.hasSuffix(":"), text.byteCount <= 80, let first = text.first, first.isUppercase || !first.isLetter,
              !text.contains("http") else { return false }
        let body = text.dropLast()
        guard !body.contains(":"), !body.contains("."), !body.contains("?") else { return false }
        let words = body.split(separator: " ")
        return !words.isEmpty && words.count <= 6
    }

    private static let names: [String: HeadingKind] = {
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
    private static let longestName = names.keys.map(\.utf8.count).max() ?? 0

    private static let runInStarts = ASCIIWords(runInNames.map(\.0))

    private static let runInNames: [(String, HeadingKind)] = [
        ("episode summary", .summary(intro: false)), ("episode description", .summary(intro: false)),
        ("episode intro", .summary(intro: true)), ("summary", .summary(intro: false)),
        ("in this episode", .summary(intro: false)), ("about this episode", .summary(intro: false)),
        ("key takeaway", .takeaways),
    ]
}
