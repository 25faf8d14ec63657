/// Constants of the on-disk index format (see ARCHITECTURE.md for the whole layout).
public enum IndexFormat {
    /// First bytes of every index file.
    static let magic: [UInt8] = Array("SHOWNIDX".utf8)
    /// Bumped on any change to the bytes written; an index of another version is refused.
    public static let version: UInt32 = 7
    /// The index file's name inside the index folder.
    public static let fileName = "shownotes.idx"
    /// Bytes per episode in the episodes table: first moment (u32), moment layout offset (u32),
    /// the low 32 bits of its source's content hash (u32), its source's root number (u16).
    static let episodeRecordSize = 14
    /// The most roots an index can name (`IndexBuilder.beginSource`).
    public static let maximumRoots = 1 << 16
    /// Documents per postings block (one skip entry per block).
    static let blockSize = 128
    /// Terms per dictionary block (one index entry per block; prefix compression restarts).
    static let termsPerBlock = 16

    /// The numbered sections of the file, in file order.
    enum Section: UInt32, CaseIterable {
        case meta = 1, termIndex, terms, momentPostings, episodePostings, positions, norms, moments, episodes, momentTexts, episodeTexts
        /// The surface words of the indexed text with their episode frequencies, for spelling suggestions (`Vocabulary`).
        case words
    }

    /// Fields of an episode's context, indexed once per episode.
    enum EpisodeField: Int, CaseIterable {
        case title = 0, podcast, people, notes
    }

    /// Header: magic (8) + version (4) + section count (4) + per section: id (4), offset (8), length (8), CRC32 (4).
    static let sectionEntrySize = 24
    static var headerSize: Int { 16 + Section.allCases.count * sectionEntrySize }

    /// Length norm in one byte: exact up to 24 tokens, then logarithmic steps of ~8%.
    static func encodeNorm(_ length: Int) -> UInt8 {
        if length <= 24 { return UInt8(length) }
        var value = 24.0
        var code = 24
        while value < Double(length), code < 255 {
            value *= 1.08
            code += 1
        }
        return UInt8(code)
    }

    /// Norm bytes per episode: one per context field, then the shortest of its takeaways and
    /// summary (255 when it has none), which bounds their scores without their layout.
    static let episodeNormCount = EpisodeField.allCases.count + 1

    static let decodedNorms: [Double] = (0...255).map { code in
        if code <= 24 { return Double(code) }
        var value = 24.0
        for _ in 24..<code { value *= 1.08 }
        return value.rounded()
    }
}

/// What kind of moment a search result is.
public enum MomentKind: UInt8, Sendable, CaseIterable {
    case chapter = 0
    case takeaway
    case summary
    case section

    public var name: String {
        switch self {
        case .chapter: "chapter"
        case .takeaway: "takeaway"
        case .summary: "summary"
        case .section: "section"
        }
    }

    public init?(name: String) {
        guard let kind = Self.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = kind
    }
}
