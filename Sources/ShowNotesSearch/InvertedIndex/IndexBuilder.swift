import CZlib

/// Builds the index bytes from analysed episodes: chapters and page sections are documents
/// with their own text; each episode's context (title, podcast, people, notes) is indexed
/// once, and its takeaways and summary are ranges of its notes field, not copies.
///
/// Episodes must be added in a deterministic order (the caller sorts by source path);
/// everything written is then a pure function of the episodes: no clock, no hash order.
public struct IndexBuilder {
    /// Each distinct term once, numbered in order of first appearance: one hash lookup per
    /// term and document, and the postings logs hold numbers, not strings.
    private var terms = TermTable()
    private var momentTerms = PostingsLog(fields: 1)
    private var episodeTerms = PostingsLog(fields: IndexFormat.EpisodeField.allCases.count)
    private var momentTable = ByteWriter()
    private var momentNorms: [UInt8] = []
    private var episodeNorms: [UInt8] = []
    private var firstMoments = ByteWriter()
    /// Stored texts, items one after the other (`TextStoreWriter.section`): each moment's
    /// stored text (`StoredText`), each episode's strings. Compressed only in `serialize`,
    /// the moment texts on a second thread while the postings are encoded.
    private var momentTexts = ByteWriter()
    private var episodeTexts = ByteWriter()
    /// Stored with each episode added: its source's number in `roots` and the low 32 bits of
    /// its content hash, so a search can find the source and tell whether it changed.
    private var source: (root: Int, hash: UInt32) = (0, 0)
    /// Surface words and their episode counts, for spelling suggestions.
    private var vocabulary = VocabularyBuilder()
    /// Each episode's takeaways and summary, for the levels of its notes frequencies.
    private var notesCeilings = NotesCeilings()
    /// The moments of the episode being added, for its moment layout.
    private var pendingLayout: [EpisodeAnalysis.Moment] = []
    private var momentLengthTotal = 0
    private var episodeLengthTotals = [Int](repeating: 0, count: IndexFormat.EpisodeField.allCases.count)
    public private(set) var episodeCount = 0
    public private(set) var momentCount = 0
    /// Facts stored in the meta section (fingerprint, manifest): key → value, written sorted.
    public var metadata: [String: String] = [:]
    /// Compressed text blocks of earlier builds, to reuse (only speed depends on it, never bytes).
    public var textBlocks: (any TextBlockMemory)?

    public init() {}

    /// The episodes added next come from a source under root number `root` (in the
    /// metadata key `roots`, see `MomentTextReader`) with this content hash (`ContentHash`).
    public mutating func beginSource(root: Int, contentHash: UInt64) {
        source = (root, UInt32(truncatingIfNeeded: contentHash))
    }

    /// Analyses and adds an episode whose source is stored as `source` (relative to the indexed root).
    public mutating func add(_ episode: Episode, source: String, analyzer: EpisodeAnalyzer) {
        var bytes: [UInt8] = []
        analyzer.encode(episode, source: source, into: &bytes)
        var offset = 0
        let added = bytes.withUnsafeBytes { raw in (try? add(encoded: raw, offset: &offset)) != nil }
        precondition(added, "an analysis just encoded does not decode")
    }

    /// Adds an episode straight from its encoding (`EpisodeAnalysis.encode`, the build cache),
    /// moving `offset` past it: the same as decoding it and calling `add(_:)`, without the
    /// thousands of small arrays a decoded analysis is made of. Damaged bytes throw, but an
    /// encoding that breaks off halfway leaves a part added: check the bytes first (the
    /// build cache keeps a checksum of each record).
    public mutating func add(encoded bytes: UnsafeRawBufferPointer, offset: inout Int) throws(IndexCorruption) {
        try EpisodeAnalysis.visit(bytes, offset: &offset, &self)
    }

