/// Character-level operations (`lowercased()`, `contains`, `split(separator: " ").count`)
/// with the exact results of Swift's own, computed on UTF-8 bytes wherever bytes decide
/// the answer and handed to the Character-level original where they might not.
///
/// Facts these rely on, checked over every Unicode scalar on this toolchain:
/// - `lowercased()` maps scalar by scalar (no context such as a final sigma); a scalar
///   without `changesWhenLowercased` maps to itself.
/// - A grapheme boundary always falls between two ASCII scalars other than CR LF (lines
///   never hold CR or LF here), and before or after an ASCII scalar next to any scalar
///   except a prepended one (before) or an extending one (after), which are not ASCII.
/// - The only non-ASCII scalars equal (canonically) to an ASCII character are U+037E
///   (`;`), U+1FEF (`` ` ``) and U+212A (Kelvin sign, `K`).
extension StringProtocol {
    /// `lowercased()`, without its per-scalar table lookups for ASCII and for
    /// characters that have no lower case (`•`, `“`, `…`, emoji).
    func lowercasedFast() -> String {
        var text = String(self)
        let asciiOnly = text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
        if asciiOnly { return text.lowercased() }   // the standard library's own ASCII fast path
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value).asciiLowercased))
            } else if !scalar.properties.changesWhenLowercased {
                result.unicodeScalars.append(scalar)
            } else {
                result += scalar.properties.lowercaseMapping
            }
        }
        return result
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
                    // ASCII on both sides: the match starts and ends on Character boundaries.
                    if (start == 0 || text[start - 1] < 0x80) && (end == text.count || text[end] < 0x80) { return true }
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
