/// Decoded postings of one term in one space (moments or episodes).
struct Postings {
    var documents: [UInt32] = []
    /// `fields` counts per document.
    var frequencies = CompactCounts()
    let fields: Int
    /// Byte offset, in the positions section, where each block's positions start.
    var blockPositions: [Int] = []
    /// Episode postings: per document, its notes frequency times the level stored with it
    /// (`NotesCeilings`; below 2³², as the frequency is below 2²⁹).
    var notesCeilings = CompactCounts()

    func frequency(_ index: Int, field: Int = 0) -> UInt32 { frequencies[index * fields + field] }

    func totalFrequency(_ index: Int) -> Int {
        var total = 0
        for field in 0..<fields { total += Int(frequencies[index * fields + field]) }
        return total
    }

    /// The index of `document` in this list, if present (binary search).
    func index(of document: UInt32) -> Int? {
        var low = 0
        var high = documents.count
        while low < high {
            let middle = (low + high) / 2
            if documents[middle] < document { low = middle + 1 } else { high = middle }
        }
        return low < documents.count && documents[low] == document ? low : nil
    }
}

extension IndexReader {
    /// The moment postings of a term.
    func momentPostings(_ info: TermInfo) throws(IndexCorruption) -> Postings {
        try decode(section: .momentPostings, offset: info.momentPostings, count: info.momentCount, fields: 1,
                   limit: UInt32(clamping: momentCount), positions: info.momentPositions)
    }

    /// The episode-context postings of a term (four field frequencies per episode).
    func episodePostings(_ info: TermInfo) throws(IndexCorruption) -> Postings {
        try decode(section: .episodePostings, offset: info.episodePostings, count: info.episodeCount,
                   fields: IndexFormat.EpisodeField.allCases.count, limit: UInt32(clamping: episodeCount), positions: info.episodePositions)
    }

    private func decode(section id: IndexFormat.Section, offset: Int, count: Int, fields: Int, limit: UInt32,
                        positions: Int) throws(IndexCorruption) -> Postings {
        var postings = Postings(fields: fields)
        guard count > 0 else { return postings }
        let space = section(id)
        guard offset >= 0, offset < space.end - space.offset else { throw IndexCorruption("postings offset outside its section") }
        var reader = ByteReader(bytes, from: space.offset + offset, to: space.end)
        let blocks = (count + IndexFormat.blockSize - 1) / IndexFormat.blockSize
        var expectedLast: [UInt32] = []
        var positionStart = positions
        // Every document takes at least a byte: a damaged count cannot reserve more than the section holds.
        let room = reader.end - reader.offset
        postings.blockPositions.reserveCapacity(min(blocks, room))
        if blocks > 1 {
            var last: UInt32 = 0
            for _ in 0..<blocks {
                last &+= UInt32(truncatingIfNeeded: try reader.varint())
                expectedLast.append(last)
                _ = try reader.varint()
                postings.blockPositions.append(positionStart)
                let (next, overflow) = positionStart.addingReportingOverflow(try reader.varint())
                guard !overflow else { throw IndexCorruption("positions offset out of range in skip data") }
                positionStart = next
            }
        } else {
            postings.blockPositions.append(positionStart)
        }
        // Written through buffers sized once (appending cost more than the decoding itself),
        // left uninitialised until written: a damaged count costs address space, not memory.
        let capacity = min(count, room)
        var frequencies: [UInt8] = [], ceilings: [UInt8] = []
        var large = (frequencies: [Int: UInt32](), ceilings: [Int: UInt32]())
        var failure: IndexCorruption?
        let documents = [UInt32](unsafeUninitializedCapacity: capacity) { documents, documentCount in
            frequencies = [UInt8](unsafeUninitializedCapacity: capacity * fields) { frequencies, frequencyCount in
                ceilings = [UInt8](unsafeUninitializedCapacity: fields > 1 ? capacity : 0) { ceilings, ceilingCount in
                    do throws(IndexCorruption) {
                        try Self.decodeDocuments(&reader, count: count, fields: fields, limit: limit, expectedLast: expectedLast,
                                                 documents: documents, frequencies: frequencies, ceilings: ceilings, large: &large)
                        documentCount = count
                        frequencyCount = count * fields
                        ceilingCount = fields > 1 ? count : 0
                    } catch {
                        failure = error
                    }
                }
            }
        }
        if let failure { throw failure }
        postings.documents = documents
        postings.frequencies = CompactCounts(bytes: frequencies, large: large.frequencies)
        postings.notesCeilings = CompactCounts(bytes: ceilings, large: large.ceilings)
        return postings
    }

