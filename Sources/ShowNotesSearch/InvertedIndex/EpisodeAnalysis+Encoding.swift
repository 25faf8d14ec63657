/// A compact binary form of an `EpisodeAnalysis`, for the build cache (`.shownotes-cache/`):
/// decoding it is much cheaper than parsing and analysing the source again.
///
/// Deterministic: the bytes are a function of the value alone. Layout (LEB128 varints):
/// the strings; the field lengths; the context terms (each prefix-compressed against the
/// previous term, then per field a count and position gaps); the moments (kind, first, end,
/// text, its source spans, length, then own terms as the context terms); the surface words, prefix-compressed.
/// Not part of the index format.
extension EpisodeAnalysis {
    /// Appends the encoding of this analysis to `output`.
    public func encode(into output: inout [UInt8]) {
        var encoder = AnalysisEncoder()
        swap(&encoder.writer.bytes, &output)
        defer { swap(&encoder.writer.bytes, &output) }
        encoder.beginEpisode(strings: strings, fieldLengths: fieldLengths, numbering: 0)
        encoder.beginContextTerms(count: contextTerms.count)
        var counts: [Int] = [], positions: [UInt32] = []
        for term in contextTerms {
            counts = term.positions.map(\.count)
            positions = Array(term.positions.joined())
            Self.withTerm(term.term) { term in
                counts.withUnsafeBufferPointer { counts in
                    positions.withUnsafeBufferPointer { encoder.contextTerm(term, counts: counts, positions: $0) }
                }
            }
        }
        encoder.beginMoments(count: moments.count)
        for moment in moments {
            encoder.moment(kind: moment.kind, first: moment.first, end: moment.end, text: moment.text, spans: moment.spans,
                           length: moment.length, termCount: moment.terms.count)
            for (term, positions) in moment.terms {
                Self.withTerm(term) { term in positions.withUnsafeBufferPointer { encoder.momentTerm(term, positions: $0) } }
            }
        }
        encoder.beginWords(count: words.count)
        for word in words { Self.withTerm(word) { encoder.word($0) } }
        encoder.endEpisode()
    }

    /// Calls `body` with `text` as a term without a number.
    private static func withTerm<Result>(_ text: String, _ body: (SinkTerm) -> Result) -> Result {
        var text = text
        return text.withUTF8 { body(SinkTerm(bytes: UnsafeRawBufferPointer($0), number: -1)) }
    }

    /// Decodes one analysis written by `encode(into:)` from `bytes[offset...]`, moving
    /// `offset` past it. Damaged bytes throw; they never crash.
    public static func decode(_ bytes: UnsafeRawBufferPointer, offset: inout Int) throws(IndexCorruption) -> EpisodeAnalysis {
        var collector = Collector()
        try visit(bytes, offset: &offset, &collector)
        return collector.analysis
    }

    /// Reads an encoding, handing each part to `sink` in order (positions in reused buffers;
    /// terms without numbers).
    static func visit<Sink: AnalysisSink>(_ bytes: UnsafeRawBufferPointer, offset: inout Int,
                                          _ sink: inout Sink) throws(IndexCorruption) {
        var reader = ByteReader(bytes, from: offset)
        defer { offset = reader.offset }
        let stringCount = try count(&reader)
        var strings: [String] = []
        strings.reserveCapacity(stringCount)
        for _ in 0..<stringCount { strings.append(try reader.string()) }
        let lengthCount = try count(&reader)
        var lengths: [Int] = []
        lengths.reserveCapacity(lengthCount)
        for _ in 0..<lengthCount { lengths.append(try reader.varint()) }
        sink.beginEpisode(strings: strings, fieldLengths: lengths, numbering: 0)
        var previous = PrefixedTerm()
        var counts: [Int] = []
        var positions: [UInt32] = []
        let contextTerms = try count(&reader)
        sink.beginContextTerms(count: contextTerms)
        for _ in 0..<contextTerms {
            try previous.read(&reader)
            counts.removeAll(keepingCapacity: true)
            positions.removeAll(keepingCapacity: true)
            for _ in 0..<(try count(&reader)) { counts.append(try readPositions(&reader, into: &positions)) }
            previous.withTerm { term in
                counts.withUnsafeBufferPointer { counts in
                    positions.withUnsafeBufferPointer { sink.contextTerm(term, counts: counts, positions: $0) }
                }
            }
        }
        let moments = try count(&reader)
        sink.beginMoments(count: moments)
        for _ in 0..<moments {
            guard let kind = MomentKind(rawValue: try reader.u8()) else { throw IndexCorruption("unknown moment kind in a cached analysis") }
            let first = UInt32(truncatingIfNeeded: try reader.varint())
            let end = UInt32(truncatingIfNeeded: try reader.varint())
            let text = try reader.string()
            var spans: [SourceSpan] = []
            for _ in 0..<(try count(&reader)) {
                spans.append(SourceSpan(textStart: try reader.varint(), sourceStart: try reader.varint(), length: try reader.varint()))
            }
            let length = try reader.varint()
            let terms = try count(&reader)
            sink.moment(kind: kind, first: first, end: end, text: text, spans: spans, length: length, termCount: terms)
            previous.reset()
            for _ in 0..<terms {
                try previous.read(&reader)
                positions.removeAll(keepingCapacity: true)
                _ = try readPositions(&reader, into: &positions)
                previous.withTerm { term in
                    positions.withUnsafeBufferPointer { sink.momentTerm(term, positions: $0) }
                }
            }
        }
        previous.reset()
        let words = try count(&reader)
        sink.beginWords(count: words)
        for _ in 0..<words {
            try previous.read(&reader)
            previous.withTerm { sink.word($0) }
        }
        sink.endEpisode()
    }

