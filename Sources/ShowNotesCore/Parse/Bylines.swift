/// Lines that are metadata or page furniture rather than prose: navigation and
/// subscribe boilerplate, sponsor lines, `Guest: NAME` / `With NAME` bylines,
/// `PODCAST — Episode N — DATE` lines, and `Name – @handle` credits.
enum Bylines {
    /// What a byline line states.
    struct Facts {
        var people: [Person] = []
        var podcast: String?
        var number: Int?
        var date: String?
    }

    /// "Back", "Subscribe | Apple | Spotify | Google", "Share this episode", "Sponsored by …".
    static func isBoilerplate(_ text: String) -> Bool {
        guard text.byteCount <= 160 else { return false }
        let line = LineFacts(text, prefixes: boilerplatePrefixes)
        let hasBars = line.hasBars
        let prefixed = line.hasPrefix
        guard text.byteCount <= 40 || hasBars || prefixed else { return false }
        // Below, only these lines can come out `true` (see `Bylines+Prefilters.swift`).
        guard prefixed || mayBeListedBoilerplate(line) || (hasBars && mayNamePlatforms(text, line)) else { return false }
        let lower = text.lowercasedFast()
        if boilerplate.contains(lower) || isBreadcrumb(lower) { return true }
        guard hasBars || prefixed else { return false }
        let words = lower.letterWords()
        if hasBars {
            // `Apple | Spotify | Overcast`: mostly platform names, not a title that names two.
            let platforms = words.filter { platformWords.contains(String($0)) }.count
            if platforms >= 2, platforms * 2 >= words.count { return true }
        }
        if words.count <= 12, ["listen on", "follow us on", "share this", "download on"].contains(where: { lower.hasPrefix($0) }) {
            return true
        }
        // `Subscribe`, `Subscribe to the show`, `Subscribe on Spotify`; not a title `Subscribe Law Cases…`.
        if words.count <= 12, words.first == "subscribe", words.count == 1 || subscribeFollowers.contains(String(words[1])) {
            return true
        }
        return ["sponsored by", "this episode is brought to you by", "this episode is sponsored by", "brought to you by"]
            .contains(where: { lower.hasPrefix($0) })
    }

    /// `home / podcast / episodes`, `home › shows`: a site's breadcrumb trail (lower-cased).
    private static func isBreadcrumb(_ lower: String) -> Bool {
        guard lower.hasPrefix("home") else { return false }
        let rest = lower.dropFirst(4).drop(while: { $0 == " " })
        return ["/", ">", "›", "»", "\\"].contains { rest.hasPrefix($0) }
    }

    /// Words that follow "subscribe" in a call to subscribe.
    private static let subscribeFollowers: Set<String> = [
        "to", "on", "now", "here", "today", "for", "in", "via", "and", "wherever", "at", "with", "free", "apple", "spotify",
    ]

    private static let boilerplatePrefixes = ASCIIWords(["home", "subscribe", "listen on", "follow us", "share this", "download on", "sponsored", "this episode is", "brought to"])

    /// Reads a byline, or returns `nil` when the line is not one.
    static func facts(in text: String) -> Facts? {
        guard text.byteCount <= 160 else { return nil }
        if let people = labelledPeople(text) { return Facts(people: people) }
        return episodeLine(text)
    }

    /// `Guest: Ann Lee`, `Guests: A, B and C`, `Host: …`, `With Ann Lee`, `Featuring Ann Lee`.
    private static func labelledPeople(_ text: String) -> [Person]? {
        guard text.hasPrefix(oneOf: labelStarts) else { return nil }
        let lower = text.lowercasedFast()
        for (label, role) in labels where lower.hasPrefix(label) {
            let names = splitNames(text.dropFirst(label.count))
            guard !names.isEmpty, names.allSatisfy(isPersonName) else { return nil }
            return names.map { Person(name: $0, role: role) }
        }
        return nil
    }

    private static let labelStarts = ASCIIWords(["guest", "special guest", "featuring", "host", "with "])

    private static let labels: [(String, String)] = [
        ("guests:", "guest"), ("guest:", "guest"), ("special guest:", "guest"), ("featuring:", "guest"),
        ("hosts:", "host"), ("host:", "host"), ("hosted by", "host"), ("with ", "guest"), ("featuring ", "guest"),
    ]

