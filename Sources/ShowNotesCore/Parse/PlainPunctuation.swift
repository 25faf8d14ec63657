/// The punctuation show notes use most besides ASCII: `–` `—` `‘` `’` `“` `”` `•` `…` `·`.
///
/// Each is a Character of its own next to ASCII: none is white space, a letter, a digit,
/// an extending or spacing mark, a joiner or a prepended mark (checked on this toolchain),
/// so byte-level scans may step over them where they would hand any other non-ASCII
/// scalar to the Character-level code.
enum PlainPunctuation {
    /// The byte length of the one starting at `index` in `bytes`, or `nil`.
    static func length(startingAt index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard index >= 0, index + 1 < bytes.count else { return nil }
        if bytes[index] == 0xC2 { return bytes[index + 1] == 0xB7 ? 2 : nil }
        guard bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return nil }
        return generalPunctuation.contains(bytes[index + 2]) ? 3 : nil
    }

    /// The byte length of the one ending just before `end` in `bytes`, or `nil`.
    static func length(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if end >= 2, length(startingAt: end - 2, in: bytes) == 2 { return 2 }
        if end >= 3, length(startingAt: end - 3, in: bytes) == 3 { return 3 }
        return nil
    }

    /// Last bytes of U+2013, U+2014, U+2018, U+2019, U+201C, U+201D, U+2022, U+2026 (`E2 80 xx`).
    private static let generalPunctuation: [UInt8] = [0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0xA2, 0xA6]
}
