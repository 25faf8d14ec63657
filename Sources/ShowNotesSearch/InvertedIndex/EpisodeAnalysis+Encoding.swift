/// A compact binary form of an `EpisodeAnalysis`, for the build cache (`.shownotes-cache/`):
/// decoding it is much cheaper than parsing and analysing the source again.
///
/// Deterministic: the bytes are a function of the value alone. Layout (LEB128 varints):
/// the strings; the field lengths; the context terms (each prefix-compressed against the
/// previous term, then per field a count and position gaps); the moments (kind, first, end,
/// text, length, then own terms as the context terms). Not part of the index format.
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
            writer.varint(moment.length)
            writer.varint(moment.terms.count)
            previous.removeAll(keepingCapacity: true)
            for (term, positions) in moment.terms {
                Self.writeTerm(term, after: &previous, to: &writer)
                Self.writePositions(positions, to: &writer)
            }
        }
    }

    /// Decodes one analysis written by `encode(into:)` from `bytes[offset...]`, moving
    /// `offset` past it. Damaged bytes throw; they never crash.
    public static func decode(_ bytes: UnsafeRawBufferPointer, offset: inout Int) throws(IndexCorruption) -> EpisodeAnalysis {
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
        let termCount = try count(&reader)
        var contextTerms: [ContextTerm] = []
        contextTerms.reserveCapacity(termCount)
        var previous: [UInt8] = []
        for _ in 0..<termCount {
            let term = try readTerm(&reader, after: &previous)
            let fields = try count(&reader)
            var positions: [[UInt32]] = []
            positions.reserveCapacity(fields)
            for _ in 0..<fields { positions.append(try readPositions(&reader)) }
            contextTerms.append(ContextTerm(term: term, positions: positions))
        }
        let momentCount = try count(&reader)
        var moments: [Moment] = []
        moments.reserveCapacity(momentCount)
        for _ in 0..<momentCount {
            guard let kind = MomentKind(rawValue: try reader.u8()) else { throw IndexCorruption("unknown moment kind in a cached analysis") }
            let first = UInt32(truncatingIfNeeded: try reader.varint())
            let end = UInt32(truncatingIfNeeded: try reader.varint())
            let text = try reader.string()
            let length = try reader.varint()
            let ownCount = try count(&reader)
            var terms: [(term: String, positions: [UInt32])] = []
            terms.reserveCapacity(ownCount)
            previous.removeAll(keepingCapacity: true)
            for _ in 0..<ownCount {
                let term = try readTerm(&reader, after: &previous)
                terms.append((term, try readPositions(&reader)))
            }
            moments.append(Moment(kind: kind, first: first, end: end, text: text, length: length, terms: terms))
        }
        return EpisodeAnalysis(strings: strings, fieldLengths: lengths, contextTerms: contextTerms, moments: moments)
    }

    /// A count of items that take at least one byte each: never more than the bytes left.
    private static func count(_ reader: inout ByteReader) throws(IndexCorruption) -> Int {
        let value = try reader.varint()
        guard value <= reader.end - reader.offset else { throw IndexCorruption("implausible count in a cached analysis") }
        return value
    }

    private static func writeTerm(_ term: String, after previous: inout [UInt8], to writer: inout ByteWriter) {
        let bytes = Array(term.utf8)
        let shared = zip(previous, bytes).prefix(while: { $0 == $1 }).count
        writer.varint(shared)
        writer.varint(bytes.count - shared)
        writer.append(Array(bytes[shared...]))
        previous = bytes
    }

    private static func readTerm(_ reader: inout ByteReader, after previous: inout [UInt8]) throws(IndexCorruption) -> String {
        let shared = try reader.varint()
        let suffix = try reader.varint()
        guard shared <= previous.count, suffix <= reader.end - reader.offset else { throw IndexCorruption("bad term in a cached analysis") }
        previous.removeSubrange(shared...)
        for index in reader.offset..<reader.offset + suffix { previous.append(reader.base[index]) }
        try reader.skip(suffix)
        return String(decoding: previous, as: UTF8.self)
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

    private static func readPositions(_ reader: inout ByteReader) throws(IndexCorruption) -> [UInt32] {
        let total = try count(&reader)
        var positions: [UInt32] = []
        positions.reserveCapacity(total)
        var last: UInt32 = 0
        for _ in 0..<total {
            last = last &+ UInt32(truncatingIfNeeded: try reader.varint())
            positions.append(last)
        }
        return positions
    }
}
