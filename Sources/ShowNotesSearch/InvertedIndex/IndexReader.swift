/// Opens an index file by memory-mapping it: the header and section table are checked,
/// nothing else is decoded until a query asks for it.
public final class IndexReader: @unchecked Sendable {
    /// Why an index cannot be used.
    public enum OpenError: Error, Sendable, Equatable, CustomStringConvertible {
        case missing(String)
        /// Something is at the path but cannot be read: the path and the system's reason.
        case unreadable(String, String)
        case corrupted(String, String)
        case otherVersion(String, UInt32)

        public var description: String {
            switch self {
            case .missing(let path):
                return "\(path): error: no index here; build one with `shownotes index [SOURCES...] --index DIR`"
            case .unreadable(let path, let reason):
                return "\(path): error: cannot read the index: \(reason)"
            case .corrupted(let path, let what):
                return "error: index corrupted: \(path): \(what)"
            case .otherVersion(let path, let version):
                return "\(path): error: index format \(version) was written by another version of shownotes (this one reads format \(IndexFormat.version)); rebuild it with `shownotes index`"
            }
        }
    }

    /// A term's entry in the dictionary.
    struct TermInfo {
        var term: String
        var momentCount: Int
        var episodeCount: Int
        var momentPostings: Int
        var episodePostings: Int
        var momentPositions: Int
        var episodePositions: Int
    }

    public let path: String
    private let file: MappedFile
    /// The mapped file (`file` keeps it mapped).
    let bytes: UnsafeRawBufferPointer
    private let layout: Layout
    /// `layout.sections` and the norm decoding table, in storage of this reader's own: read in
    /// the ranking's inner loops, where array properties would be retained and released on
    /// every access.
    private let places: UnsafeMutableBufferPointer<(offset: Int, length: Int, crc: UInt32)>
    private let norms: UnsafeMutableBufferPointer<Double>
    /// BM25's length normaliser of every norm byte (`Ranking.lengthNormaliser`), 256 per row:
    /// a row per context field (with its average length), then one for moments (theirs).
    /// Ranking reads one per moment and five per candidate episode.
    private let normalisers: UnsafeMutableBufferPointer<Double>
    public var episodeCount: Int { layout.episodeCount }
    public var momentCount: Int { layout.momentCount }
    public var termCount: Int { layout.termCount }
    var averageMomentLength: Double { layout.averageMomentLength }
    var averageEpisodeLengths: [Double] { layout.averageEpisodeLengths }

    /// What opening the file establishes: section places, counts, averages, metadata places.
    struct Layout {
        /// Indexed by `Section.rawValue`: offset and length.
        var sections: [(offset: Int, length: Int, crc: UInt32)] = Array(repeating: (0, 0, 0), count: IndexFormat.Section.allCases.count + 1)
        var episodeCount = 0
        var momentCount = 0
        var termCount = 0
        var averageMomentLength = 1.0
        var averageEpisodeLengths: [Double] = []
        /// Where each metadata value lies (inflated only when asked for: the manifest is large),
        /// by key, in file order (a later one of a key wins). A list, not a dictionary: building
        /// the dictionary (or a list of ranges, whose bound must be looked up as `Comparable`)
        /// cost ~100,000 instructions of runtime type lookups, 8% of a search that finds nothing.
        var metadataPlaces: [(key: String, start: Int, end: Int)] = []
    }

    public init(path: String) throws(OpenError) {
        self.path = path
        let file: MappedFile
        do {
            file = try MappedFile(path: path)
        } catch {
            switch error {
            case .missing: throw .missing(path)
            case .unreadable(let reason): throw .unreadable(path, reason)
            }
        }
        self.file = file
        bytes = file.bytes
        if file.bytes.count >= 12, Array(file.bytes[0..<8]) == IndexFormat.magic {
            let version = (8..<12).reduce(UInt32(0)) { $0 | UInt32(file.bytes[$1]) << UInt32(8 * ($1 - 8)) }
            if version != IndexFormat.version { throw .otherVersion(path, version) }
        }
        do {
            var layout = Layout()
            try Self.readHeader(file.bytes, into: &layout)
            try Self.readMeta(file.bytes, into: &layout)
            self.layout = layout
        } catch {
            throw .corrupted(path, error.what)
        }
        places = .allocate(capacity: layout.sections.count)
        _ = places.initialize(from: layout.sections)
        norms = .allocate(capacity: IndexFormat.decodedNorms.count)
        _ = norms.initialize(from: IndexFormat.decodedNorms)
        let episodeAverages = layout.averageEpisodeLengths
        let averages = (0..<IndexFormat.EpisodeField.allCases.count).map { field in
            field < episodeAverages.count ? max(1, episodeAverages[field]) : 1
        } + [layout.averageMomentLength]
        normalisers = .allocate(capacity: averages.count * 256)
        _ = normalisers.initialize(from: averages.flatMap(Ranking.lengthNormalisers(average:)))
    }