    /// The documents of a list (after its skip data) into buffers of `count` entries at most
    /// (fewer when the section cannot hold that many: it runs out first, and that throws).
    /// On success every one of the first `count` entries (times `fields`) is written, as
    /// `CompactCounts` bytes, with the counts that do not fit in `large`.
    private static func decodeDocuments(_ reader: inout ByteReader, count: Int, fields: Int, limit: UInt32, expectedLast: [UInt32],
                                        documents: UnsafeMutableBufferPointer<UInt32>, frequencies: UnsafeMutableBufferPointer<UInt8>,
                                        ceilings: UnsafeMutableBufferPointer<UInt8>,
                                        large: inout (frequencies: [Int: UInt32], ceilings: [Int: UInt32])) throws(IndexCorruption) {
        let notesField = IndexFormat.EpisodeField.notes.rawValue
        precondition(fields == 1 || (fields == 4 && notesField == 3), "moment postings have one field, episode postings four")
        let blocks = (count + IndexFormat.blockSize - 1) / IndexFormat.blockSize
        let limit = Int(limit)
        // A document is the previous one plus its gap plus one; the first is its gap. (Numbers
        // read are below 2⁴⁴, so these sums cannot overflow.) Moments and episodes apart, so
        // that neither loop tests which it is.
        var previous = -1
        var number = 0
        for block in 0..<blocks {
            let size = min(IndexFormat.blockSize, count - block * IndexFormat.blockSize)
            guard number + size <= documents.count else { throw IndexCorruption("truncated postings") }
            if fields == 1 {
                for _ in 0..<size {
                    let word = try reader.varint()
                    previous += word >> 1 + 1
                    guard previous < limit else { throw IndexCorruption("document id out of range in postings") }
                    documents[number] = UInt32(truncatingIfNeeded: previous)
                    let frequency = word & 1 == 1 ? UInt32(truncatingIfNeeded: try reader.varint()) : 1
                    CompactCounts.store(frequency, at: number, in: frequencies, large: &large.frequencies)
                    number += 1
                }
            } else {
                for _ in 0..<size {
                    let word = try reader.varint()
                    previous += word >> 4 + 1
                    guard previous < limit else { throw IndexCorruption("document id out of range in postings") }
                    documents[number] = UInt32(truncatingIfNeeded: previous)
                    let mask = word & 0xF
                    guard mask != 0 else { throw IndexCorruption("episode posting with no field") }
                    // The four fields written out (title, podcast, people, notes): a loop over
                    // them cost more than the rest of the entry.
                    let base = number &* 4
                    let title = mask & 1 != 0 ? UInt32(truncatingIfNeeded: try reader.varint()) : 0
                    CompactCounts.store(title, at: base, in: frequencies, large: &large.frequencies)
                    let podcast = mask & 2 != 0 ? UInt32(truncatingIfNeeded: try reader.varint()) : 0
                    CompactCounts.store(podcast, at: base + 1, in: frequencies, large: &large.frequencies)
                    let people = mask & 4 != 0 ? UInt32(truncatingIfNeeded: try reader.varint()) : 0
                    CompactCounts.store(people, at: base + 2, in: frequencies, large: &large.frequencies)
                    // The notes field's word holds its level in the low bits (`NotesCeilings`).
                    let notes = mask & 8 != 0 ? UInt32(truncatingIfNeeded: try reader.varint()) : 0
                    let frequency = notes >> NotesCeilings.levelBits
                    CompactCounts.store(frequency, at: base + notesField, in: frequencies, large: &large.frequencies)
                    CompactCounts.store(frequency * (notes & UInt32(NotesCeilings.levelMask)), at: number, in: ceilings, large: &large.ceilings)
                    number += 1
                }
            }
            if blocks > 1, expectedLast[block] != UInt32(truncatingIfNeeded: previous) {
                throw IndexCorruption("skip data disagrees with postings")
            }
        }
    }

    /// Appends the positions of one field of the `index`-th document of `postings` to
    /// `buffer`, continuing from `cursor` like `readPositions`, without building
    /// the other fields' lists. (`postings` is `inout` only to be lent, not copied: callers
    /// take it from an array, and a copy retains and releases each of its four arrays, which
    /// for a phrase's tens of thousands of documents was a tenth of the query.)
    @inline(__always)
    func appendPositions(_ postings: inout Postings, at index: Int, field: Int, cursor: inout PositionsCursor,
                         to buffer: inout [UInt32]) throws(IndexCorruption) {
        var reader = try positionsReader(postings, at: index, cursor: cursor)
        defer { cursor = PositionsCursor(next: index + 1, offset: reader.offset - section(.positions).offset) }
        let base = index * postings.fields
        try reader.skipVarints(postings.frequencies.sum(base..<base + field))
        try Self.appendGaps(Int(postings.frequency(index, field: field)), from: &reader, to: &buffer)
        try reader.skipVarints(postings.frequencies.sum(base + field + 1..<base + postings.fields))
    }