    /// `The Long Run — Episode 12 — March 3, 2024` (parts in any order; podcast optional).
    private static func episodeLine(_ text: String) -> Facts? {
        guard mayHoldEpisodeNumber(text) else { return nil }
        let parts = splitParts(text)
        guard (2...3).contains(parts.count) else { return nil }
        var facts = Facts()
        for part in parts {
            if facts.number == nil, let number = episodeNumber(part) {
                facts.number = number
            } else if facts.date == nil, part.utf8.contains(where: \.isASCIIDigit),   // (both readers need digits)
                      let date = DateText.iso8601(fromWords: part) ?? DateText.iso8601(fromISO: part) {
                facts.date = date
            } else if facts.podcast == nil, part.count <= 80 {
                facts.podcast = part
            } else {
                return nil
            }
        }
        return facts.number != nil && (facts.date != nil || parts.count == 2) ? facts : nil
    }

    /// `Joe Klecker – @joe_klecker`, `Jon Rankin – https://… | @handle`: a person credited by handle.
    static func handleCredit(_ text: String) -> String? {
        guard text.byteCount <= 200, text.containsBytes("@") else { return nil }
        for separator in creditSeparators {
            guard let range = text.firstTextRange(of: separator) else { continue }
            let name = String(text[..<range.lowerBound].trimmingWhitespace())
            let rest = text[range.upperBound...]
            guard rest.containsText("@"), isPersonName(name), name.spaceSeparatedWordCount(upTo: 2) >= 2 else { return nil }
            return name
        }
        return nil
    }

    private static let creditSeparators = [" – ", " — ", " - ", ": "]

    /// Two to four capitalised words: a name, not a sentence.
    static func isPersonName(_ text: String) -> Bool {
        if let answer = isASCIIPersonName(text) { return answer }
        let words = text.split(separator: " ")
        guard (1...4).contains(words.count), text.count <= 60 else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.allSatisfy { $0.isLetter || $0 == "'" || $0 == "’" || $0 == "-" || $0 == "." }
        }
    }

    private static func splitNames(_ text: Substring) -> [String] {
        var names: [String] = []
        for piece in text.split(byte: UInt8(ascii: ",")) {
            for part in piece.split(byte: UInt8(ascii: "&")) {
                var rest = Substring(part)
                while let range = rest.firstTextRange(of: " and ") {
                    names.append(String(rest[..<range.lowerBound].trimmingWhitespace()))
                    rest = rest[range.upperBound...]
                }
                names.append(String(rest.trimmingWhitespace()))
            }
        }
        return names.map { $0.hasPrefix("and ") ? String($0.dropFirst(4)) : $0 }.filter { !$0.isEmpty }
    }

    private static func splitParts(_ text: String) -> [String] {
        for separator in partSeparators {
            let parts = text.split(bytes: separator)
            if parts.count > 1 { return parts.map { String($0.trimmingWhitespace()) }.filter { !$0.isEmpty } }
        }
        return []
    }

    private static func episodeNumber(_ part: String) -> Int? {
        // Each prefix starts with `e`, `#` or `n`; nothing else lower-cases to those.
        guard let first = part.utf8.first?.asciiLowercased,
              first == UInt8(ascii: "e") || first == UInt8(ascii: "#") || first == UInt8(ascii: "n") else { return nil }
        let lower = part.lowercasedFast()
        for prefix in episodePrefixes where lower.hasPrefix(prefix) {
            if let number = Int(lower.dropFirst(prefix.count).trimmingWhitespace()) { return number }
        }
        return nil
    }

    private static let partSeparators: [StaticString] = [" — ", " – ", " | ", " · ", " - "]

    private static let episodePrefixes = ["episode ", "ep. ", "ep ", "#", "episode #", "no. "]

    private static let boilerplate: Set<String> = [
        "back", "back back", "back to blog", "back to episodes", "back to all episodes", "back to podcast",
        "share", "share this episode", "subscribe", "listen now", "skip to content", "menu", "home", "play",
        "download", "tweet", "embed", "copy link", "share on twitter", "share on facebook", "listen", "more episodes",
    ]

    static let platformWords: Set<String> = [
        "apple", "spotify", "google", "youtube", "overcast", "pocket", "stitcher", "rss", "amazon", "castbox",
        "iheart", "iheartradio", "deezer", "tunein", "castro", "podbean", "audible", "soundcloud",
    ]
}
