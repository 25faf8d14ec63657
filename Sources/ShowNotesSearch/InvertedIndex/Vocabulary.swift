/// The spelling vocabulary of an index (section `words`, written by `VocabularyBuilder`):
/// "here is the start of a word, give me the words that begin so, with their frequencies".
/// Read only when a query finds nothing or asks for `--fuzzy`.
struct Vocabulary {
    private let section: ByteReader
    private let blockCount: Int
    /// Where the blocks start, in the file.
    private let dataStart: Int

    init(_ reader: IndexReader) throws(IndexCorruption) {
        section = reader.section(.words)
        var table = section
        guard !table.isAtEnd else {
            blockCount = 0
            dataStart = section.end
            return
        }
        blockCount = Int(try table.u32())
        guard blockCount <= (section.end - section.offset) / 4 else { throw IndexCorruption("vocabulary block count out of range") }
        dataStart = section.offset + 4 + blockCount * 4
    }

    /// Calls `visit` with every word that starts with `prefix` (byte order) and its episode
    /// frequency, until `visit` returns false.
    func forEachWord(startingWith prefix: [UInt8], _ visit: ([UInt8], Int) -> Bool) throws(IndexCorruption) {
        guard blockCount > 0 else { return }
        // The last block whose first word sorts before the prefix (or the first block).
        var low = 0
        var high = blockCount - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if try firstWord(middle).lexicographicallyPrecedes(prefix) { low = middle } else { high = middle - 1 }
        }
        var word: [UInt8] = []
        for block in low..<blockCount {
            var reader = try blockReader(block)
            word.removeAll(keepingCapacity: true)
            while !reader.isAtEnd {
                let shared = try reader.varint()
                let suffix = try reader.varint()
                guard shared <= word.count, suffix <= reader.end - reader.offset else { throw IndexCorruption("bad prefix compression in the vocabulary") }
                word.removeSubrange(shared...)
                for index in reader.offset..<reader.offset + suffix { word.append(reader.base[index]) }
                try reader.skip(suffix)
                let frequency = try reader.varint()
                if word.starts(with: prefix) {
                    if !visit(word, frequency) { return }
                } else if prefix.lexicographicallyPrecedes(word) {
                    return
                }
            }
        }
    }

    private func offset(_ block: Int) throws(IndexCorruption) -> Int {
        var table = section
        try table.skip(4 + block * 4)
        let offset = Int(try table.u32())
        guard offset <= section.end - dataStart else { throw IndexCorruption("vocabulary block outside its section") }
        return offset
    }

    /// A reader over one block's bytes.
    private func blockReader(_ block: Int) throws(IndexCorruption) -> ByteReader {
        let start = try offset(block)
        let end = block + 1 < blockCount ? try offset(block + 1) : section.end - dataStart
        guard start <= end else { throw IndexCorruption("vocabulary blocks out of order") }
        return ByteReader(section.base, from: dataStart + start, to: dataStart + end)
    }

    private func firstWord(_ block: Int) throws(IndexCorruption) -> [UInt8] {
        var reader = try blockReader(block)
        _ = try reader.varint()
        let length = try reader.varint()
        guard length <= reader.end - reader.offset else { throw IndexCorruption("vocabulary word runs past its block") }
        return Array(section.base[reader.offset..<reader.offset + length])
    }
}
