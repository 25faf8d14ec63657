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
        let hasBars = text.containsBytes("|") || text.containsBytes("•")
        let prefixed = text.hasPrefix(oneOf: boilerplatePrefixes)
        guard text.byteCount <= 40 || hasBars || prefixed else { return false }
        guard prefixed || mayBeListedBoilerplate(text) || (hasBars && mayNamePlatforms(text)) else { return false }
        let lower = text.lowercasedFast()
        if boilerplate.contains(lower) { return true }
        guard hasBars || prefixed else { return false }
        let words = lower.split(whereSeparator: { !$0.isLetter })
        if hasBars {
            let platforms = words.filter { platformWords.contains(String($0)) }.count
            if platforms >= 2 { return true }
        }
        if words.count <= 12, ["subscribe", "listen on", "follow us on", "share this", "download on"].contains(where: { lower.hasPrefix($0) }) {
            return true
        }
        return ["sponsored by", "this episode is brought to you by", "this episode is sponsored by", "brought to you by"]
            .contains(where: { lower.hasPrefix($0) })
    }

    private static let boilerplatePrefixes = ASCIIWords(["subscribe", "listen on", "follow us", "share this", "download on", "sponsored", "this episode is", "brought to"])

    // Cheap necessary conditions, so that most lines never pay for `lowercased()`. Only U+212A
    // (Kelvin sign) lower-cases to an ASCII letter (`k`) from outside ASCII; `İ` gives `i̇`.

    /// Whether the line could lower-case to one of `boilerplate` (all ASCII, at most 20 bytes).
    private static func mayBeListedBoilerplate(_ text: String) -> Bool {
        text.byteCount <= 60 && (text.isASCII || text.containsBytes("\u{212A}"))
    }

    /// Whether the line could hold two `platformWords`: two occurrences of their letters, ignoring ASCII case.
    private static func mayNamePlatforms(_ text: String) -> Bool {
        if text.containsBytes("\u{212A}") { return true }
        var copy = text
        return copy.withUTF8 { platformPatterns.occurrences(in: $0, upTo: 2) >= 2 }
    }

    private static let platformPatterns = ASCIIWords(Array(platformWords))

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
        let labels: [(String, String)] = [
            ("guests:", "guest"), ("guest:", "guest"), ("special guest:", "guest"), ("featuring:", "guest"),
            ("hosts:", "host"), ("host:", "host"), ("hosted by", "host"), ("with ", "guest"), ("featuring ", "guest"),
        ]
        for (label, role) in labels where lower.hasPrefix(label) {
            let names = splitNames(text.dropFirst(label.count))
            guard !names.isEmpty, names.allSatisfy(isPersonName) else { return nil }
            return names.map { Person(name: $0, role: role) }
        }
        return nil
    }

    private static let labelStarts = ASCIIWords(["guest", "special guest", "featuring", "host", "with "])

    /// `The Long Run — Episode 12 — March 3, 2024` (parts in any order; podcast optional).
    private static func episodeLine(_ text: String) -> Facts? {
        guard mayHoldEpisodeNumber(text) else { return nil }
        let parts = splitParts(text)
        guard (2...3).contains(parts.count) else { return nil }
        var facts = Facts()
        for part in parts {
            if facts.number == nil, let number = episodeNumber(part) {
                facts.number = number
            } else if facts.date == nil, let date = DateText.iso8601(fromWords: part) ?? DateText.iso8601(fromISO: part) {
                facts.date = date
            } else if facts.podcast == nil, part.count <= 80 {
                facts.podcast = part
            } else {
                return nil
            }
        }
        return facts.number != nil && (facts.date != nil || parts.count == 2) ? facts : nil
    }

    /// A cheap necessary condition for `episodeLine`: a separator of `splitParts`, and a part that
    /// could be an `episodeNumber` (`ep…`, `no…`, `#`), at the start or after a separator and white space.
    private static func mayHoldEpisodeNumber(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var sawSeparator = false
            var sawNumberStart = false
            var partStart = true
            var index = 0
            while index < bytes.count {
                if let length = partSeparatorLength(bytes, at: index) {
                    sawSeparator = true
                    partStart = true
                    index += length - 1   // its closing space may open the next separator
                    continue
                }
                let byte = bytes[index]
                // Parts are trimmed of white space; any non-ASCII byte might be some.
                if partStart, !byte.isASCIIWhitespace, byte < 0x80 {
                    partStart = false
                    let next = index + 1 < bytes.count ? bytes[index + 1].asciiLowercased : 0
                    switch byte.asciiLowercased {
                    case UInt8(ascii: "#"): sawNumberStart = true
                    case UInt8(ascii: "e") where next == UInt8(ascii: "p"): sawNumberStart = true
                    case UInt8(ascii: "n") where next == UInt8(ascii: "o"): sawNumberStart = true
                    default: break
                    }
                }
                if sawSeparator && sawNumberStart { return true }
                index += 1
            }
            return false
        }
    }

    /// The length of one of `splitParts`'s separators (` — `, ` – `, ` | `, ` · `, ` - `) at `index`.
    private static func partSeparatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard index + 2 < bytes.count, bytes[index] == 0x20 else { return nil }
        let middle = bytes[index + 1]
        if middle == UInt8(ascii: "|") || middle == UInt8(ascii: "-") { return bytes[index + 2] == 0x20 ? 3 : nil }
        if middle == 0xC2 {   // middle dot
            return index + 3 < bytes.count && bytes[index + 2] == 0xB7 && bytes[index + 3] == 0x20 ? 4 : nil
        }
        guard middle == 0xE2, index + 4 < bytes.count, bytes[index + 2] == 0x80,
              bytes[index + 3] == 0x93 || bytes[index + 3] == 0x94, bytes[index + 4] == 0x20 else { return nil }
        return 5   // en or em dash
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

    /// `isPersonName` on bytes for ASCII text (there each byte is a Character); `nil` for other text.
    private static func isASCIIPersonName(_ text: String) -> Bool? {
        var copy = text
        return copy.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var words = 0
            var wordStart = true
            for byte in bytes {
                if byte == 0x20 {
                    wordStart = true
                    continue
                }
                if wordStart {
                    wordStart = false
                    words += 1
                    guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { return false }
                }
                guard byte.isASCIILetter || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else {
                    return false
                }
            }
            return (1...4).contains(words) && bytes.count <= 60
        }
    }

    private static func splitNames(_ text: Substring) -> [String] {
        var names: [String] = []
        for piece in text.split(separator: ",") {
            for part in piece.split(separator: "&") {
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
        for separator: StaticString in [" — ", " – ", " | ", " · ", " - "] {
            let parts = text.split(bytes: separator)
            if parts.count > 1 { return parts.map { String($0.trimmingWhitespace()) }.filter { !$0.isEmpty } }
        }
        return []
    }

    private static func episodeNumber(_ part: String) -> Int? {
        let lower = part.lowercasedFast()
        for prefix in ["episode ", "ep. ", "ep ", "#", "episode #", "no. "] where lower.hasPrefix(prefix) {
            if let number = Int(lower.dropFirst(prefix.count).trimmingWhitespace()) { return number }
        }
        return nil
    }

    private static let boilerplate: Set<String> = [
        "back", "back back", "back to blog", "back to episodes", "back to all episodes", "back to podcast",
        "share", "share this episode", "subscribe", "listen now", "skip to content", "menu", "home", "play",
        "download", "tweet", "embed", "copy link", "share on twitter", "share on facebook", "listen", "more episodes",
    ]

    private static let platformWords: Set<String> = [
        "apple", "spotify", "google", "youtube", "overcast", "pocket", "stitcher", "rss", "amazon", "castbox",
        "iheart", "iheartradio", "deezer", "tunein", "castro", "podbean", "audible", "soundcloud",
    ]
}
