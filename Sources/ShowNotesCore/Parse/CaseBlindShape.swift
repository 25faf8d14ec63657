/// A hash of what lower-casing and Unicode canonical equivalence leave alone in a text:
/// its words between ASCII spaces, each as its ASCII-folded bytes when it is all ASCII,
/// or as "some other word" when it is not. Two texts whose `lowercased()` are equal
/// Strings have the same shape (hash collisions only merge shapes), so distinct shapes
/// prove distinct lower-cased texts without lower-casing or normalising them.
///
/// Why this holds, checked over every scalar on this toolchain: no canonical decomposition
/// or composition involves U+0020, and no scalar lower-cases to one, so both texts have the
/// same spaces; a word with any non-ASCII scalar keeps one after lower-casing and
/// normalising, except U+212A (Kelvin sign → `k`) and the look-alikes U+037E (`;`) and
/// U+1FEF (`` ` ``), for which there is no shape (`nil`).
struct CaseBlindShape: Hashable {
    private let hash: UInt64

    init?(_ text: String, words: Int = .max) {
        var copy = text
        guard let hash = copy.withUTF8({ Self.hash($0, words: words) }) else { return nil }
        self.hash = hash
    }

    /// A lower bound on how many different lower-cased texts `texts` are, good enough to tell
    /// whether it is above `half` of them, or `nil` when a text has no shape. The shapes of
    /// the first two words come first: cheaper, and most often telling enough.
    static func distinctCount(_ texts: [String], above half: Int) -> Int? {
        for words in [2, Int.max] {
            var hashes: [UInt64] = []
            hashes.reserveCapacity(texts.count)
            for text in texts {
                guard let shape = CaseBlindShape(text, words: words) else { return nil }
                hashes.append(shape.hash)
            }
            hashes.sort()
            let distinct = zip(hashes, hashes.dropFirst()).reduce(hashes.isEmpty ? 0 : 1) { $0 + ($1.0 != $1.1 ? 1 : 0) }
            if distinct > half || words == Int.max { return distinct }
        }
        return nil
    }

    /// FNV-1a over the folded bytes of ASCII words, a marker for other words, and the spaces,
    /// for the first `words` words.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, words: Int) -> UInt64? {
        let basis: UInt64 = 0xCBF2_9CE4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01B3
        let otherWord: UInt64 = 0xFF   // what a word holding non-ASCII adds (a collision only merges shapes)
        var hash = basis
        var word = basis
        var wordIsASCII = true
        var wordsLeft = words
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 {
                hash = (hash ^ (wordIsASCII ? word : otherWord)) &* prime
                hash = (hash ^ 0x20) &* prime
                word = basis
                wordIsASCII = true
                wordsLeft -= 1
                if wordsLeft == 0 { return hash }
            } else if byte < 0x80 {
                word = (word ^ UInt64(byte.asciiLowercased)) &* prime
            } else {
                if isLookAlikeStart(bytes, at: index) { return nil }
                wordIsASCII = false
            }
            index += 1
        }
        return (hash ^ (wordIsASCII ? word : otherWord)) &* prime
    }

    /// U+037E, U+1FEF or U+212A starts at `index`.
    private static func isLookAlikeStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let lead = bytes[index]
        guard lead == 0xCD || lead == 0xE1 || lead == 0xE2, index + 1 < bytes.count else { return false }
        if lead == 0xCD { return bytes[index + 1] == 0xBE }
        guard index + 2 < bytes.count else { return false }
        return lead == 0xE1 ? bytes[index + 1] == 0xBF && bytes[index + 2] == 0xAF
                            : bytes[index + 1] == 0x84 && bytes[index + 2] == 0xAA
    }
}