    /// Appends `count` positions stored as gaps.
    private static func appendGaps(_ count: Int, from reader: inout ByteReader, to buffer: inout [UInt32]) throws(IndexCorruption) {
        guard count <= 1_000_000 else { throw IndexCorruption("implausible term frequency") }
        var last: UInt32 = 0
        for _ in 0..<count {
            last &+= UInt32(truncatingIfNeeded: try reader.varint())
            buffer.append(last)
        }
    }

    /// Positions of the `index`-th document of `postings`, one list per field (field-local),
    /// into `fields`, reusing the lists' storage; continuing from `cursor` when it lies earlier
    /// in the same block (sequential reads then cost only the documents in between).
    /// (`inout` only to lend `postings`, as for `appendPositions`.)
    @inline(__always)
    func readPositions(_ postings: inout Postings, at index: Int, cursor: inout PositionsCursor,
                       into fields: inout [[UInt32]]) throws(IndexCorruption) {
        var reader = try positionsReader(postings, at: index, cursor: cursor)
        defer { cursor = PositionsCursor(next: index + 1, offset: reader.offset - section(.positions).offset) }
        if fields.count != postings.fields { fields = Array(repeating: [], count: postings.fields) }
        for field in 0..<postings.fields {
            fields[field].removeAll(keepingCapacity: true)
            try Self.appendGaps(Int(postings.frequency(index, field: field)), from: &reader, to: &fields[field])
        }
    }

    /// A reader at the positions of the `index`-th document: from its block's start, or from
    /// `cursor` when that lies earlier in the same block.
    @inline(__always)
    private func positionsReader(_ postings: Postings, at index: Int, cursor: PositionsCursor) throws(IndexCorruption) -> ByteReader {
        let block = index / IndexFormat.blockSize
        guard index >= 0, index < postings.documents.count, block < postings.blockPositions.count else {
            throw IndexCorruption("positions block out of range")
        }
        let space = section(.positions)
        var from = block * IndexFormat.blockSize
        var start = postings.blockPositions[block]
        if cursor.next > from, cursor.next <= index, cursor.next / IndexFormat.blockSize == block {
            from = cursor.next
            start = cursor.offset
        }
        guard start >= 0, start <= space.end - space.offset else { throw IndexCorruption("positions offset outside its section") }
        var reader = ByteReader(bytes, from: space.offset + start, to: space.end)
        try reader.skipVarints(postings.frequencies.sum(from * postings.fields..<index * postings.fields))
        return reader
    }

    // MARK: Stored fields

    /// The moments of an episode, in order; `firstMoment(ofEpisode:)` numbers the first.
    func momentRecords(ofEpisode id: Int) throws(IndexCorruption) -> [MomentLayout.Record] {
        var records: [MomentLayout.Record] = []
        try momentRecords(ofEpisode: id, into: &records)
        return records
    }

    /// The same into a buffer the caller reuses (the search visits thousands of episodes).
    func momentRecords(ofEpisode id: Int, into records: inout [MomentLayout.Record]) throws(IndexCorruption) {
        guard id >= 0, id < episodeCount else { throw IndexCorruption("episode id out of range") }
        var table = section(.episodes)
        try table.skip(id * IndexFormat.episodeRecordSize + 4)
        let offset = Int(try table.u32())
        let layout = section(.moments)
        guard offset <= layout.end - layout.offset else { throw IndexCorruption("moment layout offset outside its section") }
        var reader = ByteReader(bytes, from: layout.offset + offset, to: layout.end)
        try MomentLayout.decode(&reader, into: &records)
        guard records.count == (try firstMoment(ofEpisode: id + 1)) - (try firstMoment(ofEpisode: id)) else {
            throw IndexCorruption("moment layout disagrees with the episode table")
        }
    }

    /// One moment's record.
    func momentRecord(_ id: Int) throws(IndexCorruption) -> MomentLayout.Record {
        guard id >= 0, id < momentCount else { throw IndexCorruption("moment id out of range") }
        let episode = try episode(ofMoment: id)
        let records = try momentRecords(ofEpisode: episode)
        let index = id - (try firstMoment(ofEpisode: episode))
        guard index >= 0, index < records.count else { throw IndexCorruption("moment id out of range") }
        return records[index]
    }

    /// The first moment of an episode (moments of one episode are numbered contiguously).
    func firstMoment(ofEpisode id: Int) throws(IndexCorruption) -> Int {
        if id == episodeCount { return momentCount }
        guard id >= 0, id < episodeCount else { throw IndexCorruption("episode id out of range") }
        // The table's size was checked against the episode count when the file was opened.
        let offset = place(.episodes).offset + id * IndexFormat.episodeRecordSize
        let first = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        guard first <= momentCount else { throw IndexCorruption("episode's first moment out of range") }
        return first
    }

