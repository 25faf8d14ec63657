/// Builds the index bytes from episodes: every moment (chapter, takeaway, summary, page
/// section) is a document with its own text; each episode's context (title, podcast,
/// people, notes) is indexed once, not copied into its moments.
///
/// Episodes must be added in a deterministic order (the caller sorts by source path);
/// everything written is then a pure function of the episodes: no clock, no hash order.
public struct IndexBuilder {
    struct Moment {
        var kind: MomentKind
        var startMillis: UInt32
        var text: UInt32
        var episode: UInt32
    }

    struct EpisodeRecord {
        var firstMoment: UInt32
        var strings: [UInt32]   // title, podcast, source, guid, link, audio, published, people
    }

    private let analyzer = Analyzer()
    private var momentTerms: [String: PostingsBuilder] = [:]
    private var episodeTerms: [String: PostingsBuilder] = [:]
    private var moments: [Moment] = []
    private var momentNorms: [UInt8] = []
    private var episodeNorms: [UInt8] = []
    private var episodes: [EpisodeRecord] = []
    private var strings = StringPool()
    private var momentLengthTotal = 0
    private var episodeLengthTotals = [Int](repeating: 0, count: IndexFormat.EpisodeField.allCases.count)
    /// Free-form facts stored in the meta section (fingerprint, manifest): key → value, written sorted.
    public var metadata: [String: String] = [:]

    public init() {}

    public var episodeCount: Int { episodes.count }
    public var momentCount: Int { moments.count }

    /// Adds an episode whose source is stored as `source` (relative to the indexed root).
    public mutating func add(_ episode: Episode, source: String) {
        let episodeID = UInt32(episodes.count)
        let people = episode.people.map(\.name)
        let refs = [episode.title ?? "", episode.podcast ?? "", source, episode.guid ?? "", episode.link ?? "",
                    episode.audio ?? "", episode.published ?? "", people.joined(separator: "\u{1F}")].map { strings.add($0) }
        episodes.append(EpisodeRecord(firstMoment: UInt32(moments.count), strings: refs))

        // Context fields, each in its own position range so phrases never cross fields.
        let notes = ([episode.summary] + episode.takeaways).filter { !$0.isEmpty }.joined(separator: "\n")
        let fields = [episode.title ?? "", episode.podcast ?? "", people.joined(separator: " , "), notes]
        var occurrences: [String: [UInt32]] = [:]
        var frequencies: [String: [UInt32]] = [:]
        for (field, text) in fields.enumerated() {
            let (tokens, next) = analyzer.tokens(text, firstPosition: field * 1_000_000)
            episodeLengthTotals[field] += next - field * 1_000_000
            episodeNorms.append(IndexFormat.encodeNorm(next - field * 1_000_000))
            for token in tokens {
                occurrences[token.term, default: []].append(UInt32(token.position))
                frequencies[token.term, default: [0, 0, 0, 0]][field] += 1
            }
        }
        for (term, positions) in occurrences {
            episodeTerms[term, default: PostingsBuilder()].append(document: episodeID, frequencies: frequencies[term] ?? [], positions: positions.sorted())
        }

        for chapter in episode.chapters {
            addMoment(.chapter, text: chapter.title, start: chapter.startTime, episode: episodeID)
        }
        for takeaway in episode.takeaways { addMoment(.takeaway, text: takeaway, start: nil, episode: episodeID) }
        if !episode.summary.isEmpty { addMoment(.summary, text: episode.summary, start: nil, episode: episodeID) }
        for section in episode.sections {
            addMoment(.section, text: section.heading + "\u{1F}" + section.text, start: nil, episode: episodeID)
        }
    }

    private mutating func addMoment(_ kind: MomentKind, text: String, start: Double?, episode: UInt32) {
        let momentID = UInt32(moments.count)
        let millis = start.map { UInt32(clamping: Int(($0 * 1000).rounded())) } ?? UInt32.max
        moments.append(Moment(kind: kind, startMillis: millis, text: strings.add(text), episode: episode))
        let (tokens, next) = analyzer.tokens(text.replacing("\u{1F}", with: " "))
        momentNorms.append(IndexFormat.encodeNorm(next))
        momentLengthTotal += next
        var occurrences: [String: [UInt32]] = [:]
        for token in tokens { occurrences[token.term, default: []].append(UInt32(token.position)) }
        for (term, positions) in occurrences {
            momentTerms[term, default: PostingsBuilder()].append(document: momentID, frequencies: [UInt32(positions.count)], positions: positions)
        }
    }