    /// The whole index file.
    public mutating func serialize() -> [UInt8] {
        let texts = momentTexts.bytes, memory = textBlocks
        let momentStore = Handoff<[UInt8]>([])
        var postings = PostingsSections()
        var episodeStore: [UInt8] = []
        Concurrently.run({ momentStore.value = TextStoreWriter.section(items: texts, memory: memory) }, alongside: {
            postings = encodePostings()
            episodeStore = TextStoreWriter.section(items: episodeTexts.bytes, memory: memory)
        })

        var meta = ByteWriter()
        meta.varint(episodeCount)
        meta.varint(momentCount)
        meta.varint(terms.count)
        meta.f64(averageMomentLength)
        for total in episodeLengthTotals { meta.f64(episodeCount == 0 ? 1 : max(1, Double(total) / Double(episodeCount))) }
        let keys = metadata.keys.sorted { $0.precedesInUTF8($1) }
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
        sections[.termIndex] = postings.termIndex.bytes
        sections[.terms] = postings.dictionary.bytes
        sections[.momentPostings] = postings.moments.bytes
        sections[.episodePostings] = postings.episodes.bytes
        sections[.positions] = postings.positions.bytes
        sections[.norms] = momentNorms + episodeNorms
        sections[.moments] = momentTable.bytes
        sections[.episodes] = firstMoments.bytes
        sections[.momentTexts] = momentStore.value
        sections[.episodeTexts] = episodeStore
        sections[.words] = vocabulary.serialize()

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
            header.u32(Self.checksum(body))
            offset += body.count
        }
        var file = header.bytes
        file.reserveCapacity(offset)
        for section in IndexFormat.Section.allCases { file += sections[section] ?? [] }
        return file
    }

    /// The average moment length a search reads from the meta section (at least 1).
    private var averageMomentLength: Double {
        momentCount == 0 ? 1 : max(1, Double(momentLengthTotal) / Double(momentCount))
    }

    /// `CRC32.checksum`, computed by zlib (the same CRC-32, several times faster on whole sections).
    private static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }

    /// The dictionary and postings sections.
    private struct PostingsSections {
        var termIndex = ByteWriter()
        var dictionary = ByteWriter()
        var moments = ByteWriter()
        var episodes = ByteWriter()
        var positions = ByteWriter()
    }

    /// Where one term's lists start in the postings sections, and how many bytes of
    /// positions its moment postings have (the rest are its episode postings').
    private struct TermPlace {
        var moments: Int
        var episodes: Int
        var positions: Int
        var momentPositions: Int
    }

    /// Every term in byte order with its postings: the dictionary, its index, the postings and
    /// positions. The lists — most of the work — are encoded on two threads, each taking a
    /// run of terms with about half the postings; the dictionary is written after, in order.
    private func encodePostings() -> PostingsSections {
        let order = terms.sortedIDs()
        let momentLog = momentTerms, episodeLog = episodeTerms, termCount = terms.count
        let notes = NotesFrequencyWriter(ceilings: notesCeilings, normalisers: Ranking.lengthNormalisers(average: averageMomentLength))
        let groupedMoments = Handoff<PostingsLog.Groups?>(nil)
        var episodeGroups: PostingsLog.Groups?
        Concurrently.run({ groupedMoments.value = momentLog.grouped(termCount: termCount) }, alongside: {
            episodeGroups = episodeLog.grouped(termCount: termCount)
        })
        guard let momentGroups = groupedMoments.value, let episodeGroups else { preconditionFailure("postings not grouped") }

        let total = momentGroups.entries.count + episodeGroups.entries.count
        var split = 0, before = 0
        while split < order.count, before * 2 < total {
            before += momentGroups.count(order[split]) + episodeGroups.count(order[split])
            split += 1
        }
        let secondTerms = order[split...]
        let secondHalf = Handoff<(PostingsSections, [TermPlace])?>(nil)
        var firstHalf: (PostingsSections, [TermPlace])?
        Concurrently.run({
            secondHalf.value = Self.lists(of: secondTerms, momentLog, momentGroups, episodeLog, episodeGroups, notes: notes)
        }, alongside: {
            firstHalf = Self.lists(of: order[..<split], momentLog, momentGroups, episodeLog, episodeGroups, notes: notes)
        })
        guard var (out, places) = firstHalf, let (second, secondPlaces) = secondHalf.value else { preconditionFailure("postings not written") }
        let base = (out.moments.count, out.episodes.count, out.positions.count)
        places += secondPlaces.map { place in
            TermPlace(moments: place.moments + base.0, episodes: place.episodes + base.1, positions: place.positions + base.2,
                      momentPositions: place.momentPositions)
        }
        out.moments.append(second.moments.bytes)
        out.episodes.append(second.episodes.bytes)
        out.positions.append(second.positions.bytes)

        var previousTerm: [UInt8] = []
        var previousPlace = TermPlace(moments: 0, episodes: 0, positions: 0, momentPositions: 0)
        for (number, term) in order.enumerated() {
            let bytes = Array(terms.bytes(term))
            if number % IndexFormat.termsPerBlock == 0 {
                out.termIndex.u32(UInt32(out.dictionary.count))
                previousTerm = []
                previousPlace = TermPlace(moments: 0, episodes: 0, positions: 0, momentPositions: 0)
            }
            let shared = zip(previousTerm, bytes).prefix(while: { $0 == $1 }).count
            out.dictionary.varint(shared)
            out.dictionary.varint(bytes.count - shared)
            out.dictionary.append(Array(bytes[shared...]))
            let place = places[number]
            out.dictionary.varint(place.moments - previousPlace.moments)
            out.dictionary.varint(place.episodes - previousPlace.episodes)
            out.dictionary.varint(place.positions - previousPlace.positions)
            out.dictionary.varint(momentGroups.count(term))
            out.dictionary.varint(episodeGroups.count(term))
            out.dictionary.varint(place.momentPositions)
            previousPlace = place
            previousTerm = bytes
        }
        return out
    }

    /// The moment and episode postings (and positions) of `terms`, one after the other, with
    /// each term's place in what is returned.
    private static func lists(of terms: ArraySlice<Int>, _ momentLog: PostingsLog, _ momentGroups: PostingsLog.Groups,
                              _ episodeLog: PostingsLog, _ episodeGroups: PostingsLog.Groups,
                              notes: NotesFrequencyWriter) -> (PostingsSections, [TermPlace]) {
        var out = PostingsSections()
        var places: [TermPlace] = []
        places.reserveCapacity(terms.count)
        var scratch = PostingsLog.Scratch()
        for term in terms {
            var place = TermPlace(moments: out.moments.count, episodes: out.episodes.count, positions: out.positions.count, momentPositions: 0)
            momentLog.write(term: term, groups: momentGroups, notes: nil, postings: &out.moments, positions: &out.positions, scratch: &scratch)
            place.momentPositions = out.positions.count - place.positions
            episodeLog.write(term: term, groups: episodeGroups, notes: notes, postings: &out.episodes, positions: &out.positions,
                             scratch: &scratch)
            places.append(place)
        }
        return (out, places)
    }
}

