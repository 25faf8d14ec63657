/// Character-level operations (`lowercased()`, `contains`, `split(separator: " ").count`)
/// with the exact results of Swift's own, computed on UTF-8 bytes wherever bytes decide
/// the answer and handed to the Character-level original where they might not.
///
/// Facts these rely on, checked over every Unicode scalar on this toolchain:
/// - `lowercased()` maps scalar by scalar (no context such as a final sigma); a scalar
///   without `changesWhenLowercased` maps to itself.
/// - A grapheme boundary always falls between two ASCII scalars other than CR LF, and
///   between an ASCII scalar and any other except a prepended one (before it) or an
///   extending one (after it), which are never ASCII.
/// - The only non-ASCII scalars equal (canonically) to an ASCII character are U+037E
///   (`;`), U+1FEF (`` ` ``) and U+212A (Kelvin sign, `K`).
extension StringProtocol {
    /// `lowercased()`, without its per-scalar table lookups for ASCII and for
    /// characters that have no lower case (`•`, `“`, `…`, emoji).
    func lowercasedFast() -> String {
        var text = String(self)
        return text.withUTF8 { bytes in
            if bytes.allSatisfy({ $0 < 0x80 }) {
                return String(decoding: bytes.lazy.map(\.asciiLowercased), as: UTF8.self)
            }
            var lower: [UInt8] = []
            lower.reserveCapacity(bytes.count + 8)
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    lower.append(lead.asciiLowercased)
                    index += 1
                    continue
                }
                // One scalar of valid UTF-8 (a `String`'s bytes always are).
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                let end = Swift.min(index + length, bytes.count)
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for continuation in bytes[(index + 1)..<end] { value = value << 6 | UInt32(continuation & 0x3F) }
                if let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased {
                    lower += scalar.properties.lowercaseMapping.utf8
                } else {
                    lower += bytes[index..<end]
                }
                index = end
            }
            return String(decoding: lower, as: UTF8.self)
        }
    }
}

extension String {
    /// `contains(needle)` with Character semantics (as `StringProtocol.contains` has).
    func containsText(_ needle: String) -> Bool {
        var haystack = self
        var pattern = needle
        let answer: Bool? = haystack.withUTF8 { text in
            pattern.withUTF8 { word in
                guard !word.isEmpty, word.allSatisfy({ $0 < 0x80 }) else { return nil }
                var sawUnclearMatch = false
                var start = 0
                while start + word.count <= text.count {
                    defer { start += 1 }
                    guard text[start] == word[0] else { continue }
                    var matched = 1
                    while matched < word.count, text[start + matched] == word[matched] { matched += 1 }
                    guard matched == word.count else { continue }
                    let end = start + word.count
                    // ASCII on both sides (and no CR LF across the edge): Character boundaries.
                    let clearStart = start == 0 || (text[start - 1] < 0x80 && !(text[start - 1] == 0x0D && word[0] == 0x0A))
                    let clearEnd = end == text.count || (text[end] < 0x80 && !(word[word.count - 1] == 0x0D && text[end] == 0x0A))
                    if clearStart && clearEnd { return true }
                    sawUnclearMatch = true
                }
                if sawUnclearMatch { return nil }
                // Without a byte match, only the three non-ASCII look-alikes of ASCII could match.
                return Self.hasASCIIEquivalentScalar(text) ? nil : false
            }
        }
        return answer ?? contains(needle)
    }

    /// Whether the bytes hold U+037E, U+1FEF or U+212A (canonically equal to `;`, `` ` ``, `K`).
    private static func hasASCIIEquivalentScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            let lead = bytes[index]
            if lead == 0xCD, bytes[index + 1] == 0xBE { return true }   // U+037E
            if index + 2 < bytes.count,
               (lead == 0xE1 && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xAF)      // U+1FEF
                || (lead == 0xE2 && bytes[index + 1] == 0x84 && bytes[index + 2] == 0xAA) { // U+212A
                return true
            }
            index += 1
        }
        return false
    }

    /// `split(separator: " ").count`, counting no further than `limit`.
    func spaceSeparatedWordCount(upTo limit: Int) -> Int {
        var copy = self
        let counted: Int? = copy.withUTF8 { bytes in
            var words = 0
            var inWord = false
            for (index, byte) in bytes.enumerated() {
                guard byte == 0x20 else {
                    if !inWord {
                        inWord = true
                        words += 1
                        if words >= limit { return limit }
                    }
                    continue
                }
                // A space is its own Character unless a non-ASCII neighbour may join it.
                if index > 0, bytes[index - 1] >= 0x80 { return nil }
                if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return nil }
                inWord = false
            }
            return words
        }
        if let counted { return counted }
        var words = 0
        var inWord = false
        for character in self {
            if character == " " {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words >= limit { return limit }
            }
        }
        return words
    }
}
