/// The words of a text as a reader types them — folded (case, diacritics) but not stemmed —
/// for the spelling vocabulary: a suggestion must be a word (`culture`), not a stem (`cultur`).
///
/// A surface word is a part the analyzer makes (`Analyzer.compounds`: `don't` → `dont`,
/// `tight-knit` → `tight`, `knit`; never a compound's joined form) made of letters only and at
/// least `minimumBytes` long: numbers are never corrected, a run of letters touching a digit
/// (`5000m`, `covid19`) is not a word, and a typo of four letters or more is never within one
/// edit of a two-letter word.
enum SurfaceWords {
    static let minimumBytes = 3

    /// Letters only (folded text has no upper case; any non-ASCII letter counts as a letter).
    static func isWord(_ part: String) -> Bool { part.utf8.allSatisfy(isLetter) }

    /// Whether the folded word spelled by `bytes` is a surface word.
    static func isSurfaceWord(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= minimumBytes && bytes.allSatisfy(isLetter)
    }

    private static func isLetter(_ byte: UInt8) -> Bool { byte >= 0x80 || (byte >= 0x61 && byte <= 0x7A) }
}

/// The distinct surface words of the texts an analyzer has split since `start()`, by the
/// analyzer's word numbers, in order of first appearance: collected while the words are
/// numbered for the index, so no text is read twice.
struct SurfaceWordSet {
    /// Per word number: whether it is a surface word, and the last `start` it was met in.
    private var isSurface: [Bool] = []
    private var stamps: [UInt32] = []
    private var stamp: UInt32 = 0
    private(set) var words: [Int32] = []

    /// A new word number (the next one), spelled by `bytes`.
    mutating func learn(_ bytes: UnsafeRawBufferPointer) {
        isSurface.append(SurfaceWords.isSurfaceWord(bytes))
        stamps.append(0)
    }

    /// Word `word` occurs in the text at hand.
    mutating func note(_ word: Int) {
        guard isSurface[word], stamps[word] != stamp else { return }
        stamps[word] = stamp
        words.append(Int32(word))
    }

    /// Starts a new set (the next episode).
    mutating func start() {
        words.removeAll(keepingCapacity: true)
        stamp &+= 1
        if stamp == 0 {
            stamps = Array(repeating: 0, count: stamps.count)
            stamp = 1
        }
    }
}
