/// Builds the index bytes from analysed episodes: chapters and page sections are documents
/// with their own text; each episode's context (title, podcast, people, notes) is indexed
/// once, and its takeaways and summary are ranges of its notes field, not copies.
///
/// Episodes must be added in a deterministic order (the caller sorts by source path);
/// everything written is then a pure function of the episodes: no clock, no hash order.
public struct IndexBuilder {
    /// Each distinct term once, numbered in order of first appearance (one hash lookup per
    /// term and document; the postings live in arrays indexed by that number).
    private var termIDs: [String: Int] = [:]
    private var termNames: [String] = []
    private var momentTerms: [PostingsBuilder] = []
    private var episodeTerms: [PostingsBuilder] = []
    private var momentTable = ByteWriter()
    private var momentNorms: [UInt8] = []
    private var episodeNorms: [UInt8] = []
    private var firstMoments = ByteWriter()
    private var momentTexts = TextStoreWriter()
    private var episodeTexts = TextStoreWriter()
    private var momentLengthTotal = 0
    private var episodeLengthTotals = [Int](repeating: 0, count: IndexFormat.EpisodeField.allCases.count)
    public private(set) var episodeCount = 0
    public private(set) var momentCount = 0
    /// Facts stored in the meta section (fingerprint, manifest): key → value, written sorted.
    public var metadata: [String: String] = [:]

    public init() {}

    /// Analyses and adds an episode whose source is stored as `source` (relative to the indexed root).
    public mutating func add(_ episode: Episode, source: String, analyzer: EpisodeAnalyzer) {
        add(analyzer.analyze(episode, source: source))
    }

    public mutating func add(_ analysis: EpisodeAnalysis) {
        let episodeID = UInt32(episodeCount)
        episodeCount += 1
        firstMoments.u32(UInt32(momentCount))
        firstMoments.u32(UInt32(momentTable.count))
        momentTable.append(MomentLayout.encode(analysis.moments))
        for string in analysis.strings { episodeTexts.append(string) }
        for (field, length) in analysis.fieldLengths.enumerated() {
            episodeLengthTotals[field] += length
            episodeNorms.append(IndexFormat.encodeNorm(length))
        }
        for term in analysis.contextTerms {
            episodeTerms[id(of: term.term)].append(document: episodeID, fields: term.positions)
        }
        for moment in analysis.moments {
            let momentID = UInt32(momentCount)
            momentCount += 1
            momentTexts.append(moment.text)
            momentNorms.append(IndexFormat.encodeNorm(moment.length))
            momentLengthTotal += moment.length
            for (term, positions) in moment.terms {
                momentTerms[id(of: term)].append(document: momentID, positions: positions)
            }
        }
    }

    /// The number of `term`, given one when it is new.
    private mutating func id(of term: String) -> Int {
        if let id = termIDs[term] { return id }
        let id = termNames.count
        termIDs[term] = id
        termNames.append(term)
        momentTerms.append(PostingsBuilder())
        episodeTerms.append(PostingsBuilder())
        return id
    }

    /// The whole index file.
    public mutating func serialize() -> [UInt8] {
        let names = termNames
        let terms = names.indices.sorted { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }
        var termIndex = ByteWriter()
        var dictionary = ByteWriter()
        var momentPostings = ByteWriter()
        var episodePostings = ByteWriter()
        var positions = ByteWriter()
        var previousTerm: [UInt8] = []
        var previousOffsets = (0, 0, 0)
        for (number, term) in terms.enumerated() {
            let bytes = Array(names[term].utf8)
            if number % IndexFormat.termsPerBlock == 0 {
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
            dictionary.varint(moment.documents.count)
            dictionary.varint(episode.documents.count)
            moment.write(fields: 1, postings: &momentPostings, positionsOut: &positions)
            dictionary.varint(positions.count - offsets.2)
            episode.write(fields: IndexFormat.EpisodeField.allCases.count, postings: &episodePostings, positionsOut: &positions)
            previousTerm = bytes
        }

        var meta = ByteWriter()
        meta.varint(episodeCount)
        meta.varint(momentCount)
        meta.varint(terms.count)
        meta.f64(momentCount == 0 ? 1 : max(1, Double(momentLengthTotal) / Double(momentCount)))
        for total in episodeLengthTotals { meta.f64(episodeCount == 0 ? 1 : max(1, Double(total) / Double(episodeCount))) }
        let keys = metadata.keys.sorted(by: EpisodeAnalyzer.byteOrder)
        meta.varint(keys.count)
        for key in keys {
            meta.string(key)
            let value = Array((metadata[key] ?? "").utf8)
            let packed = TextStoreWriter.deflate(value)
            meta.varint(packed.count)
            meta.append(packed)
        }

        var sections: [IndexFormat.Section: [UInt8]] = [:]
        sections[.meta] = meta.bytes
        sections[.termIndex] = termIndex.bytes
        sections[.terms] = dictionary.bytes
        sections[.momentPostings] = momentPostings.bytes
        sections[.episodePostings] = episodePostings.bytes
        sections[.positions] = positions.bytes
        sections[.norms] = momentNorms + episodeNorms
        sections[.moments] = momentTable.bytes
        sections[.episodes] = firstMoments.bytes
        sections[.momentTexts] = momentTexts.serialize()
        sections[.episodeTexts] = episodeTexts.serialize()

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
        file.reserveCapacity(offset)
        for section in IndexFormat.Section.allCases { file += sections[section] ?? [] }
        return file
    }
}
