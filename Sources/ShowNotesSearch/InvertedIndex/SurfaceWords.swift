/// The words of a text as a reader types them — folded (case, diacritics) but not stemmed —
/// for the spelling vocabulary: a suggestion must be a word (`culture`), not a stem (`cultur`).
///
/// Only words made of letters and at least `minimumBytes` long are kept: numbers are never
/// corrected, and a typo of four letters or more is never within one edit of a two-letter
/// word. A word is what `Analyzer.compounds` makes a part: `don't` → `dont`, `tight-knit` →
/// `tight`, `knit`; a run of letters touching a digit (`5000m`, `covid19`) is not a word.
///
/// This runs over every indexed text at build time, so ASCII is read by a byte loop that
/// builds no strings until a word is complete; text with other letters takes the analyzer's
/// own splitter.
enum SurfaceWords {
    static let minimumBytes = 3

    /// Distinct words in order of first appearance (a pure function of the texts given, so an
    /// episode's analysis, cached or not, is always the same value).
    struct List {
        private var table = WordHashTable()
        private(set) var words: [String] = []

        mutating func insert(_ word: String) {
            var copy = word
            copy.withUTF8 { bytes in insert(bytes) }
        }

        /// Adds the word spelled by `bytes` unless already there.
        mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) {
            if table.number(WordHashTable.hash(bytes)) == nil { words.append(String(decoding: bytes, as: UTF8.self)) }
        }
    }

    /// Adds the words of `text` to `words`.
    static func collect(_ text: String, into words: inout List) {
        var copy = text
        let ascii = copy.withUTF8 { bytes in
            guard isASCIIWithPunctuation(bytes) else { return false }
            collectASCII(bytes, into: &words)
            return true
        }
        if !ascii { collectFolded(text, into: &words) }
    }

    /// ASCII, plus General Punctuation (U+2000–U+203F: quotes, dashes, `’`, `…`), none of
    /// which is a letter: what the byte loop reads the way the analyzer does.
    private static func isASCIIWithPunctuation(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 {
                guard byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] < 0xC0 else { return false }
                index += 3
                continue
            }
            index += 1
        }
        return true
    }

    /// Letters only (folded text has no upper case; any non-ASCII letter counts as a letter).
    static func isWord(_ part: String) -> Bool {
        !part.utf8.contains { $0 < 0x80 && !($0 >= 0x61 && $0 <= 0x7A) }
    }

    /// The analyzer's splitter, for text with non-ASCII letters.
    static func collectFolded(_ text: String, into words: inout List) {
        for compound in Analyzer.compounds(text) {
            for part in compound.parts where part.utf8.count >= minimumBytes && isWord(part) {
                words.insert(part)
            }
        }
    }

    /// ASCII text with General Punctuation: letter runs, joined across `'` and `’` between
    /// letters as the analyzer joins them; a hyphen separates parts, each its own word.
    private static func collectASCII(_ bytes: UnsafeBufferPointer<UInt8>, into words: inout List) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var touchesDigit = false
        var index = 0
        func finish() {
            if word.count >= minimumBytes, !touchesDigit { word.withUnsafeBufferPointer { words.insert($0) } }
            word.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x61...0x7A:
                word.append(byte)
            case 0x41...0x5A:
                word.append(byte | 0x20)
            case 0x30...0x39:
                touchesDigit = true
                word.removeAll(keepingCapacity: true)
            case UInt8(ascii: "'"), 0xE2:
                // An apostrophe inside a word joins it (`don't` → `dont`); `’` is E2 80 99; any
                // other E2 80 xx is punctuation, a separator.
                let width = byte == 0xE2 ? 3 : 1
                let isApostrophe = byte != 0xE2 || (index + 2 < bytes.count && bytes[index + 2] == 0x99)
                let next = index + width
                if !(isApostrophe && !word.isEmpty && next < bytes.count && isLetter(bytes[next])) {
                    finish()
                    touchesDigit = false
                }
                index += width
                continue
            default:
                // A separator, or a hyphen (which splits a compound into parts, each its own word).
                finish()
                touchesDigit = false
            }
            index += 1
        }
        finish()
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }
}
