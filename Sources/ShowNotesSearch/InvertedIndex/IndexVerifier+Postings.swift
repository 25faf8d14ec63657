extension IndexVerifier {
    /// Where a postings list ended, in its section and in the positions section.
    struct ListEnd {
        var end: Int
        var positionsEnd: Int
    }

    /// Decodes one postings list strictly, with its positions: the skip table agrees with the
    /// blocks (last document, byte lengths), document ids increase and stay below `limit`,
    /// frequencies are as written (a moment's flagged frequency is 2 or more, an episode has
    /// a field), and each field's positions ascend.
    static func walkPostings(_ reader: IndexReader, _ section: IndexFormat.Section, offset: Int, count: Int, fields: Int,
                             limit: Int, positions: Int) throws(IndexCorruption) -> ListEnd {
        guard count > 0 else { return ListEnd(end: offset, positionsEnd: positions) }
        let space = reader.section(section)
        let positionSpace = reader.section(.positions)
        guard offset <= space.end - space.offset, positions <= positionSpace.end - positionSpace.offset else {
            throw IndexCorruption("a list starts outside its section")
        }
        var list = ByteReader(reader.bytes, from: space.offset + offset, to: space.end)
        var stream = ByteReader(reader.bytes, from: positionSpace.offset + positions, to: positionSpace.end)
        let blocks = (count + IndexFormat.blockSize - 1) / IndexFormat.blockSize
        var skips: [(last: Int, bytes: Int, positions: Int)] = []
        if blocks > 1 {
            var last = 0
            for block in 0..<blocks {
                let gap = try list.varint()
                guard block == 0 || gap > 0, gap < limit - last else { throw IndexCorruption("skip data does not ascend or runs out of range") }
                last += gap
                skips.append((last, try list.varint(), try list.varint()))
            }
        }
        var previous = -1
        for block in 0..<blocks {
            let blockStart = list.offset
            let positionsStart = stream.offset
            for _ in 0..<min(IndexFormat.blockSize, count - block * IndexFormat.blockSize) {
                let word = try list.varint()
                previous += (word >> (fields == 1 ? 1 : 4)) + 1
                guard previous < limit else { throw IndexCorruption("document id \(previous) out of range in \(section)") }
                for frequency in try frequencies(word, fields: fields, &list) {
                    try walkPositions(frequency, &stream)
                }
            }
            if blocks > 1 {
                let skip = skips[block]
                guard skip.last == previous, skip.bytes == list.offset - blockStart, skip.positions == stream.offset - positionsStart else {
                    throw IndexCorruption("skip data disagrees with block \(block) of a list in \(section)")
                }
            }
        }
        return ListEnd(end: list.offset - space.offset, positionsEnd: stream.offset - positionSpace.offset)
    }

    /// The per-field frequencies of one posting, as the builder writes them.
    private static func frequencies(_ word: Int, fields: Int, _ list: inout ByteReader) throws(IndexCorruption) -> [Int] {
        if fields == 1 {
            guard word & 1 == 1 else { return [1] }
            let frequency = try list.varint()
            guard frequency >= 2 else { throw IndexCorruption("a flagged frequency below 2") }
            return [frequency]
        }
        let mask = word & 0xF
        guard mask != 0 else { throw IndexCorruption("an episode posting with no field") }
        var result: [Int] = []
        for field in 0..<fields {
            guard mask & (1 << field) != 0 else { result.append(0); continue }
            var frequency = try list.varint()
            if field == IndexFormat.EpisodeField.notes.rawValue { frequency >>= NotesCeilings.levelBits }   // and its level
            guard frequency >= 1 else { throw IndexCorruption("a field present with frequency 0") }
            result.append(frequency)
        }
        return result
    }

    /// `count` position gaps whose running sum never passes 2³² (positions ascend).
    private static func walkPositions(_ count: Int, _ stream: inout ByteReader) throws(IndexCorruption) {
        var position = 0
        for _ in 0..<count {
            position += try stream.varint()
            guard position <= Int(UInt32.max) else { throw IndexCorruption("positions do not ascend") }
        }
    }
}
