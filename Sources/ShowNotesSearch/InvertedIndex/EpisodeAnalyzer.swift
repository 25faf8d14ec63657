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
        analyzer.forgetIfLarge()
        analyzer.startSurfaceWords()
        var writer = ByteWriter()
        swap(&writer.bytes, &output)
        defer { swap(&writer.bytes, &output) }

        let people = episode.people.map(\.name)
        let strings = [episode.title ?? "", episode.podcast ?? "", source, episode.guid ?? "", episode.link ?? "",
                       episode.audio ?? "", episode.published ?? "", people.joined(separator: "\u{1F}")]
        writer.varint(strings.count)
        for string in strings { writer.string(string) }

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
        writer.varint(4)
        for field in 0..<3 { writer.varint(fieldTokens[field].last.map { Int($0.position) + 1 } ?? 0) }
        writer.varint(fieldTokens[3].count(where: { !$0.isJoined }))
        grouping.write(fieldTokens, terms: analyzer.terms, fieldCounts: true, to: &writer)

        // Moments: chapters, then the notes moments (notes-field order), then page sections.
        writer.varint(episode.chapters.count + notesMoments.count + episode.sections.count)
        var cursor = 0
        var budget = 16 * (sourceBytes?.count ?? 0)
        func spans(_ text: String) -> [SourceSpan] {
            guard let sourceBytes else { return [] }
            return StoredText.find(text, in: sourceBytes, from: &cursor, budget: &budget)
        }
        for chapter in episode.chapters {
            let millis = UInt32(clamping: Int((chapter.startTime * 1000).rounded()))
            writeOwnMoment(.chapter, text: chapter.title, first: millis, spans: spans(chapter.title), to: &writer)
        }
        for moment in notesMoments {
            Self.writeMomentHead(moment.kind, first: UInt32(moment.first), end: UInt32(moment.end), text: moment.text,
                                 spans: spans(moment.text), to: &writer)
            writer.varint(moment.end - moment.first)
            writer.varint(0)
        }
        for section in episode.sections {
            let text = section.heading + "\u{1F}" + section.text
            writeOwnMoment(.section, text: text, first: UInt32.max, spans: spans(text), to: &writer)
        }

        // Surface words, met while the texts above were split.
        let words = analyzer.surface.words
        writer.varint(words.count)
        analyzer.withWords { spelled in
            var previous = UnsafeRawBufferPointer(start: nil, count: 0)
            for word in words {
                writer.prefixCompressed(spelled[Int(word)], after: previous)
                previous = spelled[Int(word)]
            }
        }
    }

    private static func writeMomentHead(_ kind: MomentKind, first: UInt32, end: UInt32, text: String, spans: [SourceSpan],
                                        to writer: inout ByteWriter) {
        writer.u8(kind.rawValue)
        writer.varint(Int(first))
        writer.varint(Int(end))
        writer.string(text)
        writer.varint(spans.count)
        for span in spans {
            writer.varint(span.textStart)
            writer.varint(span.sourceStart)
            writer.varint(span.length)
        }
    }

    /// A chapter or section with its own terms, each with its positions.
    private func writeOwnMoment(_ kind: MomentKind, text: String, first: UInt32, spans: [SourceSpan], to writer: inout ByteWriter) {
        Self.writeMomentHead(kind, first: first, end: 0, text: text, spans: spans, to: &writer)
        tokens.removeAll(keepingCapacity: true)
        // A section's heading and text are joined by U+001F, which the splitter takes as a separator.
        writer.varint(analyzer.numberedTokens(text, firstPosition: 0, into: &tokens))
        grouping.write([tokens], terms: analyzer.terms, fieldCounts: false, to: &writer)
    }
}

/// Groups tokens by term — an episode's context tokens (four fields) or a moment's own
/// (one) — and writes the distinct terms in order of first appearance, each with its
/// positions per field, as `EpisodeAnalysis.encode` lays them out (the number of fields
/// before each term's lists only for the context). Buffers are kept for the next call; a
/// term's slot is found through a table indexed by term number, stamped with the call so it
/// never needs clearing.
private struct TermGrouping {
    private var slotOfTerm: [Int32] = []
    private var stampOfTerm: [UInt32] = []
    private var stamp: UInt32 = 0
    /// Term numbers by slot (first appearance).
    private var distinct: [Int32] = []
    /// Per slot and field: how many positions, then (prefix sums) where they go in `positions`.
    private var counts: [Int] = []
    private var positions: [UInt32] = []

    mutating func write(_ fields: [[Analyzer.NumberedToken]], terms: TermTable, fieldCounts: Bool, to writer: inout ByteWriter) {
        stamp &+= 1
        if stamp == 0 {
            stampOfTerm = Array(repeating: 0, count: stampOfTerm.count)
            stamp = 1
        }
        if slotOfTerm.count < terms.count {
            slotOfTerm += Array(repeating: 0, count: terms.count - slotOfTerm.count)
            stampOfTerm += Array(repeating: 0, count: terms.count - stampOfTerm.count)
        }
        distinct.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        let fieldCount = fields.count
        for (field, tokens) in fields.enumerated() {
            for token in tokens {
                let term = Int(token.term)
                if stampOfTerm[term] != stamp {
                    stampOfTerm[term] = stamp
                    slotOfTerm[term] = Int32(distinct.count)
                    distinct.append(token.term)
                    counts += repeatElement(0, count: fieldCount)
                }
                counts[Int(slotOfTerm[term]) * fieldCount + field] += 1
            }
        }
        // Where each slot's field positions start, then place them (appearance order is
        // ascending within a field, so they need no sorting).
        var total = 0
        for index in counts.indices {
            let count = counts[index]
            counts[index] = total
            total += count
        }
        positions.removeAll(keepingCapacity: true)
        positions.append(contentsOf: repeatElement(0, count: total))
        var next = counts
        for (field, tokens) in fields.enumerated() {
            for token in tokens {
                let place = Int(slotOfTerm[Int(token.term)]) * fieldCount + field
                positions[next[place]] = UInt32(bitPattern: token.position)
                next[place] += 1
            }
        }

        writer.varint(distinct.count)
        terms.withTerms { spelled in
            var previous = UnsafeRawBufferPointer(start: nil, count: 0)
            for (slot, term) in distinct.enumerated() {
                writer.prefixCompressed(spelled[Int(term)], after: previous)
                previous = spelled[Int(term)]
                if fieldCounts { writer.varint(fieldCount) }
                for field in 0..<fieldCount {
                    let start = counts[slot * fieldCount + field]
                    let end = slot * fieldCount + field + 1 < counts.count ? counts[slot * fieldCount + field + 1] : total
                    writer.varint(end - start)
                    var last: UInt32 = 0
                    for position in positions[start..<end] {
                        writer.varint(Int(position &- last))
                        last = position
                    }
                }
            }
        }
    }
}
