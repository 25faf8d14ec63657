extension IndexVerifier {
    /// The episode table and the moment layouts: first moments start at 0 and never go back,
    /// each layout starts where the previous one ended and decodes to exactly as many moments
    /// as the table gives the episode, chapter starts and notes ranges ascend, and the query
    /// path's own decoding agrees.
    static func checkMoments(_ reader: IndexReader) throws(IndexCorruption) {
        var table = reader.section(.episodes)
        var layouts = reader.section(.moments)
        let layoutStart = layouts.offset
        guard reader.episodeCount > 0 || reader.momentCount == 0 else { throw IndexCorruption("moments without episodes") }
        var firsts: [Int] = []
        var counts: [Int] = []
        let roots = try reader.roots().count
        for episode in 0..<reader.episodeCount {
            let first = Int(try table.u32())
            let offset = Int(try table.u32())
            try table.skip(6)   // the source's content hash (only the source can tell) and root:
            guard try reader.sourceRecord(ofEpisode: episode).root < roots else {
                throw IndexCorruption("episode \(episode)'s source root is not in the index's roots")
            }
            guard first == (episode == 0 ? 0 : firsts[episode - 1] + counts[episode - 1]) else {
                throw IndexCorruption("episode \(episode)'s first moment \(first) does not follow the previous episode's")
            }
            guard offset == layouts.offset - layoutStart else {
                throw IndexCorruption("episode \(episode)'s moment layout is not where the previous one ended")
            }
            let records = try MomentLayout.decode(&layouts)
            try checkOrder(records, episode: episode)
            try checkShortestNotesMoment(reader, records, episode: episode, first: first)
            firsts.append(first)
            counts.append(records.count)
        }
        guard (firsts.last ?? 0) + (counts.last ?? 0) == reader.momentCount else {
            throw IndexCorruption("the moment layouts hold \((firsts.last ?? 0) + (counts.last ?? 0)) moments, the header says \(reader.momentCount)")
        }
        guard layouts.isAtEnd else { throw IndexCorruption("unexpected bytes after the last moment layout") }
        for episode in 0..<reader.episodeCount {
            guard try reader.firstMoment(ofEpisode: episode) == firsts[episode],
                  try reader.momentRecords(ofEpisode: episode).count == counts[episode] else {
                throw IndexCorruption("episode \(episode) reads differently through the query path")
            }
        }
    }

    /// The episode's last norm byte is the smallest of its takeaways' and summary's (255 without any).
    private static func checkShortestNotesMoment(_ reader: IndexReader, _ records: [MomentLayout.Record], episode: Int,
                                                 first: Int) throws(IndexCorruption) {
        let norms = reader.place(.norms)
        var shortest = UInt8.max
        for (offset, record) in records.enumerated() where record.kind == .takeaway || record.kind == .summary {
            guard first + offset < reader.momentCount else { throw IndexCorruption("moment \(first + offset) out of range") }
            shortest = min(shortest, reader.bytes[norms.offset + first + offset])
        }
        let stored = reader.momentCount + (episode + 1) * IndexFormat.episodeNormCount - 1
        guard reader.bytes[norms.offset + stored] == shortest else {
            throw IndexCorruption("episode \(episode)'s shortest-takeaway norm disagrees with its moments' norms")
        }
    }

    /// Chapter starts ascend; notes ranges neither overlap nor go back (a wrapped sum shows as a step back).
    private static func checkOrder(_ records: [MomentLayout.Record], episode: Int) throws(IndexCorruption) {
        var lastStart: UInt32 = 0
        var lastEnd: UInt32 = 0
        for record in records {
            switch record.kind {
            case .chapter:
                guard record.first >= lastStart else { throw IndexCorruption("chapter starts go back in episode \(episode)") }
                lastStart = record.first
            case .takeaway, .summary:
                guard record.first >= lastEnd, record.end >= record.first else { throw IndexCorruption("notes ranges go back in episode \(episode)") }
                lastEnd = record.end
            case .section:
                break
            }
        }
    }

    /// A text store: a block table whose first items start at 0 and ascend and whose end
    /// offsets ascend to the end of the section, blocks that inflate whole to exactly the
    /// items the table gives them, each valid UTF-8 (moments': a valid `StoredText`), `items` in all.
    static func checkTexts(_ reader: IndexReader, _ section: IndexFormat.Section, items: Int) throws(IndexCorruption) {
        var table = reader.section(section)
        let blockCount = Int(try table.u32())
        guard blockCount <= (table.end - table.offset) / 8 else { throw IndexCorruption("block count out of range") }
        var entries: [(first: Int, end: Int)] = []
        for _ in 0..<blockCount { entries.append((Int(try table.u32()), Int(try table.u32()))) }
        let dataStart = table.offset
        let dataLength = table.end - table.offset
        guard entries.first.map({ $0.first == 0 }) ?? (items == 0) else { throw IndexCorruption("the first block does not start at item 0") }
        var start = 0
        for (number, entry) in entries.enumerated() {
            let next = number + 1 < entries.count ? entries[number + 1].first : items
            guard entry.end > start, entry.end <= dataLength, next > entry.first else {
                throw IndexCorruption("block \(number) of the table is out of order or out of range")
            }
            let block = try TextStoreReader.inflate(UnsafeRawBufferPointer(rebasing: reader.bytes[dataStart + start..<dataStart + entry.end]))
            let held = try countTexts(block, stored: section == .momentTexts)
            guard held == next - entry.first else { throw IndexCorruption("block \(number) holds \(held) texts, the table says \(next - entry.first)") }
            start = entry.end
        }
        guard start == dataLength else { throw IndexCorruption("\(dataLength - start) unexpected bytes after the last block") }
    }

    /// The number of length-prefixed UTF-8 texts (or stored texts) an inflated block holds, exactly.
    private static func countTexts(_ block: [UInt8], stored: Bool) throws(IndexCorruption) -> Int {
        let counted: Result<Int, IndexCorruption> = block.withUnsafeBytes { raw in
            Result { () throws(IndexCorruption) -> Int in
                var texts = ByteReader(raw)
                var count = 0
                while !texts.isAtEnd {
                    let length = try texts.varint()
                    guard length <= texts.end - texts.offset else { throw IndexCorruption("a stored text is cut") }
                    let item = UnsafeRawBufferPointer(rebasing: raw[texts.offset..<texts.offset + length])
                    if stored {
                        try StoredText.validate(item)
                    } else {
                        guard String(validating: item, as: UTF8.self) != nil else { throw IndexCorruption("a stored text is not UTF-8") }
                    }
                    try texts.skip(length)
                    count += 1
                }
                return count
            }
        }
        return try counted.get()
    }
}
