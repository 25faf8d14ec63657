/// The moments of one episode, stored compactly: a count, then per moment one varint
/// `kind | value << 2` — for a chapter the gap in milliseconds from the previous chapter's
/// start, for a takeaway or summary the gap from the previous range's end in the notes
/// field, followed by a second varint, the range's length.
enum MomentLayout {
    /// A moment's kind and where it lies: its start (chapters) or its range in the notes field.
    struct Record: Equatable {
        var kind: MomentKind
        var first: UInt32
        var end: UInt32

        /// Seconds from the start of the audio, for chapters.
        var start: Double? { kind == .chapter ? Double(first) / 1000 : nil }
    }

    static func encode(_ moments: [EpisodeAnalysis.Moment]) -> [UInt8] {
        var writer = ByteWriter()
        writer.varint(moments.count)
        var lastStart: UInt32 = 0
        var lastEnd: UInt32 = 0
        for moment in moments {
            switch moment.kind {
            case .chapter:
                let start = max(moment.first, lastStart)   // starts ascend (ChapterList guarantees it)
                writer.varint(Int(moment.kind.rawValue) | Int(start - lastStart) << 2)
                lastStart = start
            case .takeaway, .summary:
                let first = max(moment.first, lastEnd)
                writer.varint(Int(moment.kind.rawValue) | Int(first - lastEnd) << 2)
                let end = max(moment.end, first)
                writer.varint(Int(end - first))
                lastEnd = end
            case .section:
                writer.varint(Int(moment.kind.rawValue))
            }
        }
        return writer.bytes
    }

    static func decode(_ reader: inout ByteReader) throws(IndexCorruption) -> [Record] {
        var records: [Record] = []
        try decode(&reader, into: &records)
        return records
    }

    /// Decodes into `records` (emptied first, its storage kept).
    static func decode(_ reader: inout ByteReader, into records: inout [Record]) throws(IndexCorruption) {
        records.removeAll(keepingCapacity: true)
        let count = try reader.varint()
        guard count <= 1_000_000 else { throw IndexCorruption("implausible moment count") }
        records.reserveCapacity(min(count, reader.end - reader.offset))   // a record takes a byte or more
        var lastStart: UInt32 = 0
        var lastEnd: UInt32 = 0
        for _ in 0..<count {
            let word = try reader.varint()
            guard let kind = MomentKind(rawValue: UInt8(word & 3)) else { throw IndexCorruption("unknown moment kind") }
            let value = UInt32(truncatingIfNeeded: word >> 2)
            switch kind {
            case .chapter:
                lastStart &+= value
                records.append(Record(kind: kind, first: lastStart, end: 0))
            case .takeaway, .summary:
                let first = lastEnd &+ value
                let end = first &+ UInt32(truncatingIfNeeded: try reader.varint())
                records.append(Record(kind: kind, first: first, end: end))
                lastEnd = end
            case .section:
                records.append(Record(kind: kind, first: 0, end: 0))
            }
        }
    }
}
