/// Cheap checks in front of `Bylines`' Character-level ones, on UTF-8 bytes: necessary
/// conditions (a line failing one cannot be what the full check looks for) and exact
/// answers for ASCII text. Only U+212A (Kelvin sign) lower-cases to an ASCII letter (`k`)
/// from outside ASCII; `İ` gives `i̇`, which keeps a combining dot.
extension Bylines {
    /// What `isBoilerplate` asks of a line's bytes first, found in one pass.
    struct LineFacts {
        var byteCount = 0
        /// A `|`, or a `•` between words (one opening the line is a list marker).
        var hasBars = false
        /// It starts with one of the prefixes given, ignoring case.
        var hasPrefix = false
        var isASCII = true
        /// U+212A (Kelvin sign), which lower-cases to `k`.
        var hasKelvin = false

        init(_ text: String, prefixes: ASCIIWords) {
            var copy = text
            copy.withUTF8 { bytes in
                byteCount = bytes.count
                hasPrefix = prefixes.isPrefix(of: bytes)
                hasBars = bytes.firstIndex(of: UInt8(ascii: "|"), from: 0) != nil
                guard bytes.contains(where: { $0 >= 0x80 }) else { return }
                isASCII = false
                var index = 0
                let start = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) ?? 0
                while let lead = bytes.firstIndex(of: 0xE2, from: index), lead + 2 < bytes.count {
                    let (second, third) = (bytes[lead + 1], bytes[lead + 2])
                    if second == 0x80 && third == 0xA2 && lead != start { hasBars = true }      // •
                    if second == 0x84 && third == 0xAA { hasKelvin = true }    // U+212A
                    index = lead + 1
                }
            }
        }
    }

    /// Whether the line could lower-case to one of `boilerplate` (all ASCII, at most 20 bytes).
    static func mayBeListedBoilerplate(_ line: LineFacts) -> Bool {
        line.byteCount <= 60 && (line.isASCII || line.hasKelvin)
    }

    /// Whether the line could hold two `platformWords`: a word of the lower-cased line that is
    /// one is a run of ASCII letters in the line (see `ASCIIWords.wordRunCount`), unless the
    /// Kelvin sign lower-cased into it.
    static func mayNamePlatforms(_ text: String, _ line: LineFacts) -> Bool {
        if line.hasKelvin { return true }
        var copy = text
        return copy.withUTF8 { platformPatterns.wordRunCount(in: $0, upTo: 2) >= 2 }
    }

    static let platformPatterns = ASCIIWords(Array(platformWords))

    /// A cheap necessary condition for `episodeLine`: a separator of `splitParts`, and a part that
    /// could be an `episodeNumber` (`ep…`, `no…`, `#`), at the start or after a separator and white space.
    static func mayHoldEpisodeNumber(_ text: String) -> Bool {
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
                guard partStart else {
                    // Inside a part: on to the next space, where any separator starts.
                    index = bytes.firstIndex(of: 0x20, from: index + 1) ?? bytes.count
                    continue
                }
                // Parts are trimmed of white space; any non-ASCII byte might be some.
                if !byte.isASCIIWhitespace, byte < 0x80 {
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
    static func partSeparatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
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

    /// `isPersonName` on bytes for ASCII text (there each byte is a Character); `nil` for other text.
    static func isASCIIPersonName(_ text: String) -> Bool? {
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
}
