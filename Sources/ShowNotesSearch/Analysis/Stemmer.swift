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
        var copy = word
        return copy.withUTF8 { bytes in stem(UnsafeRawBufferPointer(bytes)) { String(decoding: $0, as: UTF8.self) } }
    }

    /// Calls `body` with the stem of the lower-case word spelled by `word` (UTF-8), or with
    /// the word itself when it is too short to stem or stemming is unavailable. The stem's
    /// bytes are valid only inside `body`.
    func stem<Result>(_ word: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        guard let handle, word.count > 2,
              let result = sb_stemmer_stem(handle, word.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(word.count))
        else { return body(word) }
        return body(UnsafeRawBufferPointer(start: result, count: Int(sb_stemmer_length(handle))))
    }
}
