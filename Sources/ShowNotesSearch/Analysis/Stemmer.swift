import CStemmer

/// Snowball's English ("Porter2") stemmer, from Debian's `libstemmer` (the reference C
/// implementation generated from the Snowball sources), so stems match Snowball's published lists.
///
/// One instance is not thread-safe; each `Analyzer` owns its own.
final class Stemmer {
    private let handle: OpaquePointer?

    init() {
        handle = sb_stemmer_new("english", "UTF_8")
    }

    deinit {
        if let handle { sb_stemmer_delete(handle) }
    }

    /// The stem of a lower-case word; the word itself when stemming is unavailable.
    func stem(_ word: String) -> String {
        guard let handle, word.utf8.count > 2 else { return word }
        var copy = word
        return copy.withUTF8 { bytes -> String in
            guard let result = sb_stemmer_stem(handle, bytes.baseAddress, Int32(bytes.count)) else { return word }
            let length = Int(sb_stemmer_length(handle))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }
}
