/// Builds the index bytes from analysed episodes: chapters and page sections are documents
/// with their own text; each episode's context (title, podcast, people, notes) is indexed
/// once, and its takeaways and summary are ranges of its notes field, not copies.
///
/// Episodes must be added in a deterministic order (the caller sorts by source path);
/// everything written is then a pure function of the episodes: no clock, no hash order.
///
/// A builder can also hold one *segment* of an index: the episodes of a run of consecutive
/// sources, built on a thread of its own. `IndexWriter.serialize` writes the segments of all
/// the runs, in order, as the one index a single builder given every episode would write
/// (documents are numbered from where the previous segment's end).
public struct IndexBuilder: Sendable {
    /// Each distinct term once, numbered in order of first appearance: one hash lookup per
    /// term and document, and the postings logs hold numbers, not strings.
    private(set) var terms = TermTable()
    /// Terms and words straight from an analyzer come with its numbers (`SinkTerm`): per
    /// number, what `terms` and `vocabulary` numbered it (+ 1; 0 = not met yet), valid for
    /// the analyzer numbering `numbering` (a worker's segment is analysed by one analyzer,
    /// so a term is hashed once per segment, not once per episode).
    private var termOfNumber: [Int32] = []
    private var wordOfNumber: [Int32] = []
    private var numbering = 0
    private(set) var momentTerms = PostingsLog(fields: 1)
    private(set) var episodeTerms = PostingsLog(fields: IndexFormat.EpisodeField.allCases.count)
    /// The postings logs grouped by term, once `finish()` has run (the logs are then empty).
    private(set) var groupedMoments: PostingsLog.Groups?
    private(set) var groupedEpisodes: PostingsLog.Groups?
    /// Each episode's moment layout (`MomentLayout`), one after the other.
    private(set) var momentTable: [UInt8] = []
    private(set) var momentNorms: [UInt8] = []
    private(set) var episodeNorms: [UInt8] = []
    /// Per episode, its first moment, where its layout starts in `momentTable`, and its source.
    private(set) var episodeRecords: [EpisodeRecord] = []
    /// Stored texts, items one after the other (`TextStoreWriter.section`): each moment's
    /// stored text (`StoredText`), each episode's strings. Compressed only in `serialize`,
    /// the moment texts on a second thread while the postings are encoded.
    private(set) var momentTexts = ByteWriter()
    private(set) var episodeTexts = ByteWriter()
    /// Stored with each episode added: its source's number in `roots` and the low 32 bits of
    /// its content hash, so a search can find the source and tell whether it changed.
    private var source: (root: Int, hash: UInt32) = (0, 0)
    /// Surface words and their episode counts, for spelling suggestions.
    private(set) var vocabulary = VocabularyBuilder()
    /// Each episode's takeaways and summary, for the levels of its notes frequencies.
    private(set) var notesCeilings = NotesCeilings()
    /// The moments of the episode being added, for its moment layout.
    private var pendingLayout: [EpisodeAnalysis.Moment] = []
    private(set) var momentLengthTotal = 0
    private(set) var episodeLengthTotals = [Int](repeating: 0, count: IndexFormat.EpisodeField.allCases.count)
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
        analyzer.analyze(episode, source: source, sourceBytes: nil, into: &self)
    }

    /// Analyses and adds the episodes read from one source file, stored as `source`, with
    /// `sourceBytes` (see `EpisodeAnalyzer.encode`); with `record`, their encodings are
    /// appended to it as well (for the build cache), as `encode` would write them.
    public mutating func add(_ episodes: [Episode], source: String, sourceBytes: UnsafeRawBufferPointer?,
                             analyzer: EpisodeAnalyzer, encodingInto record: inout [UInt8]?) {
        guard var bytes = record else {
            for episode in episodes { analyzer.analyze(episode, source: source, sourceBytes: sourceBytes, into: &self) }
            return
        }
        record = nil
        var tee = AnalysisTee(first: AnalysisEncoder(), second: IndexBuilder())
        swap(&tee.first.writer.bytes, &bytes)
        swap(&tee.second, &self)
        for episode in episodes { analyzer.analyze(episode, source: source, sourceBytes: sourceBytes, into: &tee) }
        swap(&tee.second, &self)
        record = tee.first.writer.bytes
    }

    /// Adds an episode straight from its encoding (`EpisodeAnalysis.encode`, the build cache),
    /// moving `offset` past it: the same as decoding it and calling `add(_:)`, without the
    /// thousands of small arrays a decoded analysis is made of. Damaged bytes throw, but an
    /// encoding that breaks off halfway leaves a part added: check the bytes first (the
    /// build cache keeps a checksum of each record).
    public mutating func add(encoded bytes: UnsafeRawBufferPointer, offset: inout Int) throws(IndexCorruption) {
        try EpisodeAnalysis.visit(bytes, offset: &offset, &self)
    }

    /// Groups the postings by term now, on the thread that built this segment, so that writing
    /// the index has less to do, and frees the ungrouped logs. No episode may be added after.
    public mutating func finish() {
        groupedMoments = momentTerms.grouped(termCount: terms.count)
        groupedEpisodes = episodeTerms.grouped(termCount: terms.count)
        momentTerms = PostingsLog(fields: momentTerms.fields)
        episodeTerms = PostingsLog(fields: episodeTerms.fields)
    }

    /// The whole index file.
    public func serialize() -> [UInt8] {
        IndexWriter.serialize([self], metadata: metadata, textBlocks: textBlocks)
    }
}