    deinit {
        places.deallocate()
        norms.deallocate()
        normalisers.deallocate()
    }

    private static func readHeader(_ bytes: UnsafeRawBufferPointer, into layout: inout Layout) throws(IndexCorruption) {
        var reader = ByteReader(bytes)
        guard bytes.count >= IndexFormat.headerSize else { throw IndexCorruption("file is too short for a header (\(bytes.count) bytes)") }
        for expected in IndexFormat.magic where try reader.u8() != expected {
            throw IndexCorruption("bad magic number: not a shownotes index")
        }
        let version = try reader.u32()
        guard version == IndexFormat.version else { throw IndexCorruption("unsupported format version \(version)") }
        let count = try reader.u32()
        guard count == UInt32(IndexFormat.Section.allCases.count) else { throw IndexCorruption("unexpected section count \(count)") }
        var end = IndexFormat.headerSize
        for expected in IndexFormat.Section.allCases {
            let id = try reader.u32()
            let offset = try reader.u64()
            let length = try reader.u64()
            let crc = try reader.u32()
            guard id == expected.rawValue else { throw IndexCorruption("section table out of order") }
            guard offset == UInt64(end), length <= UInt64(bytes.count), offset + length <= UInt64(bytes.count) else {
                throw IndexCorruption("section \(expected) lies outside the file (truncated?)")
            }
            layout.sections[Int(expected.rawValue)] = (Int(offset), Int(length), crc)
            end = Int(offset + length)
        }
        guard end == bytes.count else { throw IndexCorruption("\(bytes.count - end) unexpected bytes after the last section") }
    }

