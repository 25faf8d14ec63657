/// Analyses episodes for the index, writing each straight into its encoding (the layout of
/// `EpisodeAnalysis.encode`, which `IndexBuilder.add(encoded:offset:)` takes and the build
/// cache stores): no `EpisodeAnalysis` value, no string per token, no dictionary keyed by
/// strings. Tokens carry term numbers (`Analyzer.terms`); an episode's terms are grouped
/// by number and written in order of first appearance: the builder puts all terms in byte order once, at the end, so ordering them
/// here would be work thrown away (it was a tenth of the analysis).
///
/// Not thread-safe (it owns a stemmer and its term numbering); use one per thread.
public final class EpisodeAnalyzer {
    private let analyzer = Analyzer()
    /// Reused buffers: tokens of the text at hand, of the four context fields, and the
    /// grouping of context tokens by term.
    private var tokens: [Analyzer.NumberedToken] = []
    private var fieldTokens: [[Analyzer.NumberedToken]] = Array(repeating: [], count: 4)
    private var grouping = TermGrouping()

    public init() {}

    /// The analysis as a value (for tests and tools: the build keeps only the encoding).
    public func analyze(_ episode: Episode, source: String) -> EpisodeAnalysis {
        var bytes: [UInt8] = []
        encode(episode, source: source, into: &bytes)
        var offset = 0
        let analysis = bytes.withUnsafeBytes { raw in try? EpisodeAnalysis.decode(raw, offset: &offset) }
        guard let analysis else { preconditionFailure("an analysis just encoded does not decode") }
        return analysis
    }

    /// Analyses `episode`, stored as from `source` (relative to the indexed root), and appends
    /// its encoding to `output`. With `sourceBytes`, the file the episode was read from, each
    /// moment's text is looked for in it (`StoredText.find`: at most 16 passes over the file
    /// for the whole episode), so the index can store references instead of copies.
    public func encode(_ episode: Episode, source: String, sourceBytes: UnsafeRawBufferPointer? = nil, into output: inout [UInt8]) {
        var encoder = AnalysisEncoder()
        swap(&encoder.writer.bytes, &output)
        defer { swap(&encoder.writer.bytes, &output) }
        analyze(episode, source: source, sourceBytes: sourceBytes, into: &encoder)
    }

    /// Analyses `episode` as `encode` does, handing the analysis to `sink` as it goes; terms
    /// and words carry this analyzer's numbers.
    func analyze<Sink: AnalysisSink>(_ episode: Episode, source: String, sourceBytes: UnsafeRawBufferPointer?, into sink: inout Sink) {
        analyzer.forgetIfLarge()
        analyzer.startSurfaceWords()

        let people = episode.people.map(\.name)
        let strings = [episode.title ?? "", episode.podcast ?? "", source, episode.guid ?? "", episode.link ?? "",
                       episode.audio ?? "", episode.published ?? "", people.joined(separator: "\u{1F}")]

        // Context fields. Notes: the summary, then each takeaway, one position apart so no
        // phrase spans two; each becomes a moment over its range of the notes field.
        for field in fieldTokens.indices { fieldTokens[field].removeAll(keepingCapacity: true) }
        _ = analyzer.numberedTokens(episode.title ?? "", firstPosition: 0, into: &fieldTokens[0])
        _ = analyzer.numberedTokens(episode.podcast ?? "", firstPosition: 0, into: &fieldTokens[1])
        _ = analyzer.numberedTokens(people.joined(separator: " , "), firstPosition: 0, into: &fieldTokens[2])
        var notesMoments: [(kind: MomentKind, text: String, first: Int, end: Int)] = []
        var position = 0
        for (kind, text) in (episode.summary.isEmpty ? [] : [(MomentKind.summary, episode.summary)])
            + episode.takeaways.map({ (MomentKind.takeaway, $0) }) {
            let next = analyzer.numberedTokens(text, firstPosition: position, into: &fieldTokens[3])
            notesMoments.append((kind, text, position, next))
            position = next + 1
        }
        let lengths = (0..<3).map { fieldTokens[$0].last.map { Int($0.position) + 1 } ?? 0 } + [fieldTokens[3].count(where: { !$0.isJoined })]
        sink.beginEpisode(strings: strings, fieldLengths: lengths, numbering: analyzer.numbering)
        grouping.group(fieldTokens, termCount: analyzer.terms.count)
        sink.beginContextTerms(count: grouping.count)
        analyzer.terms.withTerms { spelled in
            grouping.forEachTerm { term, counts, positions in
                sink.contextTerm(SinkTerm(bytes: spelled[Int(term)], number: term), counts: counts, positions: positions)
            }
        }

        // Moments: chapters, then the notes moments (notes-field order), then page sections.
        sink.beginMoments(count: episode.chapters.count + notesMoments.count + episode.sections.count)
        var cursor = 0
        var budget = 16 * (sourceBytes?.count ?? 0)
        func spans(_ text: String) -> [SourceSpan] {
            guard let sourceBytes else { return [] }
            return StoredText.find(text, in: sourceBytes, from: &cursor, budget: &budget)
        }
        for chapter in episode.chapters {
            let millis = UInt32(clamping: Int((chapter.startTime * 1000).rounded()))
            ownMoment(.chapter, text: chapter.title, first: millis, spans: spans(chapter.title), into: &sink)
        }
        for moment in notesMoments {
            sink.moment(kind: moment.kind, first: UInt32(moment.first), end: UInt32(moment.end), text: moment.text,
                        spans: spans(moment.text), length: moment.end - moment.first, termCount: 0)
        }
        for section in episode.sections {
            let text = section.heading + "\u{1F}" + section.text
            ownMoment(.section, text: text, first: UInt32.max, spans: spans(text), into: &sink)
        }

        // Surface words, met while the texts above were split.
        let words = analyzer.surface.words
        sink.beginWords(count: words.count)
        analyzer.withWords { spelled in
            for word in words { sink.word(SinkTerm(bytes: spelled[Int(word)], number: word)) }
        }
        sink.endEpisode()
    }

