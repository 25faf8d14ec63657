/// Collects the spelling vocabulary while episodes are added: every surface word and the
/// number of episodes that use it (frequent words are preferred as corrections).
///
/// Section `words`: a u32 block count, a u32 offset per block (from the end of the table),
/// then the words in byte order in blocks of `IndexFormat.termsPerBlock`, prefix-compressed
/// within a block: per word `varint(shared)`, `varint(suffix length)`, the suffix bytes,
/// `varint(episode frequency)`. Words are numbered by `WordHashTable` (no string hashing
/// per word and episode); like the rest of the index, the bytes are a function of the
/// episodes and the (sorted) order they are added in.
struct VocabularyBuilder {
    private var numbers = WordHashTable()
    private var words: [String] = []
    private var frequencies: [Int] = []

    /// Counts one more episode using the word spelled by `bytes` (each episode adds each of
    /// its words once); returns the word's number here.
    @discardableResult
    mutating func add(_ bytes: UnsafeRawBufferPointer) -> Int {
        let word = bytes.assumingMemoryBound(to: UInt8.self)
        return count(WordHashTable.hash(word), episodes: 1, word: String(decoding: word, as: UTF8.self))
    }

    /// Counts one more episode using the word numbered `number` by `add(_:)`.
    mutating func add(number: Int) {
        frequencies[number] += 1
    }

    /// Adds the words of another part of the same index (`IndexWriter`'s segments).
    mutating func add(_ other: VocabularyBuilder) {
        for (word, frequency) in zip(other.words, other.frequencies) { count(WordHashTable.hash(word), episodes: frequency, word: word) }
    }

    /// Adds `episodes` to the word with this hash; `word` is spelled out only when it is new.
    @discardableResult
    private mutating func count(_ hash: UInt64, episodes: Int, word: @autoclosure () -> String) -> Int {
        if let number = numbers.number(hash) {
            frequencies[number] += episodes
            return number
        }
        words.append(word())
        frequencies.append(episodes)
        return words.count - 1
    }

    func serialize() -> [UInt8] {
        let order = words.indices.sorted { words[$0].precedesInUTF8(words[$1]) }
        var blocks = ByteWriter()
        var offsets: [UInt32] = []
        var previous: [UInt8] = []
        for (number, index) in order.enumerated() {
            var word = words[index]
            if number % IndexFormat.termsPerBlock == 0 {
                offsets.append(UInt32(blocks.count))
                previous = []
            }
            word.withUTF8 { blocks.prefixCompressed(UnsafeRawBufferPointer($0), after: &previous) }
            blocks.varint(frequencies[index])
        }
        var output = ByteWriter()
        output.u32(UInt32(offsets.count))
        for offset in offsets { output.u32(offset) }
        output.append(blocks.bytes)
        return output.bytes
    }
}