    /// The moments of a range of episodes: from its first episode's first moment to the first
    /// moment after its last episode.
    func moments(ofEpisodes episodes: Range<UInt32>) throws(IndexCorruption) -> Range<UInt32> {
        UInt32(try firstMoment(ofEpisode: Int(episodes.lowerBound)))..<UInt32(try firstMoment(ofEpisode: Int(episodes.upperBound)))
    }

    /// The low 32 bits of the content hash of an episode's source and its root number (see
    /// `IndexBuilder.beginSource`).
    func sourceRecord(ofEpisode id: Int) throws(IndexCorruption) -> (hash: UInt32, root: Int) {
        guard id >= 0, id < episodeCount else { throw IndexCorruption("episode id out of range") }
        var table = section(.episodes)
        try table.skip(id * IndexFormat.episodeRecordSize + 8)
        let hash = try table.u32()
        let root = Int(try table.u8()) | Int(try table.u8()) << 8
        return (hash, root)
    }

    /// The folders the sources were found under, relative to `folder` (metadata `roots`);
    /// `sourceRecord(ofEpisode:).root` numbers them.
    public func roots() throws(IndexCorruption) -> [String] {
        (try metadata("roots") ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The episode a moment belongs to (binary search over the episodes' first moments).
    func episode(ofMoment moment: Int) throws(IndexCorruption) -> Int {
        var low = 0
        var high = episodeCount - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if try firstMoment(ofEpisode: middle) <= moment { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Appends the episodes of ascending `moments`, each once: a moment in the episode just
    /// found costs one compare; the next episode is found by galloping up from the last one
    /// (matches cluster, so that is a step or two, never more than a binary search's work).
    func appendEpisodes(ofSortedMoments moments: ArraySlice<UInt32>, to episodes: inout [UInt32]) throws(IndexCorruption) {
        var episode = -1
        var end = 0   // first moment after `episode`
        for moment in moments {
            let moment = Int(moment)
            if moment < end { continue }
            guard moment < momentCount else { throw IndexCorruption("moment id out of range") }
            // The episode is the last whose first moment is <= moment: in (episode, episodeCount).
            var low = episode + 1
            var step = 1
            var high = min(episodeCount - 1, low + step)
            while high < episodeCount - 1, try firstMoment(ofEpisode: high) <= moment {
                low = high
                step *= 2
                high = min(episodeCount - 1, low + step)
            }
            while low < high {
                let middle = (low + high + 1) / 2
                if try firstMoment(ofEpisode: middle) <= moment { low = middle } else { high = middle - 1 }
            }
            episode = low
            end = try firstMoment(ofEpisode: episode + 1)
            episodes.append(UInt32(episode))
        }
    }

    /// Readers of the stored texts (each remembers its last inflated block).
    func momentTexts() throws(IndexCorruption) -> TextStoreReader { try TextStoreReader(section(.momentTexts)) }
    func episodeTexts() throws(IndexCorruption) -> TextStoreReader { try TextStoreReader(section(.episodeTexts)) }

    /// Length norm of a moment's text.
    func momentNorm(_ id: Int) -> Double {
        let place = place(.norms)
        guard id >= 0, id < momentCount, id < place.length else { return 1 }
        return decodedNorm(bytes[place.offset + id])
    }

    /// Length norm of an episode's field.
    func episodeNorm(_ id: Int, field: Int) -> Double {
        let index = momentCount + id * IndexFormat.episodeNormCount + field
        let place = place(.norms)
        guard id >= 0, id < episodeCount, field >= 0, field < IndexFormat.episodeNormCount, index < place.length else { return 1 }
        return decodedNorm(bytes[place.offset + index])
    }

    /// BM25's length normaliser of a moment's text.
    func momentNormaliser(_ id: Int) -> Double {
        let place = place(.norms)
        guard id >= 0, id < momentCount, id < place.length else { return 1 }
        return normaliser(bytes[place.offset + id], row: IndexFormat.EpisodeField.allCases.count)
    }

    /// BM25's length normaliser of an episode's context field, or with `field` =
    /// `IndexFormat.EpisodeField.allCases.count`, of its shortest takeaway or summary (a moment's length;
    /// the largest norm when it has none).
    func episodeNormaliser(_ id: Int, field: Int) -> Double {
        let index = momentCount + id * IndexFormat.episodeNormCount + field
        let place = place(.norms)
        guard id >= 0, id < episodeCount, field >= 0, field < IndexFormat.episodeNormCount, index < place.length else { return 1 }
        return normaliser(bytes[place.offset + index], row: field)
    }
}

/// Stored episode strings, in the order `EpisodeAnalysis.strings` writes them.
enum EpisodeString: Int, CaseIterable {
    case title = 0, podcast, source, guid, link, audio, published, people
}

/// Where sequential position reads left off: the next document's index and its byte offset.
struct PositionsCursor {
    var next = -1
    var offset = 0
}