/// Adding an episode, piece by piece, in the order of its analysis: both `add` methods (and
/// the build, straight from an analyzer) go through these. The moment layout is written once
/// the episode's last part (its words) is in.
extension IndexBuilder: AnalysisSink {
    mutating func beginEpisode(strings: [String], fieldLengths: [Int], numbering: Int) {
        precondition(groupedMoments == nil, "an episode added to a finished segment")
        if numbering != self.numbering {
            self.numbering = numbering
            termOfNumber.removeAll(keepingCapacity: true)
            wordOfNumber.removeAll(keepingCapacity: true)
        }
        episodeCount += 1
        episodeRecords.append(EpisodeRecord(firstMoment: UInt32(momentCount), layoutStart: UInt32(momentTable.count),
                                            sourceHash: source.hash, sourceRoot: UInt16(truncatingIfNeeded: source.root)))
        pendingLayout.removeAll(keepingCapacity: true)
        for string in strings { episodeTexts.string(string) }
        for (field, length) in fieldLengths.enumerated() {
            episodeLengthTotals[field] += length
            episodeNorms.append(IndexFormat.encodeNorm(length))
        }
        episodeNorms.append(UInt8.max)   // the shortest takeaway or summary, lowered by `moment`
    }

    mutating func contextTerm(_ term: SinkTerm, counts: UnsafeBufferPointer<Int>, positions: UnsafeBufferPointer<UInt32>) {
        episodeTerms.append(term: number(of: term), document: UInt32(episodeCount - 1), counts: counts, positions: positions)
    }

    mutating func moment(kind: MomentKind, first: UInt32, end: UInt32, text: String, spans: [SourceSpan], length: Int, termCount: Int) {
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

    mutating func momentTerm(_ term: SinkTerm, positions: UnsafeBufferPointer<UInt32>) {
        momentTerms.append(term: number(of: term), document: UInt32(momentCount - 1), positions: positions)
    }

    mutating func word(_ word: SinkTerm) {
        guard word.number >= 0 else {
            vocabulary.add(word.bytes)
            return
        }
        let known = Self.remembered(word.number, in: &wordOfNumber)
        if known >= 0 { return vocabulary.add(number: known) }
        wordOfNumber[Int(word.number)] = Int32(vocabulary.add(word.bytes) + 1)
    }

    mutating func endEpisode() {
        momentTable += MomentLayout.encode(pendingLayout)
        notesCeilings.endEpisode()
    }

    /// The number of `term` in `terms`.
    private mutating func number(of term: SinkTerm) -> Int {
        guard term.number >= 0 else { return terms.id(of: term.bytes) }
        let known = Self.remembered(term.number, in: &termOfNumber)
        if known >= 0 { return known }
        let id = terms.id(of: term.bytes)
        termOfNumber[Int(term.number)] = Int32(id + 1)
        return id
    }

    /// What `table` remembers for analyzer number `number` (-1 when nothing yet; the table
    /// then has room for it).
    private static func remembered(_ number: Int32, in table: inout [Int32]) -> Int {
        let index = Int(number)
        if index >= table.count { table += repeatElement(0, count: max(index + 1, 2 * table.count) - table.count) }
        return Int(table[index]) - 1
    }
}

/// What the `episodes` section holds for one episode (`IndexFormat.episodeRecordSize` bytes).
struct EpisodeRecord {
    var firstMoment: UInt32
    /// Where the episode's moment layout starts in the `moments` section.
    var layoutStart: UInt32
    /// The low 32 bits of its source's content hash.
    var sourceHash: UInt32
    /// Its source's root number (see `MomentTextReader`).
    var sourceRoot: UInt16

    func write(to writer: inout ByteWriter, momentBase: UInt32, layoutBase: UInt32) {
        writer.u32(firstMoment + momentBase)
        writer.u32(layoutStart + layoutBase)
        writer.u32(sourceHash)
        writer.u8(UInt8(truncatingIfNeeded: sourceRoot))
        writer.u8(UInt8(truncatingIfNeeded: sourceRoot >> 8))
    }
}
