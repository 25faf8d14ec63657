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

    init?(_ text: String) {
        var copy = text
        guard let hash = copy.withUTF8({ Self.hash($0) }) else { return nil }
        self.hash = hash
    }

    /// FNV-1a over the folded bytes of ASCII words, a marker for other words, and the spaces.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var wordStart = 0
        var wordIsASCII = true
        func endWord(at end: Int) {
            if wordIsASCII {
                for byte in bytes[wordStart..<end] { mix(byte.asciiLowercased) }
            } else {
                mix(0xFF)   // never a byte of ASCII text
            }
        }
        for (index, byte) in bytes.enumerated() {
            if byte == 0x20 {
                endWord(at: index)
                mix(0x20)
                wordStart = index + 1
                wordIsASCII = true
            } else if byte >= 0x80 {
                wordIsASCII = false
                if isLookAlikeStart(bytes, at: index) { return nil }
            }
        }
        endWord(at: bytes.count)
        return hash
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
