/// Collects the spelling vocabulary while episodes are added: every surface word and the
/// number of episodes that use it (frequent words are preferred as corrections).
///
/// Section `words`: a u32 block count, a u32 offset per block (from the end of the table),
/// then the words in byte order in blocks of `IndexFormat.termsPerBlock`, prefix-compressed
/// within a block: per word `varint(shared)`, `varint(suffix length)`, the suffix bytes,
/// `varint(episode frequency)`. A pure function of the words added, in any order.
struct VocabularyBuilder {
    private var frequencies: [String: Int] = [:]

    mutating func add(_ words: [String]) {
        for word in words { frequencies[word, default: 0] += 1 }
    }

    func serialize() -> [UInt8] {
        let words = frequencies.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var blocks = ByteWriter()
        var offsets: [UInt32] = []
        var previous: [UInt8] = []
        for (number, word) in words.enumerated() {
            if number % IndexFormat.termsPerBlock == 0 {
                offsets.append(UInt32(blocks.count))
                previous = []
            }
            let bytes = Array(word.utf8)
            let shared = zip(previous, bytes).prefix(while: { $0 == $1 }).count
            blocks.varint(shared)
            blocks.varint(bytes.count - shared)
            blocks.append(Array(bytes[shared...]))
            blocks.varint(frequencies[word] ?? 0)
            previous = bytes
        }
        var output = ByteWriter()
        output.u32(UInt32(offsets.count))
        for offset in offsets { output.u32(offset) }
        output.append(blocks.bytes)
        return output.bytes
    }
}
