/// Every term's postings of one kind (moments or episodes) while documents are added, and
/// their encoding in the index's block format.
///
/// Moments: per document `varint(gap << 1 | tf>1)` then `varint(tf)` when above one.
/// Episodes: per document `varint(gap << 4 | fieldMask)` then one `varint(tf)` per field in
/// the mask. Positions go to a separate stream, field-local, as gaps. A list longer than one
/// block of 128 documents starts with a skip table: per block its last document, its byte
/// length and its positions' byte length.
///
/// Added documents are kept as one entry per term and document, in the order added, in a
/// few flat arrays: appending is sequential (no per-term arrays scattered over memory).
/// Entries are grouped by term only once, when written (`grouped`, then `write` per term),
/// keeping each term's documents in increasing order.
struct PostingsLog {
    /// One term in one document: where its positions start, and its frequencies (the first
    /// `fields` are used), together so that writing touches one place per entry.
    struct Entry {
        var document: UInt32
        var positionStart: UInt32
        var frequencies: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)

        subscript(field: Int) -> UInt32 {
            get {
                switch field {
                case 0: frequencies.0
                case 1: frequencies.1
                case 2: frequencies.2
                default: frequencies.3
                }
            }
            set {
                switch field {
                case 0: frequencies.0 = newValue
                case 1: frequencies.1 = newValue
                case 2: frequencies.2 = newValue
                default: frequencies.3 = newValue
                }
            }
        }
    }

    /// Frequencies per entry: 1 for moments, one per field (at most 4) for episodes.
    let fields: Int
    private var terms: [UInt32] = []
    private var entries: [Entry] = []
    private var positions: [UInt32] = []

    init(fields: Int) {
        precondition((1...4).contains(fields), "an entry holds at most four frequencies")
        self.fields = fields
    }

    /// A moment's term: one field.
    mutating func append(term: Int, document: UInt32, positions list: some Collection<UInt32>) {
        terms.append(UInt32(term))
        var entry = Entry(document: document, positionStart: UInt32(positions.count))
        entry.frequencies.0 = UInt32(list.count)
        entries.append(entry)
        positions.append(contentsOf: list)
    }

    /// An episode's term: the positions of all fields in a row, `counts[f]` in field `f`.
    mutating func append(term: Int, document: UInt32, counts: UnsafeBufferPointer<Int>, positions list: UnsafeBufferPointer<UInt32>) {
        terms.append(UInt32(term))
        var entry = Entry(document: document, positionStart: UInt32(positions.count))
        var used = 0
        for (field, count) in counts.prefix(fields).enumerated() {
            entry[field] = UInt32(count)
            used += count
        }
        entries.append(entry)
        positions.append(contentsOf: list.prefix(used))
    }

    /// The entries moved into term order: for term `t`, `entries[starts[t]..<starts[t + 1]]`,
    /// with their positions moved along (`positionStart` points into `positions`).
    struct Groups {
        var starts: [Int]
        var entries: [Entry]
        var positions: [UInt32]

        /// How many documents term `t` occurs in.
        func count(_ term: Int) -> Int { starts[term + 1] - starts[term] }
    }

    /// Moves the entries into term order (`termCount` terms, numbered from 0) with a stable
    /// counting sort, so each term's documents stay in increasing order. Entries and positions
    /// are read in order and written where they belong: scattered writes cost far less than
    /// the scattered reads that writing the postings would otherwise make.
    func grouped(termCount: Int) -> Groups {
        var starts = [Int](repeating: 0, count: termCount + 1)
        var positionStarts = [Int](repeating: 0, count: termCount + 1)
        for (term, entry) in zip(terms, entries) {
            starts[Int(term) + 1] += 1
            positionStarts[Int(term) + 1] += positionCount(entry)
        }
        for index in 0..<termCount {
            starts[index + 1] += starts[index]
            positionStarts[index + 1] += positionStarts[index]
        }
        var nextEntry = starts, nextPosition = positionStarts
        var sorted = [Entry](repeating: Entry(document: 0, positionStart: 0), count: entries.count)
        var sortedPositions = [UInt32](repeating: 0, count: positions.count)
        positions.withUnsafeBufferPointer { source in
            sortedPositions.withUnsafeMutableBufferPointer { target in
                for (term, entry) in zip(terms, entries) {
                    let term = Int(term), count = positionCount(entry)
                    var moved = entry
                    moved.positionStart = UInt32(nextPosition[term])
                    let from = Int(entry.positionStart), to = nextPosition[term]
                    for offset in 0..<count { target[to + offset] = source[from + offset] }
                    nextPosition[term] += count
                    sorted[nextEntry[term]] = moved
                    nextEntry[term] += 1
                }
            }
        }
        return Groups(starts: starts, entries: sorted, positions: sortedPositions)
    }

    /// How many positions an entry has (the sum of its frequencies).
    private func positionCount(_ entry: Entry) -> Int {
        var count = 0
        for field in 0..<fields { count += Int(entry[field]) }
        return count
    }

    /// One segment's entries of a term (`IndexWriter`): `entries[range]` of `groups[segment]`,
    /// their documents numbered from `documentBase` in the whole index.
    struct Run {
        var segment: Int
        var range: Range<Int>
        var documentBase: UInt32
    }

    /// Buffers reused from term to term while writing.
    struct Scratch {
        var runs: [Run] = []
        var blocks = ByteWriter()
        var blockEnds: [Int] = []
        var blockPositionBytes: [Int] = []
        var lastDocuments: [UInt32] = []
    }

    /// Writes the postings of one term — the entries of `scratch.runs`, one segment's after
    /// the other, as one list — to `postings` and their positions to `positions`; for episode
    /// postings, `notes` writes each notes frequency with its level.
    func write(_ groups: [Groups], notes: NotesFrequencyWriter?, postings: inout ByteWriter, positions output: inout ByteWriter,
               scratch: inout Scratch) {
        let runs = scratch.runs
        let count = runs.reduce(0) { $0 + $1.range.count }
        guard count > 0 else { return }
        let blockCount = (count + IndexFormat.blockSize - 1) / IndexFormat.blockSize
        var run = 0, slot = runs[0].range.lowerBound
        var previous: UInt32 = 0, isFirst = true
        /// The next block's entries (at most `blockSize`), run by run; returns its last document.
        func block(to writer: inout ByteWriter) -> UInt32 {
            var left = IndexFormat.blockSize
            while left > 0, run < runs.count {
                let current = runs[run]
                let end = min(current.range.upperBound, slot + left)
                previous = writeBlock(groups[current.segment], slot..<end, base: current.documentBase, previous: previous, isFirst: isFirst,
                                      notes: notes, to: &writer, positions: &output)
                isFirst = false
                left -= end - slot
                slot = end
                if slot == current.range.upperBound {
                    run += 1
                    if run < runs.count { slot = runs[run].range.lowerBound }
                }
            }
            return previous
        }
        guard blockCount > 1 else {
            _ = block(to: &postings)
            return
        }
        scratch.blocks.bytes.removeAll(keepingCapacity: true)
        scratch.blockEnds.removeAll(keepingCapacity: true)
        scratch.blockPositionBytes.removeAll(keepingCapacity: true)
        scratch.lastDocuments.removeAll(keepingCapacity: true)
        for _ in 0..<blockCount {
            let positionsStart = output.count
            let last = block(to: &scratch.blocks)
            scratch.blockEnds.append(scratch.blocks.count)
            scratch.blockPositionBytes.append(output.count - positionsStart)
            scratch.lastDocuments.append(last)
        }
        var lastDocument: UInt32 = 0
        var blockStart = 0
        for block in 0..<blockCount {
            postings.varint(Int(scratch.lastDocuments[block] - lastDocument))
            lastDocument = scratch.lastDocuments[block]
            postings.varint(scratch.blockEnds[block] - blockStart)
            blockStart = scratch.blockEnds[block]
            postings.varint(scratch.blockPositionBytes[block])
        }
        postings.append(scratch.blocks.bytes)
    }

    /// Writes the grouped entries in `slots` (one block); returns the last document.
    private func writeBlock(_ groups: Groups, _ slots: Range<Int>, base: UInt32, previous start: UInt32, isFirst: Bool,
                            notes: NotesFrequencyWriter?, to writer: inout ByteWriter, positions output: inout ByteWriter) -> UInt32 {
        var previous = start
        var isFirst = isFirst
        for slot in slots {
            let entry = groups.entries[slot]
            let document = entry.document + base
            let gap = isFirst ? Int(document) : Int(document - previous) - 1
            isFirst = false
            previous = document
            if fields == 1 {
                let frequency = Int(entry.frequencies.0)
                writer.varint(gap << 1 | (frequency > 1 ? 1 : 0))
                if frequency > 1 { writer.varint(frequency) }
            } else {
                var mask = 0
                for field in 0..<fields where entry[field] > 0 { mask |= 1 << field }
                writer.varint(gap << 4 | mask)
                var fieldStart = Int(entry.positionStart)
                for field in 0..<fields where entry[field] > 0 {
                    let count = Int(entry[field])
                    if let notes, field == notes.field {
                        writer.varint(groups.positions.withUnsafeBufferPointer { positions in
                            notes.word(episode: document, positions: UnsafeBufferPointer(rebasing: positions[fieldStart..<fieldStart + count]))
                        })
                    } else {
                        writer.varint(count)
                    }
                    fieldStart += count
                }
            }
            var position = Int(entry.positionStart)
            for field in 0..<fields {
                var last: UInt32 = 0
                for _ in 0..<entry[field] {
                    let value = groups.positions[position]
                    output.varint(Int(value &- last))
                    last = value
                    position += 1
                }
            }
        }
        return previous
    }
}
