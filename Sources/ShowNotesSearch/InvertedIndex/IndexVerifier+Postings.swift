extension IndexVerifier {
    /// Where a postings list ended, in its section and in the positions section.
    struct ListEnd {
        var end: Int
        var positionsEnd: Int
    }

    /// Decodes one postings list strictly, with its positions: the skip table agrees with the
    /// blocks (last document, byte lengths), document ids increase and stay below `limit`,
    /// frequencies are as written (a moment's flagged frequency is 2 or more, an episode has
    /// a field), each field's positions ascend, and (given `notes`) each notes frequency's
    /// level is the one the builder computes from those positions.
    static func walkPostings(_ reader: IndexReader, _ section: IndexFormat.Section, offset: Int, count: Int, fields: Int,
                             limit: Int, positions: Int, notes: NotesFrequencyWriter? = nil) throws(IndexCorruption) -> ListEnd {
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
        var fieldPositions: [UInt32] = []
        for block in 0..<blocks {
            let blockStart = list.offset
            let positionsStart = stream.offset
            for _ in 0..<min(IndexFormat.blockSize, count - block * IndexFormat.blockSize) {
                let word = try list.varint()
                previous += (word >> (fields == 1 ? 1 : 4)) + 1
                guard previous < limit else { throw IndexCorruption("document id \(previous) out of range in \(section)") }
                let (counts, level) = try frequencies(word, fields: fields, &list)
                for (field, frequency) in counts.enumerated() {
                    fieldPositions.removeAll(keepingCapacity: true)
                    try walkPositions(frequency, &stream, into: &fieldPositions)
                    guard let notes, field == notes.field, frequency > 0 else { continue }
                    let expected = fieldPositions.withUnsafeBufferPointer { notes.word(episode: UInt32(previous), positions: $0) }
                    guard expected == frequency << NotesCeilings.levelBits | level else {
                        throw IndexCorruption("episode \(previous): a notes frequency's level is \(level), not \(expected & NotesCeilings.levelMask)")
                    }
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

    /// The per-field frequencies of one posting, as the builder writes them, and the level of
    /// its notes frequency (0 for moments).
    private static func frequencies(_ word: Int, fields: Int, _ list: inout ByteReader) throws(IndexCorruption) -> ([Int], level: Int) {
        if fields == 1 {
            guard word & 1 == 1 else { return ([1], 0) }
            let frequency = try list.varint()
            guard frequency >= 2 else { throw IndexCorruption("a flagged frequency below 2") }
            return ([frequency], 0)
        }
        let mask = word & 0xF
        guard mask != 0 else { throw IndexCorruption("an episode posting with no field") }
        var result: [Int] = []
        var level = 0
        for field in 0..<fields {
            guard mask & (1 << field) != 0 else { result.append(0); continue }
            var frequency = try list.varint()
            if field == IndexFormat.EpisodeField.notes.rawValue {
                level = frequency & NotesCeilings.levelMask
                frequency >>= NotesCeilings.levelBits
            }
            guard frequency >= 1 else { throw IndexCorruption("a field present with frequency 0") }
            result.append(frequency)
        }
        return (result, level)
    }

    /// `count` position gaps whose running sum never passes 2³² (positions ascend), appended
    /// to `positions`.
    private static func walkPositions(_ count: Int, _ stream: inout ByteReader, into positions: inout [UInt32]) throws(IndexCorruption) {
        var position = 0
        for _ in 0..<count {
            position += try stream.varint()
            guard position <= Int(UInt32.max) else { throw IndexCorruption("positions do not ascend") }
            positions.append(UInt32(position))
        }
    }
}