    /// A chapter or section with its own terms, each with its positions.
    private func ownMoment<Sink: AnalysisSink>(_ kind: MomentKind, text: String, first: UInt32, spans: [SourceSpan], into sink: inout Sink) {
        tokens.removeAll(keepingCapacity: true)
        // A section's heading and text are joined by U+001F, which the splitter takes as a separator.
        let length = analyzer.numberedTokens(text, firstPosition: 0, into: &tokens)
        grouping.group([tokens], termCount: analyzer.terms.count)
        sink.moment(kind: kind, first: first, end: 0, text: text, spans: spans, length: length, termCount: grouping.count)
        analyzer.terms.withTerms { spelled in
            grouping.forEachTerm { term, _, positions in
                sink.momentTerm(SinkTerm(bytes: spelled[Int(term)], number: term), positions: positions)
            }
        }
    }
}

/// Groups tokens by term — an episode's context tokens (four fields) or a moment's own
/// (one) — for the distinct terms in order of first appearance, each with its positions per
/// field. Buffers are kept for the next call; a term's slot is found through a table indexed
/// by term number, stamped with the call so it never needs clearing.
private struct TermGrouping {
    private var slotOfTerm: [Int32] = []
    private var stampOfTerm: [UInt32] = []
    private var stamp: UInt32 = 0
    /// Term numbers by slot (first appearance).
    private var distinct: [Int32] = []
    /// Per slot and field, where its positions start in `positions` (then one past the last).
    private var starts: [Int] = []
    private var positions: [UInt32] = []
    private var fieldCount = 0
    /// One slot's per-field counts, for `forEachTerm`.
    private var counts: [Int] = []

    /// How many distinct terms the last `group` found.
    var count: Int { distinct.count }

    /// Groups the tokens of `fields` (term numbers below `termCount`).
    mutating func group(_ fields: [[Analyzer.NumberedToken]], termCount: Int) {
        stamp &+= 1
        if stamp == 0 {
            stampOfTerm = Array(repeating: 0, count: stampOfTerm.count)
            stamp = 1
        }
        if slotOfTerm.count < termCount {
            slotOfTerm += repeatElement(0, count: termCount - slotOfTerm.count)
            stampOfTerm += repeatElement(0, count: termCount - stampOfTerm.count)
        }
        distinct.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        fieldCount = fields.count
        for (field, tokens) in fields.enumerated() {
            for token in tokens {
                let term = Int(token.term)
                if stampOfTerm[term] != stamp {
                    stampOfTerm[term] = stamp
                    slotOfTerm[term] = Int32(distinct.count)
                    distinct.append(token.term)
                    starts += repeatElement(0, count: fieldCount)
                }
                starts[Int(slotOfTerm[term]) * fieldCount + field] += 1
            }
        }
        // Counts become where each slot's field positions start, then place them (appearance
        // order is ascending within a field, so they need no sorting).
        var total = 0
        for index in starts.indices {
            let count = starts[index]
            starts[index] = total
            total += count
        }
        starts.append(total)
        positions.removeAll(keepingCapacity: true)
        positions.append(contentsOf: repeatElement(0, count: total))
        var next = starts
        for (field, tokens) in fields.enumerated() {
            for token in tokens {
                let place = Int(slotOfTerm[Int(token.term)]) * fieldCount + field
                positions[next[place]] = UInt32(bitPattern: token.position)
                next[place] += 1
            }
        }
    }

    /// Calls `body` with each distinct term of the last `group`, in order of first appearance:
    /// its number, its count of positions per field, and its positions, field after field.
    mutating func forEachTerm(_ body: (Int32, UnsafeBufferPointer<Int>, UnsafeBufferPointer<UInt32>) -> Void) {
        if counts.count != fieldCount { counts = Array(repeating: 0, count: fieldCount) }
        let fieldCount = fieldCount
        positions.withUnsafeBufferPointer { positions in
            starts.withUnsafeBufferPointer { starts in
                counts.withUnsafeMutableBufferPointer { counts in
                    for (slot, term) in distinct.enumerated() {
                        let first = slot * fieldCount
                        for field in 0..<fieldCount { counts[field] = starts[first + field + 1] - starts[first + field] }
                        body(term, UnsafeBufferPointer(counts), UnsafeBufferPointer(rebasing: positions[starts[first]..<starts[first + fieldCount]]))
                    }
                }
            }
        }
    }
}
