/// Searching text with Swift's Character semantics (`firstRange(of:)`, `contains`,
/// `split(separator: " ").count`), done on UTF-8 bytes wherever bytes decide the answer
/// and handed to the Character-level original where they might not.
///
/// Facts this relies on, checked over every Unicode scalar on this toolchain:
/// - A grapheme boundary always falls between two ASCII scalars other than CR LF, and
///   between an ASCII scalar and any other except a prepended one (before it) or an
///   extending one (after it), which are never ASCII.
/// - The only non-ASCII scalars equal (canonically) to an ASCII character are U+037E
///   (`;`), U+1FEF (`` ` ``) and U+212A (Kelvin sign, `K`); none equals `–` or `—`.
extension Substring {
    /// `firstRange(of: needle)`. Needles of ASCII (but CR and LF), `–` and `—` are searched
    /// as bytes; a byte match with ASCII on both sides is a Character match.
    func firstTextRange(of needle: String) -> Range<Index>? {
        guard let offsets = byteSearch(needle) else { return firstRange(of: needle) }
        guard let (start, end) = offsets else { return nil }
        let from = utf8.index(startIndex, offsetBy: start)
        return from..<utf8.index(from, offsetBy: end - start)
    }

    /// The byte offsets of the first match, `.some(nil)` for none, or `nil` when bytes cannot tell.
    private func byteSearch(_ needle: String) -> (Int, Int)?? {
        var pattern = needle
        return pattern.withUTF8 { word -> (Int, Int)?? in
            guard !word.isEmpty, Self.isPlainNeedle(word) else { return nil }
            return utf8.withContiguousStorageIfAvailable { text -> (Int, Int)?? in
                // A look-alike of `;`, `` ` `` or `K` could match where no byte does.
                if word.contains(where: { $0 == 0x3B || $0 == 0x60 || $0 == 0x4B }), Self.hasASCIILookAlike(text) { return nil }
                guard let start = text.firstIndex(of: word, from: 0) else { return .some(nil) }
                let end = start + word.count
                let clearStart = start == 0 || text[start - 1] < 0x80
                let clearEnd = end == text.count || text[end] < 0x80
                return clearStart && clearEnd ? .some((start, end)) : nil
            } ?? nil
        }
    }

    /// ASCII but CR and LF, en and em dashes.
    private static func isPlainNeedle(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < word.count {
            let byte = word[index]
            if byte < 0x80 {
                guard byte != 0x0D, byte != 0x0A else { return false }
                index += 1
            } else if index + 2 < word.count, byte == 0xE2, word[index + 1] == 0x80, word[index + 2] == 0x93 || word[index + 2] == 0x94 {
                index += 3
            } else {
                return false
            }
        }
        return true
    }

    /// Whether the bytes hold U+037E, U+1FEF or U+212A (canonically equal to `;`, `` ` ``, `K`).
    private static func hasASCIILookAlike(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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

    /// `contains(needle)` (see `firstTextRange(of:)`).
    func containsText(_ needle: String) -> Bool {
        guard let offsets = byteSearch(needle) else { return contains(needle) }
        return offsets != nil
    }
}

extension String {
    /// `firstRange(of: needle)` (see `Substring.firstTextRange(of:)`).
    func firstTextRange(of needle: String) -> Range<Index>? {
        self[...].firstTextRange(of: needle)
    }

    /// `contains(needle)` (see `Substring.firstTextRange(of:)`).
    func containsText(_ needle: String) -> Bool {
        self[...].containsText(needle)
    }

    /// `split(separator: " ").count`, counting no further than `limit`.
    func spaceSeparatedWordCount(upTo limit: Int) -> Int {
        self[...].spaceSeparatedWordCount(upTo: limit)
    }
}

extension Substring {
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

extension StringProtocol {
    /// Whether every scalar is ASCII or `PlainPunctuation`. In such text each scalar is a
    /// Character of its own (but `\r\n`, which is no letter and no separator either), so
    /// splitting on an ASCII separator, or into words of letters, can be done on bytes.
    var isPlain: Bool {
        utf8.withContiguousStorageIfAvailable { $0.isPlain } ?? false
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether every scalar is ASCII or `PlainPunctuation` (see `StringProtocol.isPlain`).
    var isPlain: Bool {
        var index = 0
        while index < count {
            if self[index] < 0x80 {
                index += 1
            } else if let length = PlainPunctuation.length(startingAt: index, in: self) {
                index += length
            } else {
                return false
            }
        }
        return true
    }
}

extension Substring {
    /// `split(separator: Character(separator))` for an ASCII separator (empty pieces omitted).
    func split(byte separator: UInt8) -> [Substring] {
        guard isPlain else { return split(separator: Character(Unicode.Scalar(separator))) }
        return utf8.split(separator: separator).map { Substring($0) }
    }
}

extension String {
    /// `split(whereSeparator: { !$0.isLetter })`: the runs of letters.
    func letterWords() -> [Substring] {
        guard isPlain else { return split(whereSeparator: { !$0.isLetter }) }
        return utf8.split(whereSeparator: { !$0.isASCIILetter }).map { Substring($0) }
    }
}
