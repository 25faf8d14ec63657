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
        var writer = ByteWriter()
        swap(&writer.bytes, &output)
        defer { swap(&writer.bytes, &output) }
        writer.varint(strings.count)
        for string in strings { writer.string(string) }
        writer.varint(fieldLengths.count)
        for length in fieldLengths { writer.varint(length) }
        writer.varint(contextTerms.count)
        var previous: [UInt8] = []
        for term in contextTerms {
            Self.writeTerm(term.term, after: &previous, to: &writer)
            writer.varint(term.positions.count)
            for positions in term.positions { Self.writePositions(positions, to: &writer) }
        }
        writer.varint(moments.count)
        for moment in moments {
            writer.u8(moment.kind.rawValue)
            writer.varint(Int(moment.first))
            writer.varint(Int(moment.end))
            writer.string(moment.text)
            writer.varint(moment.spans.count)
            for span in moment.spans {
                writer.varint(span.textStart)
                writer.varint(span.sourceStart)
                writer.varint(span.length)
            }
            writer.varint(moment.length)
            writer.varint(moment.terms.count)
            previous.removeAll(keepingCapacity: true)
            for (term, positions) in moment.terms {
                Self.writeTerm(term, after: &previous, to: &writer)
                Self.writePositions(positions, to: &writer)
            }
        }
        writer.varint(words.count)
        previous.removeAll(keepingCapacity: true)
        for word in words { Self.writeTerm(word, after: &previous, to: &writer) }
    }

    /// Decodes one analysis written by `encode(into:)` from `bytes[offset...]`, moving
    /// `offset` past it. Damaged bytes throw; they never crash.
    public static func decode(_ bytes: UnsafeRawBufferPointer, offset: inout Int) throws(IndexCorruption) -> EpisodeAnalysis {
        var collector = Collector()
        try visit(bytes, offset: &offset, &collector)
        return collector.analysis
    }

    /// Reads an encoding, handing each part to `visitor` in order (positions in reused buffers).
    static func visit<Visitor: EncodedAnalysisVisitor>(_ bytes: UnsafeRawBufferPointer, offset: inout Int,
                                                       _ visitor: inout Visitor) throws(IndexCorruption) {
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
        visitor.visitStrings(strings, fieldLengths: lengths)
        var previous = PrefixedTerm()
        var counts: [Int] = []
        var positions: [UInt32] = []
        for _ in 0..<(try count(&reader)) {
            try previous.read(&reader)
            counts.removeAll(keepingCapacity: true)
            positions.removeAll(keepingCapacity: true)
            for _ in 0..<(try count(&reader)) { counts.append(try readPositions(&reader, into: &positions)) }
            previous.withBytes { term in
                counts.withUnsafeBufferPointer { counts in
                    positions.withUnsafeBufferPointer { visitor.visitContextTerm(term, counts: counts, positions: $0) }
                }
            }
        }
        for _ in 0..<(try count(&reader)) {
            guard let kind = MomentKind(rawValue: try reader.u8()) else { throw IndexCorruption("unknown moment kind in a cached analysis") }
            let first = UInt32(truncatingIfNeeded: try reader.varint())
            let end = UInt32(truncatingIfNeeded: try reader.varint())
            let text = try reader.string()
            var spans: [SourceSpan] = []
            for _ in 0..<(try count(&reader)) {
                spans.append(SourceSpan(textStart: try reader.varint(), sourceStart: try reader.varint(), length: try reader.varint()))
            }
            visitor.visitMoment(kind: kind, first: first, end: end, text: text, spans: spans, length: try reader.varint())
            previous.reset()
            for _ in 0..<(try count(&reader)) {
                try previous.read(&reader)
                positions.removeAll(keepingCapacity: true)
                _ = try readPositions(&reader, into: &positions)
                previous.withBytes { term in
                    positions.withUnsafeBufferPointer { visitor.visitMomentTerm(term, positions: $0) }
                }
            }
        }
        previous.reset()
        for _ in 0..<(try count(&reader)) {
            try previous.read(&reader)
            previous.withBytes { visitor.visitWord($0) }
        }
        visitor.visitEnd()
    }

    /// Builds the value, for `decode`.
    private struct Collector: EncodedAnalysisVisitor {
        var analysis = EpisodeAnalysis(strings: [], fieldLengths: [], contextTerms: [], moments: [])

        mutating func visitStrings(_ strings: [String], fieldLengths: [Int]) {
            analysis.strings = strings
            analysis.fieldLengths = fieldLengths
        }

        mutating func visitContextTerm(_ term: UnsafeRawBufferPointer, counts: UnsafeBufferPointer<Int>, positions: UnsafeBufferPointer<UInt32>) {
            var fields: [[UInt32]] = []
            fields.reserveCapacity(counts.count)
            var start = 0
            for count in counts {
                fields.append(Array(positions[start..<start + count]))
                start += count
            }
            analysis.contextTerms.append(ContextTerm(term: String(decoding: term, as: UTF8.self), positions: fields))
        }

        mutating func visitMoment(kind: MomentKind, first: UInt32, end: UInt32, text: String, spans: [SourceSpan], length: Int) {
            analysis.moments.append(Moment(kind: kind, first: first, end: end, text: text, length: length, terms: [], spans: spans))
        }

        mutating func visitMomentTerm(_ term: UnsafeRawBufferPointer, positions: UnsafeBufferPointer<UInt32>) {
            analysis.moments[analysis.moments.count - 1].terms.append((String(decoding: term, as: UTF8.self), Array(positions)))
        }

        mutating func visitWord(_ word: UnsafeRawBufferPointer) { analysis.words.append(String(decoding: word, as: UTF8.self)) }

        mutating func visitEnd() {}
    }

    /// A count of items that take at least one byte each: never more than the bytes left.
    private static func count(_ reader: inout ByteReader) throws(IndexCorruption) -> Int {
        let value = try reader.varint()
        guard value <= reader.end - reader.offset else { throw IndexCorruption("implausible count in a cached analysis") }
        return value
    }

    /// Writes `term` prefix-compressed against `previous`, which then holds its bytes.
    static func writeTerm(_ term: String, after previous: inout [UInt8], to writer: inout ByteWriter) {
        var term = term
        term.withUTF8 { writer.prefixCompressed(UnsafeRawBufferPointer($0), after: &previous) }
    }

    /// A count, then gaps (modulo 2³², so any order round-trips).
    private static func writePositions(_ positions: [UInt32], to writer: inout ByteWriter) {
        writer.varint(positions.count)
        var last: UInt32 = 0
        for position in positions {
            writer.varint(Int(position &- last))
            last = position
        }
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

    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }
}

/// Receives an encoded analysis piece by piece, in encoding order, without an
/// `EpisodeAnalysis` being built (see `IndexBuilder.add(encoded:offset:)`): no per-term arrays.
protocol EncodedAnalysisVisitor {
    mutating func visitStrings(_ strings: [String], fieldLengths: [Int])
    /// A context term's UTF-8 bytes and the positions of every field, one field after the
    /// other: `counts[f]` of them in field `f`.
    mutating func visitContextTerm(_ term: UnsafeRawBufferPointer, counts: UnsafeBufferPointer<Int>, positions: UnsafeBufferPointer<UInt32>)
    mutating func visitMoment(kind: MomentKind, first: UInt32, end: UInt32, text: String, spans: [SourceSpan], length: Int)
    /// A term (UTF-8 bytes) of the moment visited last.
    mutating func visitMomentTerm(_ term: UnsafeRawBufferPointer, positions: UnsafeBufferPointer<UInt32>)
    /// A surface word (UTF-8 bytes) of the episode.
    mutating func visitWord(_ word: UnsafeRawBufferPointer)
    /// The episode is complete.
    mutating func visitEnd()
}