    /// Builds the value, for `decode`.
    private struct Collector: AnalysisSink {
        var analysis = EpisodeAnalysis(strings: [], fieldLengths: [], contextTerms: [], moments: [])

        mutating func beginEpisode(strings: [String], fieldLengths: [Int], numbering: Int) {
            analysis.strings = strings
            analysis.fieldLengths = fieldLengths
        }

        mutating func contextTerm(_ term: SinkTerm, counts: UnsafeBufferPointer<Int>, positions: UnsafeBufferPointer<UInt32>) {
            var fields: [[UInt32]] = []
            fields.reserveCapacity(counts.count)
            var start = 0
            for count in counts {
                fields.append(Array(positions[start..<start + count]))
                start += count
            }
            analysis.contextTerms.append(ContextTerm(term: term.string, positions: fields))
        }

        mutating func moment(kind: MomentKind, first: UInt32, end: UInt32, text: String, spans: [SourceSpan], length: Int, termCount: Int) {
            analysis.moments.append(Moment(kind: kind, first: first, end: end, text: text, length: length, terms: [], spans: spans))
        }

        mutating func momentTerm(_ term: SinkTerm, positions: UnsafeBufferPointer<UInt32>) {
            analysis.moments[analysis.moments.count - 1].terms.append((term.string, Array(positions)))
        }

        mutating func word(_ word: SinkTerm) { analysis.words.append(word.string) }

        mutating func endEpisode() {}
    }

    /// A count of items that take at least one byte each: never more than the bytes left.
    private static func count(_ reader: inout ByteReader) throws(IndexCorruption) -> Int {
        let value = try reader.varint()
        guard value <= reader.end - reader.offset else { throw IndexCorruption("implausible count in a cached analysis") }
        return value
    }

    /// Appends one list of positions to `positions`; returns how many.
    private static func readPositions(_ reader: inout ByteReader, into positions: inout [UInt32]) throws(IndexCorruption) -> Int {
        let total = try count(&reader)
        var last: UInt32 = 0
        for _ in 0..<total {
            last = last &+ UInt32(truncatingIfNeeded: try reader.varint())
            positions.append(last)
        }
        return total
    }
}

/// A prefix-compressed term being read back, in a buffer kept from one term to the next
/// (no array shrinks and grows per term).
private struct PrefixedTerm {
    private var buffer = [UInt8](repeating: 0, count: 64)
    private var count = 0

    /// Reads the next term: the bytes it shares with this one, then its own.
    mutating func read(_ reader: inout ByteReader) throws(IndexCorruption) {
        let shared = try reader.varint()
        let suffix = try reader.varint()
        guard shared <= count, suffix <= reader.end - reader.offset else { throw IndexCorruption("bad term in a cached analysis") }
        if shared + suffix > buffer.count { buffer += repeatElement(0, count: shared + suffix) }
        let source = UnsafeRawBufferPointer(rebasing: reader.base[reader.offset..<reader.offset + suffix])
        buffer.withUnsafeMutableBytes { UnsafeMutableRawBufferPointer(rebasing: $0[shared..<shared + suffix]).copyMemory(from: source) }
        count = shared + suffix
        try reader.skip(suffix)
    }

    /// Starts a new list: the next term shares nothing.
    mutating func reset() { count = 0 }

    /// Calls `body` with the term (no number: it was read back, not analysed).
    func withTerm<Result>(_ body: (SinkTerm) -> Result) -> Result {
        buffer.withUnsafeBytes { body(SinkTerm(bytes: UnsafeRawBufferPointer(rebasing: $0[..<count]), number: -1)) }
    }
}
