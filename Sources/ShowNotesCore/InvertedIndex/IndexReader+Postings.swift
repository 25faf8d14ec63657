/// Decoded postings of one term in one space (moments or episodes).
struct Postings {
    var documents: [UInt32] = []
    /// `fields` counts per document.
    var frequencies: [UInt32] = []
    let fields: Int
    /// Byte offset of the term's positions in the positions section (read only by phrase queries).
    var positionsStart = 0

    func frequency(_ index: Int, field: Int = 0) -> UInt32 { frequencies[index * fields + field] }

    func totalFrequency(_ index: Int) -> Int {
        var total = 0
        for field in 0..<fields { total += Int(frequencies[index * fields + field]) }
        return total
    }
}

extension IndexReader {
    /// The moment postings of a term.
    func momentPostings(_ info: TermInfo) throws(IndexCorruption) -> Postings {
        try decode(section: .unitPostings, offset: info.momentPostings, count: info.momentCount, fields: 1,
                   limit: UInt32(momentCount), positions: info.momentPositions)
    }

    /// The episode-context postings of a term (four field frequencies per episode).
    func episodePostings(_ info: TermInfo) throws(IndexCorruption) -> Postings {
        try decode(section: .episodePostings, offset: info.episodePostings, count: info.episodeCount,
                   fields: IndexFormat.EpisodeField.allCases.count, limit: UInt32(episodeCount), positions: info.episodePositions)
    }

    private func decode(section id: IndexFormat.Section, offset: Int, count: Int, fields: Int, limit: UInt32,
                        positions: Int) throws(IndexCorruption) -> Postings {
        var postings = Postings(fields: fields, positionsStart: positions)
        guard count > 0 else { return postings }
        let space = section(id)
        guard offset >= 0, offset < space.end - space.offset else { throw IndexCorruption("postings offset outside its section") }
        var reader = ByteReader(bytes, from: space.offset + offset, to: space.end)
        let blocks = (count + IndexFormat.blockSize - 1) / IndexFormat.blockSize
        var expectedLast: [UInt32] = []
        if blocks > 1 {
            var last: UInt32 = 0
            for _ in 0..<blocks {
                last &+= UInt32(truncatingIfNeeded: try reader.varint())
                expectedLast.append(last)
                _ = try reader.varint()
                _ = try reader.varint()
            }
        }
        postings.documents.reserveCapacity(count)
        postings.frequencies.reserveCapacity(count * fields)
        var previous: UInt32 = 0
        for block in 0..<blocks {
            let size = min(IndexFormat.blockSize, count - block * IndexFormat.blockSize)
            for index in 0..<size {
                let gap = try reader.varint()
                let first = block == 0 && index == 0
                let document = first ? UInt64(gap) : UInt64(previous) + UInt64(gap) + 1
                guard document < UInt64(limit) else { throw IndexCorruption("document id out of range in postings") }
                previous = UInt32(document)
                postings.documents.append(previous)
            }
            for _ in 0..<size * fields { postings.frequencies.append(UInt32(truncatingIfNeeded: try reader.varint())) }
            if blocks > 1, expectedLast[block] != previous { throw IndexCorruption("skip data disagrees with postings") }
        }
        return postings
    }

    /// Positions of every document of `postings`, in order: `result[i]` for document `i`.
    func positions(_ postings: Postings) throws(IndexCorruption) -> [[UInt32]] {
        let space = section(.positions)
        guard postings.positionsStart >= 0, postings.positionsStart <= space.end - space.offset else {
            throw IndexCorruption("positions offset outside its section")
        }
        var reader = ByteReader(bytes, from: space.offset + postings.positionsStart, to: space.end)
        var result: [[UInt32]] = []
        result.reserveCapacity(postings.documents.count)
        for index in postings.documents.indices {
            let total = postings.totalFrequency(index)
            guard total <= 1_000_000 else { throw IndexCorruption("implausible term frequency") }
            var list: [UInt32] = []
            list.reserveCapacity(total)
            var last: UInt32 = 0
            for _ in 0..<total {
                last &+= UInt32(truncatingIfNeeded: try reader.varint())
                list.append(last)
            }
            result.append(list)
        }
        return result
    }

    // MARK: Stored fields

    /// What a result line needs about a moment.
    struct StoredMoment {
        var kind: MomentKind
        var start: Double?
        var text: String
        var episode: Int
    }

    func moment(_ id: Int) throws(IndexCorruption) -> StoredMoment {
        guard id >= 0, id < momentCount else { throw IndexCorruption("moment id out of range") }
        var reader = section(.units)
        try reader.skip(id * 13)
        guard let kind = MomentKind(rawValue: try reader.u8()) else { throw IndexCorruption("unknown moment kind") }
        let millis = try reader.u32()
        let text = try string(at: try reader.u32())
        let episode = Int(try reader.u32())
        guard episode < episodeCount else { throw IndexCorruption("episode id out of range") }
        return StoredMoment(kind: kind, start: millis == UInt32.max ? nil : Double(millis) / 1000, text: text, episode: episode)
    }

    /// The first moment of an episode (moments of one episode are numbered contiguously).
    func firstMoment(ofEpisode id: Int) throws(IndexCorruption) -> Int {
        if id == episodeCount { return momentCount }
        guard id >= 0, id < episodeCount else { throw IndexCorruption("episode id out of range") }
        var reader = section(.episodes)
        try reader.skip(id * 36)
        let first = Int(try reader.u32())
        guard first <= momentCount else { throw IndexCorruption("episode's first moment out of range") }
        return first
    }

    /// Stored episode strings: title, podcast, source, guid, link, audio, published, people.
    func episodeFields(_ id: Int) throws(IndexCorruption) -> [String] {
        guard id >= 0, id < episodeCount else { throw IndexCorruption("episode id out of range") }
        var reader = section(.episodes)
        try reader.skip(id * 36 + 4)
        var fields: [String] = []
        for _ in 0..<8 { fields.append(try string(at: try reader.u32())) }
        return fields
    }

    func string(at offset: UInt32) throws(IndexCorruption) -> String {
        var reader = section(.strings)
        try reader.skip(Int(offset))
        return try reader.string()
    }

    /// Length norm of a moment's text.
    func momentNorm(_ id: Int) -> Double {
        guard let place = sections[.norms], id >= 0, id < momentCount, id < place.length else { return 1 }
        return IndexFormat.decodedNorms[Int(bytes[place.offset + id])]
    }

    /// Length norm of an episode's field.
    func episodeNorm(_ id: Int, field: Int) -> Double {
        let fields = IndexFormat.EpisodeField.allCases.count
        let index = momentCount + id * fields + field
        guard let place = sections[.norms], id >= 0, id < episodeCount, index < place.length else { return 1 }
        return IndexFormat.decodedNorms[Int(bytes[place.offset + index])]
    }
}
