extension IndexVerifier {
    /// The spelling vocabulary (`VocabularyBuilder`): empty, or a block table whose offsets
    /// start at 0 and ascend, blocks of `termsPerBlock` words (the last one 1 to that many)
    /// with prefix compression restarting in each, words valid UTF-8 in strictly ascending
    /// byte order, each used by at least one episode, and no byte left over.
    static func checkWords(_ reader: IndexReader) throws(IndexCorruption) {
        var table = reader.section(.words)
        guard !table.isAtEnd else { return }
        let blockCount = Int(try table.u32())
        guard blockCount <= (table.end - table.offset) / 4 else { throw IndexCorruption("block count out of range") }
        var offsets: [Int] = []
        for _ in 0..<blockCount { offsets.append(Int(try table.u32())) }
        var words = table
        let dataStart = words.offset
        var previous: [UInt8]? = nil
        for (block, offset) in offsets.enumerated() {
            guard offset == words.offset - dataStart else { throw IndexCorruption("block \(block) is not where the previous one ended") }
            let end = block + 1 < offsets.count ? dataStart + offsets[block + 1] : words.end
            guard end > words.offset, end <= words.end else { throw IndexCorruption("block \(block) is empty or out of range") }
            var word: [UInt8] = []
            var count = 0
            while words.offset < end {
                let shared = try words.varint()
                let suffix = try words.varint()
                guard shared <= word.count, count > 0 || shared == 0, suffix <= end - words.offset else {
                    throw IndexCorruption("bad prefix compression in block \(block)")
                }
                word = Array(word[..<shared]) + Array(reader.bytes[words.offset..<words.offset + suffix])
                try words.skip(suffix)
                guard try words.varint() >= 1, String(validating: word, as: UTF8.self) != nil,
                      previous.map({ $0.lexicographicallyPrecedes(word) }) ?? true else {
                    throw IndexCorruption("word \(count) of block \(block) is out of order, not UTF-8 or unused")
                }
                previous = word
                count += 1
            }
            guard words.offset == end, count == IndexFormat.termsPerBlock || (block == offsets.count - 1 && count > 0) else {
                throw IndexCorruption("block \(block) holds \(count) words")
            }
        }
        guard words.isAtEnd else { throw IndexCorruption("unexpected bytes after the last block") }
    }
}