    private static func readMeta(_ bytes: UnsafeRawBufferPointer, into layout: inout Layout) throws(IndexCorruption) {
        func size(_ section: IndexFormat.Section) -> Int { layout.sections[Int(section.rawValue)].length }
        let meta = layout.sections[Int(IndexFormat.Section.meta.rawValue)]
        var reader = ByteReader(bytes, from: meta.offset, to: meta.offset + meta.length)
        layout.episodeCount = try reader.varint()
        layout.momentCount = try reader.varint()
        layout.termCount = try reader.varint()
        layout.averageMomentLength = max(1, try reader.f64())
        layout.averageEpisodeLengths = try IndexFormat.EpisodeField.allCases.map { _ throws(IndexCorruption) in try reader.f64() }
        guard layout.averageMomentLength.isFinite, layout.averageEpisodeLengths.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw IndexCorruption("implausible average field lengths")
        }
        let pairs = try reader.varint()
        guard pairs < 10_000 else { throw IndexCorruption("implausible metadata count") }
        for _ in 0..<pairs {
            let key = try reader.string()
            let length = try reader.varint()
            guard length <= reader.end - reader.offset else { throw IndexCorruption("metadata value runs past its section") }
            layout.metadataPlaces.append((key, reader.offset, reader.offset + length))
            try reader.skip(length)
        }
        guard size(.norms) == layout.momentCount + layout.episodeCount * IndexFormat.episodeNormCount,
              size(.episodes) == layout.episodeCount * IndexFormat.episodeRecordSize,
              size(.termIndex) == ((layout.termCount + IndexFormat.termsPerBlock - 1) / IndexFormat.termsPerBlock) * 4
        else { throw IndexCorruption("section sizes disagree with the counts in the header") }
    }

    /// A metadata value written by `IndexBuilder.metadata` (`fingerprint`, `manifest`).
    public func metadata(_ key: String) throws(IndexCorruption) -> String? {
        guard let place = layout.metadataPlaces.last(where: { $0.key == key }).map({ $0.start..<$0.end }) else { return nil }
        let value = try TextStoreReader.inflate(UnsafeRawBufferPointer(rebasing: bytes[place]))
        return String(decoding: value, as: UTF8.self)
    }

    /// A reader bounded to one section.
    func section(_ section: IndexFormat.Section) -> ByteReader {
        let place = place(section)
        return ByteReader(bytes, from: place.offset, to: place.offset + place.length)
    }

    /// Offset and length of a section in the file.
    @inline(__always)
    func place(_ section: IndexFormat.Section) -> (offset: Int, length: Int, crc: UInt32) {
        places[Int(section.rawValue)]
    }

    /// A length norm byte's value (`IndexFormat.decodedNorms`).
    @inline(__always)
    func decodedNorm(_ code: UInt8) -> Double { norms[Int(code)] }

    /// The length normaliser of norm byte `code` in `row` (a context field, or
    /// `IndexFormat.EpisodeField.allCases.count` for moments).
    @inline(__always)
    func normaliser(_ code: UInt8, row: Int) -> Double { normalisers[row << 8 | Int(code)] }

    /// The byte sizes of each section, for `stats`.
    public var sectionSizes: [(name: String, bytes: Int)] {
        IndexFormat.Section.allCases.map { ("\($0)", place($0).length) }
    }

    public var fileSize: Int { bytes.count }

    /// The folder the index file is in (the index's `roots` are relative to it).
    var folder: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    // MARK: Dictionary

    /// The entry of `term`, if it is in the index.
    func lookup(_ term: String) throws(IndexCorruption) -> TermInfo? {
        guard termCount > 0 else { return nil }
        let key = Array(term.utf8)
        // Binary search over the blocks' first terms.
        var low = 0
        var high = (termCount + IndexFormat.termsPerBlock - 1) / IndexFormat.termsPerBlock - 1
        while low < high {
            let middle = (low + high + 1) / 2
            let first = try firstTerm(ofBlock: middle)
            if first.lexicographicallyPrecedes(key) || first == key { low = middle } else { high = middle - 1 }
        }
        var found: TermInfo? = nil
        try scanBlock(low) { info, bytes in
            if bytes == key { found = info; return false }
            return !key.lexicographicallyPrecedes(bytes)
        }
        return found
    }

    /// Every term starting with `prefix`, in order (at most `limit`).
    func terms(withPrefix prefix: String, limit: Int = 5000) throws(IndexCorruption) -> [TermInfo] {
        guard termCount > 0 else { return [] }
        let key = Array(prefix.utf8)
        var low = 0
        var high = (termCount + IndexFormat.termsPerBlock - 1) / IndexFormat.termsPerBlock - 1
        while low < high {
            let middle = (low + high + 1) / 2
            let first = try firstTerm(ofBlock: middle)
            if first.lexicographicallyPrecedes(key) { low = middle } else { high = middle - 1 }
        }
        var result: [TermInfo] = []
        var block = low
        let blocks = (termCount + IndexFormat.termsPerBlock - 1) / IndexFormat.termsPerBlock
        var done = false
        while block < blocks, !done, result.count < limit {
            try scanBlock(block) { info, bytes in
                if bytes.starts(with: key) {
                    result.append(info)
                    return result.count < limit
                }
                if key.lexicographicallyPrecedes(bytes) { done = true; return false }
                return true
            }
            block += 1
        }
        return result
    }

    private func firstTerm(ofBlock block: Int) throws(IndexCorruption) -> [UInt8] {
        var reader = try blockReader(block)
        _ = try reader.varint()
        let length = try reader.varint()
        guard length <= reader.end - reader.offset else { throw IndexCorruption("term runs past the dictionary") }
        return Array(bytes[reader.offset..<reader.offset + length])
    }

    private func blockReader(_ block: Int) throws(IndexCorruption) -> ByteReader {
        var index = section(.termIndex)
        try index.skip(block * 4)
        let offset = Int(try index.u32())
        let dictionary = section(.terms)
        guard offset < dictionary.end - dictionary.offset else { throw IndexCorruption("term index points outside the dictionary") }
        return ByteReader(bytes, from: dictionary.offset + offset, to: dictionary.end)
    }

    /// Calls `visit` for each term of a block until it returns false.
    private func scanBlock(_ block: Int, _ visit: (TermInfo, [UInt8]) -> Bool) throws(IndexCorruption) {
        var reader = try blockReader(block)
        var term: [UInt8] = []
        var offsets = (0, 0, 0)
        let count = min(IndexFormat.termsPerBlock, termCount - block * IndexFormat.termsPerBlock)
        for _ in 0..<count {
            let shared = try reader.varint()
            let suffix = try reader.varint()
            guard shared <= term.count, suffix <= reader.end - reader.offset else { throw IndexCorruption("bad prefix compression in the dictionary") }
            term = Array(term[..<shared]) + Array(bytes[reader.offset..<reader.offset + suffix])
            try reader.skip(suffix)
            offsets.0 += try reader.varint()
            offsets.1 += try reader.varint()
            offsets.2 += try reader.varint()
            let momentCount = try reader.varint()
            let episodeCount = try reader.varint()
            let momentPositionBytes = try reader.varint()
            guard momentCount <= self.momentCount, episodeCount <= self.episodeCount else { throw IndexCorruption("document count out of range") }
            let info = TermInfo(term: String(decoding: term, as: UTF8.self), momentCount: momentCount, episodeCount: episodeCount,
                                momentPostings: offsets.0, episodePostings: offsets.1, momentPositions: offsets.2,
                                episodePositions: offsets.2 + momentPositionBytes)
            if !visit(info, term) { return }
        }
    }
}
