/// Receives an episode's analysis piece by piece, in the order of its encoding
/// (`EpisodeAnalysis.encode`), without an `EpisodeAnalysis` value being built: no per-term
/// arrays. `EpisodeAnalyzer` produces these calls as it analyses an episode, and
/// `EpisodeAnalysis.visit` as it reads an encoding back (the build cache); `AnalysisEncoder`
/// writes them as the encoding, `IndexBuilder` adds them to an index, and `AnalysisTee`
/// does both at once.
protocol AnalysisSink {
    /// An episode starts: its strings and context field lengths. `numbering` identifies the
    /// analyzer numbering the terms' and words' numbers below belong to (0: none; see `SinkTerm`).
    mutating func beginEpisode(strings: [String], fieldLengths: [Int], numbering: Int)
    /// How many context terms follow.
    mutating func beginContextTerms(count: Int)
    /// A context term and the positions of every field, one field after the other: `counts[f]`
    /// of them in field `f`.
    mutating func contextTerm(_ term: SinkTerm, counts: UnsafeBufferPointer<Int>, positions: UnsafeBufferPointer<UInt32>)
    /// How many moments follow.
    mutating func beginMoments(count: Int)
    /// A moment, followed by `termCount` calls of `momentTerm` for its own terms.
    mutating func moment(kind: MomentKind, first: UInt32, end: UInt32, text: String, spans: [SourceSpan], length: Int, termCount: Int)
    /// A term of the moment given last, with its positions.
    mutating func momentTerm(_ term: SinkTerm, positions: UnsafeBufferPointer<UInt32>)
    /// How many surface words follow.
    mutating func beginWords(count: Int)
    /// A surface word of the episode.
    mutating func word(_ word: SinkTerm)
    /// The episode is complete.
    mutating func endEpisode()
}

extension AnalysisSink {
    mutating func beginContextTerms(count: Int) {}
    mutating func beginMoments(count: Int) {}
    mutating func beginWords(count: Int) {}
}

/// A term or surface word handed to an `AnalysisSink`: its UTF-8 bytes (valid only during
/// the call), and, when it comes straight from an analyzer, its number there (stable within
/// the episode's `numbering`, so a sink may remember what it made of it), else -1.
struct SinkTerm {
    let bytes: UnsafeRawBufferPointer
    let number: Int32

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Writes the calls as the encoding of `EpisodeAnalysis.encode` (the build cache's form):
/// LEB128 varints; terms and words prefix-compressed against the previous one of their list.
struct AnalysisEncoder: AnalysisSink {
    var writer = ByteWriter()
    /// The previous term of the list being written.
    private var previous: [UInt8] = []

    mutating func beginEpisode(strings: [String], fieldLengths: [Int], numbering: Int) {
        writer.varint(strings.count)
        for string in strings { writer.string(string) }
        writer.varint(fieldLengths.count)
        for length in fieldLengths { writer.varint(length) }
    }

    mutating func beginContextTerms(count: Int) {
        writer.varint(count)
        previous.removeAll(keepingCapacity: true)
    }

    mutating func contextTerm(_ term: SinkTerm, counts: UnsafeBufferPointer<Int>, positions: UnsafeBufferPointer<UInt32>) {
        writer.prefixCompressed(term.bytes, after: &previous)
        writer.varint(counts.count)
        var start = 0
        for count in counts {
            writeGaps(UnsafeBufferPointer(rebasing: positions[start..<start + count]))
            start += count
        }
    }

    mutating func beginMoments(count: Int) { writer.varint(count) }

    mutating func moment(kind: MomentKind, first: UInt32, end: UInt32, text: String, spans: [SourceSpan], length: Int, termCount: Int) {
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
        writer.varint(length)
        writer.varint(termCount)
        previous.removeAll(keepingCapacity: true)
    }

    mutating func momentTerm(_ term: SinkTerm, positions: UnsafeBufferPointer<UInt32>) {
        writer.prefixCompressed(term.bytes, after: &previous)
        writeGaps(positions)
    }

    mutating func beginWords(count: Int) {
        writer.varint(count)
        previous.removeAll(keepingCapacity: true)
    }

    mutating func word(_ word: SinkTerm) { writer.prefixCompressed(word.bytes, after: &previous) }

    mutating func endEpisode() {}

    /// A count, then gaps (modulo 2³², so any order round-trips).
    private mutating func writeGaps(_ positions: UnsafeBufferPointer<UInt32>) {
        writer.varint(positions.count)
        var last: UInt32 = 0
        for position in positions {
            writer.varint(Int(position &- last))
            last = position
        }
    }
}

/// Hands every call to two sinks: an analysis read now goes to the build cache's encoding
/// and to the index at once.
struct AnalysisTee<First: AnalysisSink, Second: AnalysisSink>: AnalysisSink {
    var first: First
    var second: Second

    mutating func beginEpisode(strings: [String], fieldLengths: [Int], numbering: Int) {
        first.beginEpisode(strings: strings, fieldLengths: fieldLengths, numbering: numbering)
        second.beginEpisode(strings: strings, fieldLengths: fieldLengths, numbering: numbering)
    }

    mutating func beginContextTerms(count: Int) {
        first.beginContextTerms(count: count)
        second.beginContextTerms(count: count)
    }

    mutating func contextTerm(_ term: SinkTerm, counts: UnsafeBufferPointer<Int>, positions: UnsafeBufferPointer<UInt32>) {
        first.contextTerm(term, counts: counts, positions: positions)
        second.contextTerm(term, counts: counts, positions: positions)
    }

    mutating func beginMoments(count: Int) {
        first.beginMoments(count: count)
        second.beginMoments(count: count)
    }

    mutating func moment(kind: MomentKind, first start: UInt32, end: UInt32, text: String, spans: [SourceSpan], length: Int, termCount: Int) {
        first.moment(kind: kind, first: start, end: end, text: text, spans: spans, length: length, termCount: termCount)
        second.moment(kind: kind, first: start, end: end, text: text, spans: spans, length: length, termCount: termCount)
    }

    mutating func momentTerm(_ term: SinkTerm, positions: UnsafeBufferPointer<UInt32>) {
        first.momentTerm(term, positions: positions)
        second.momentTerm(term, positions: positions)
    }

    mutating func beginWords(count: Int) {
        first.beginWords(count: count)
        second.beginWords(count: count)
    }

    mutating func word(_ word: SinkTerm) {
        first.word(word)
        second.word(word)
    }

    mutating func endEpisode() {
        first.endEpisode()
        second.endEpisode()
    }
}