    /// The whole index file.
    public func serialize() -> [UInt8] {
        var sections: [IndexFormat.Section: [UInt8]] = [:]
        let terms = Set(momentTerms.keys).union(episodeTerms.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }

        var termIndex = ByteWriter()
        var dictionary = ByteWriter()
        var momentPostings = ByteWriter()
        var episodePostings = ByteWriter()
        var positions = ByteWriter()
        var previousTerm: [UInt8] = []
        var previousOffsets = (0, 0, 0)
        for (number, term) in terms.enumerated() {
            let bytes = Array(term.utf8)
            let startsBlock = number % IndexFormat.termsPerBlock == 0
            if startsBlock {
                termIndex.u32(UInt32(dictionary.count))
                previousTerm = []
                previousOffsets = (0, 0, 0)
            }
            let shared = zip(previousTerm, bytes).prefix(while: { $0 == $1 }).count
            dictionary.varint(shared)
            dictionary.varint(bytes.count - shared)
            dictionary.append(Array(bytes[shared...]))
            let offsets = (momentPostings.count, episodePostings.count, positions.count)
            dictionary.varint(offsets.0 - previousOffsets.0)
            dictionary.varint(offsets.1 - previousOffsets.1)
            dictionary.varint(offsets.2 - previousOffsets.2)
            previousOffsets = offsets
            let moment = momentTerms[term]
            let episode = episodeTerms[term]
            dictionary.varint(moment?.documents.count ?? 0)
            dictionary.varint(episode?.documents.count ?? 0)
            moment?.write(fields: 1, postings: &momentPostings, positionsOut: &positions)
            let episodePositionsStart = positions.count
            episode?.write(fields: IndexFormat.EpisodeField.allCases.count, postings: &episodePostings, positionsOut: &positions)
            dictionary.varint(episodePositionsStart - offsets.2)
            previousTerm = bytes
        }

        var meta = ByteWriter()
        meta.varint(episodes.count)
        meta.varint(moments.count)
        meta.varint(terms.count)
        meta.f64(moments.isEmpty ? 1 : Double(momentLengthTotal) / Double(moments.count))
        for total in episodeLengthTotals { meta.f64(episodes.isEmpty ? 1 : max(1, Double(total) / Double(episodes.count))) }
        let keys = metadata.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        meta.varint(keys.count)
        for key in keys {
            meta.string(key)
            meta.string(metadata[key] ?? "")
        }

        var units = ByteWriter()
        for moment in moments {
            units.u8(moment.kind.rawValue)
            units.u32(moment.startMillis)
            units.u32(moment.text)
            units.u32(moment.episode)
        }
        var episodeTable = ByteWriter()
        for record in episodes {
            episodeTable.u32(record.firstMoment)
            for reference in record.strings { episodeTable.u32(reference) }
        }

        sections[.meta] = meta.bytes
        sections[.termIndex] = termIndex.bytes
        sections[.terms] = dictionary.bytes
        sections[.unitPostings] = momentPostings.bytes
        sections[.episodePostings] = episodePostings.bytes
        sections[.positions] = positions.bytes
        sections[.norms] = momentNorms + episodeNorms
        sections[.units] = units.bytes
        sections[.episodes] = episodeTable.bytes
        sections[.strings] = strings.bytes

        var header = ByteWriter()
        header.append(IndexFormat.magic)
        header.u32(IndexFormat.version)
        header.u32(UInt32(IndexFormat.Section.allCases.count))
        var offset = IndexFormat.headerSize
        for section in IndexFormat.Section.allCases {
            let body = sections[section] ?? []
            header.u32(section.rawValue)
            header.u64(UInt64(offset))
            header.u64(UInt64(body.count))
            header.u32(CRC32.checksum(body))
            offset += body.count
        }
        var file = header.bytes
        for section in IndexFormat.Section.allCases { file += sections[section] ?? [] }
        return file
    }
}

extension PostingsBuilder {
    mutating func append(document: UInt32, frequencies counts: [UInt32], positions list: [UInt32]) {
        documents.append(document)
        frequencies += counts
        positions += list
    }
}

/// Strings stored once each, referenced by byte offset (`0` is the empty string).
struct StringPool {
    private(set) var bytes: [UInt8] = [0]
    private var offsets: [String: UInt32] = ["": 0]

    mutating func add(_ string: String) -> UInt32 {
        if let offset = offsets[string] { return offset }
        let offset = UInt32(bytes.count)
        var writer = ByteWriter()
        writer.string(string)
        bytes += writer.bytes
        offsets[string] = offset
        return offset
    }
}
