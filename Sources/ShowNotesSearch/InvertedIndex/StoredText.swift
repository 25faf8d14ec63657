#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A piece of a moment's text that its source file holds byte for byte: the index stores
/// where it is (`sourceStart`, `length`) instead of the bytes.
public struct SourceSpan: Sendable, Equatable {
    /// Where the piece starts in the text's UTF-8.
    public var textStart: Int
    /// Where the same bytes start in the source file.
    public var sourceStart: Int
    public var length: Int

    public init(textStart: Int, sourceStart: Int, length: Int) {
        self.textStart = textStart
        self.sourceStart = sourceStart
        self.length = length
    }
}

/// How a moment's text is stored: as pieces, each either literal bytes or a span of the
/// episode's source file. The texts are most of what an index of show notes would store,
/// and the sources sit beside the index (they are what it is built and checked from), so
/// a text found verbatim in its source costs a few bytes instead of itself. A text, or a
/// part of one, that the source does not hold as such (decoded entities, joined lines,
/// chapters from another file, another encoding) is stored literally: nothing depends on
/// the finder being clever, only on the bytes being equal, which `find` checks.
///
/// Encoding of one text: pieces until the end, each `varint(n << 1)` then `n` literal
/// bytes, or `varint(sourceStart << 1 | 1)` then `varint(length)`.
enum StoredText {
    /// Pieces shorter than this stay literal: a reference costs about four bytes.
    static let shortestSpan = 12

    /// The spans of `text` found in `source`, in text order. The text is cut at paragraph
    /// breaks and at the U+001F that joins a section's heading and text (a parser joins the
    /// paragraphs and drops what lies between them, such as a heading), and each part is
    /// looked for from just past the last one found, then from the start. The bytes searched
    /// are bounded by `budget` (the caller's, shared by an episode's texts, so a source whose
    /// texts are not in it costs a few passes over it, never one per text).
    static func find(_ text: String, in source: UnsafeRawBufferPointer, from cursor: inout Int,
                     budget: inout Int) -> [SourceSpan] {
        guard source.count >= shortestSpan, budget > 0 else { return [] }
        var spans: [SourceSpan] = []
        var copy = text
        copy.withUTF8 { utf8 in
            var start = 0
            while start < utf8.count {
                var end = start
                var next = utf8.count
                while end < utf8.count {
                    if utf8[end] == 0x1F { next = end + 1; break }
                    if utf8[end] == 0x0A, end + 1 < utf8.count, utf8[end + 1] == 0x0A { next = end + 2; break }
                    end += 1
                }
                if end - start >= shortestSpan, budget > 0,
                   let found = search(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[start..<end])), in: source,
                                         from: &cursor, budget: &budget) {
                    spans.append(SourceSpan(textStart: start, sourceStart: found, length: end - start))
                }
                start = next
            }
        }
        return spans
    }

    /// Where `part` occurs in `source`, looking from `cursor` to the end, then from the start.
    private static func search(_ part: UnsafeRawBufferPointer, in source: UnsafeRawBufferPointer, from cursor: inout Int,
                               budget: inout Int) -> Int? {
        for start in cursor > 0 ? [min(cursor, source.count), 0] : [0] {
            guard budget > 0 else { return nil }
            guard let offset = firstOffset(of: part, in: source, from: start) else {
                budget -= source.count - start
                continue
            }
            budget -= offset + part.count - start
            cursor = offset + part.count
            return offset
        }
        return nil
    }

    /// The first offset at or after `start` where `source` holds `part` (non-empty).
    private static func firstOffset(of part: UnsafeRawBufferPointer, in source: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = source.baseAddress, let needle = part.baseAddress, let first = part.first else { return nil }
        var at = start
        while at + part.count <= source.count {
            guard let hit = memchr(base + at, Int32(first), source.count - part.count + 1 - at) else { return nil }
            let offset = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(hit, needle, part.count) == 0 { return offset }
            at = offset + 1
        }
        return nil
    }

    /// Appends the stored form of `text` with `spans` (in text order, within the text).
    static func encode(_ text: String, spans: [SourceSpan], to writer: inout ByteWriter) {
        let utf8 = Array(text.utf8)
        var at = 0
        func literal(upTo end: Int) {
            guard end > at else { return }
            writer.varint((end - at) << 1)
            writer.bytes += utf8[at..<end]
        }
        for span in spans where span.textStart >= at && span.textStart + span.length <= utf8.count {
            literal(upTo: span.textStart)
            writer.varint(span.sourceStart << 1 | 1)
            writer.varint(span.length)
            at = span.textStart + span.length
        }
        literal(upTo: utf8.count)
    }

    /// One piece of a stored text.
    enum Piece {
        case literal(UnsafeRawBufferPointer)
        /// `length` bytes of the source from `start`.
        case span(start: Int, length: Int)
    }

    /// Calls `body` with each piece of a stored text, in order, until it returns false; a
    /// literal piece cut short throws.
    static func forEachPiece(_ stored: UnsafeRawBufferPointer,
                             _ body: (Piece) throws(IndexCorruption) -> Bool) throws(IndexCorruption) {
        var reader = ByteReader(stored)
        while !reader.isAtEnd {
            let head = try reader.varint()
            let piece: Piece
            if head & 1 == 1 {
                piece = .span(start: head >> 1, length: try reader.varint())
            } else {
                let length = head >> 1
                guard length <= reader.end - reader.offset else { throw IndexCorruption("a stored text's literal piece is cut") }
                piece = .literal(UnsafeRawBufferPointer(rebasing: stored[reader.offset..<reader.offset + length]))
                try reader.skip(length)
            }
            guard try body(piece) else { return }
        }
    }

    /// Checks a stored text's pieces: literal ones whole and UTF-8, spans non-empty.
    static func validate(_ stored: UnsafeRawBufferPointer) throws(IndexCorruption) {
        try forEachPiece(stored) { piece throws(IndexCorruption) in
            switch piece {
            case .literal(let bytes):
                guard String(validating: bytes, as: UTF8.self) != nil else { throw IndexCorruption("a stored text's literal piece is not UTF-8") }
            case .span(_, let length):
                guard length > 0 else { throw IndexCorruption("a stored text has an empty source span") }
            }
            return true
        }
    }

    /// Whether a stored text refers to its source.
    static func usesSource(_ stored: UnsafeRawBufferPointer) throws(IndexCorruption) -> Bool {
        var found = false
        try forEachPiece(stored) { piece in
            if case .span = piece { found = true }
            return !found
        }
        return found
    }

    /// The text back from its stored form; `source` is the episode's source file (only
    /// read when the text has spans). Spans outside the source throw.
    static func decode(_ stored: UnsafeRawBufferPointer, source: UnsafeRawBufferPointer?) throws(IndexCorruption) -> String {
        var bytes: [UInt8] = []
        try forEachPiece(stored) { piece throws(IndexCorruption) in
            switch piece {
            case .literal(let literal):
                bytes += literal
            case .span(let start, let length):
                guard let source, start <= source.count, length <= source.count - start else {
                    throw IndexCorruption("stored text refers past the end of its source")
                }
                bytes += UnsafeRawBufferPointer(rebasing: source[start..<start + length])
            }
            return true
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
