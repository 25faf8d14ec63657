/// The words of a text as a reader types them — folded (case, diacritics) but not stemmed —
/// for the spelling vocabulary: a suggestion must be a word (`culture`), not a stem (`cultur`).
///
/// Only parts made of letters and at least `minimumBytes` long are kept: numbers are never
/// corrected, and a typo of four letters or more is never within one edit of a two-letter word.
enum SurfaceWords {
    static let minimumBytes = 3

    /// Adds the words of `text` to `words`.
    static func collect(_ text: String, into words: inout Set<String>) {
        for compound in Analyzer.compounds(text) {
            for part in compound.parts where part.utf8.count >= minimumBytes && isWord(part) {
                words.insert(part)
            }
        }
    }

    /// Letters only (folded text has no upper case; any non-ASCII letter counts as a letter).
    static func isWord(_ part: String) -> Bool {
        !part.utf8.contains { $0 < 0x80 && !($0 >= 0x61 && $0 <= 0x7A) }
    }
}