/// Adding an episode, piece by piece, in the order of its encoding: both `add` methods go
/// through these. The moment layout is written once the episode's last part (its words) is in.
extension IndexBuilder: EncodedAnalysisVisitor {
    mutating func visitStrings(_ strings: [String], fieldLengths: [Int]) {
        episodeCount += 1
        firstMoments.u32(UInt32(momentCount))
        firstMoments.u32(UInt32(momentTable.count))
        firstMoments.u32(source.hash)
        firstMoments.u8(UInt8(truncatingIfNeeded: source.root))
        firstMoments.u8(UInt8(truncatingIfNeeded: source.root >> 8))
        pendingLayout.removeAll(keepingCapacity: true)
        for string in strings { episodeTexts.string(string) }
        for (field, length) in fieldLengths.enumerated() {
            episodeLengthTotals[field] += length
            episodeNorms.append(IndexFormat.encodeNorm(length))
        }
        episodeNorms.append(UInt8.max)   // the shortest takeaway or summary, lowered by `visitMoment`
    }

    mutating func visitContextTerm(_ term: UnsafeRawBufferPointer, counts: UnsafeBufferPointer<Int>, positions: UnsafeBufferPointer<UInt32>) {
        episodeTerms.append(term: terms.id(of: term), document: UInt32(episodeCount - 1), counts: counts, positions: positions)
    }

    mutating func visitMoment(kind: MomentKind, first: UInt32, end: UInt32, text: String, spans: [SourceSpan], length: Int) {
        momentCount += 1
        pendingLayout.append(EpisodeAnalysis.Moment(kind: kind, first: first, end: end, text: "", length: 0, terms: []))
        var stored = ByteWriter()
        StoredText.encode(text, spans: spans, to: &stored)
        momentTexts.varint(stored.count)
        momentTexts.append(stored.bytes)
        momentNorms.append(IndexFormat.encodeNorm(length))
        momentLengthTotal += length
        if kind == .takeaway || kind == .summary, let last = episodeNorms.indices.last {
            episodeNorms[last] = min(episodeNorms[last], IndexFormat.encodeNorm(length))
            notesCeilings.addMoment(first: first, end: end, norm: IndexFormat.encodeNorm(length))
        }
    }

    mutating func visitMomentTerm(_ term: UnsafeRawBufferPointer, positions: UnsafeBufferPointer<UInt32>) {
        momentTerms.append(term: terms.id(of: term), document: UInt32(momentCount - 1), positions: positions)
    }

    mutating func visitWords(_ words: [String]) {
        vocabulary.add(words)
        momentTable.append(MomentLayout.encode(pendingLayout))
        notesCeilings.endEpisode()
    }
}
