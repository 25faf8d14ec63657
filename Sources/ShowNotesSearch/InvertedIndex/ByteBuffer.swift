/// Growable little-endian byte output with LEB128 variable-length integers.
struct ByteWriter {
    var bytes: [UInt8] = []

    var count: Int { bytes.count }

    mutating func varint(_ value: Int) {
        var rest = UInt64(max(0, value))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }

    mutating func u64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8((value >> UInt64(shift)) & 0xFF)) }
    }

    mutating func f64(_ value: Double) { u64(value.bitPattern) }

    mutating func string(_ value: String) {
        varint(value.utf8.count)
        bytes += value.utf8
    }

    mutating func append(_ other: [UInt8]) { bytes += other }

    /// Writes `term` prefix-compressed against `previous` (the term before it, or nothing at
    /// the start of a block): the number of bytes they share, the number of the rest, then the
    /// rest. The form of the term dictionary, the spelling vocabulary and cached analyses.
    mutating func prefixCompressed(_ term: UnsafeRawBufferPointer, after previous: UnsafeRawBufferPointer) {
        let limit = min(previous.count, term.count)
        var shared = 0
        while shared < limit, previous[shared] == term[shared] { shared += 1 }
        varint(shared)
        varint(term.count - shared)
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: term[shared...]))
    }

    /// The same, against the bytes of `previous`, which then become `term`'s.
    mutating func prefixCompressed(_ term: UnsafeRawBufferPointer, after previous: inout [UInt8]) {
        previous.withUnsafeBytes { prefixCompressed(term, after: $0) }
        previous.removeAll(keepingCapacity: true)
        previous.append(contentsOf: term)
    }
}

/// A bounds-checked cursor over index bytes: every read past the end throws instead of crashing.
struct ByteReader {
    let base: UnsafeRawBufferPointer
    var offset: Int
    let end: Int

    /// A start before the buffer or past `end` gives a reader at its end: every read throws.
    init(_ base: UnsafeRawBufferPointer, from start: Int = 0, to end: Int? = nil) {
        self.base = base
        self.end = max(0, min(end ?? base.count, base.count))
        self.offset = start >= 0 && start <= self.end ? start : self.end
    }

    var isAtEnd: Bool { offset >= end }

    mutating func u8() throws(IndexCorruption) -> UInt8 {
        guard offset < end else { throw IndexCorruption("read past the end of a section") }
        defer { offset += 1 }
        return base[offset]
    }

    /// A LEB128 number. Most numbers in the index (gaps, frequencies, positions) fit in one
    /// byte: that case is inlined into the decoding loops, the rest is a call.
    @inline(__always)
    mutating func varint() throws(IndexCorruption) -> Int {
        // One and two bytes inline: most numbers in postings (document gaps with flags) take one or two.
        if offset + 1 < end {
            let byte = base[offset]
            if byte < 0x80 {
                offset += 1
                return Int(byte)
            }
            let next = base[offset + 1]
            if next < 0x80 {
                offset += 2
                return Int(byte & 0x7F) | Int(next) << 7
            }
        } else if offset < end, base[offset] < 0x80 {
            offset += 1
            return Int(base[offset - 1])
        }
        return try longVarint()
    }

    private mutating func longVarint() throws(IndexCorruption) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end else { throw IndexCorruption("truncated number") }
            let byte = base[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
            guard shift < 63 else { throw IndexCorruption("number too long") }
        }
        guard value <= UInt64(Int32.max) * 4096 else { throw IndexCorruption("number out of range") }
        return Int(value)
    }

    mutating func u32() throws(IndexCorruption) -> UInt32 {
        guard end - offset >= 4 else { throw IndexCorruption("truncated 32-bit value") }
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(base[offset + index]) << UInt32(8 * index) }
        offset += 4
        return value
    }

    mutating func u64() throws(IndexCorruption) -> UInt64 {
        guard end - offset >= 8 else { throw IndexCorruption("truncated 64-bit value") }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(base[offset + index]) << UInt64(8 * index) }
        offset += 8
        return value
    }

    mutating func f64() throws(IndexCorruption) -> Double { Double(bitPattern: try u64()) }

    mutating func string() throws(IndexCorruption) -> String {
        let length = try varint()
        guard length <= end - offset else { throw IndexCorruption("string runs past its section") }
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: base[offset..<offset + length]), as: UTF8.self)
    }

    /// Skips `count` LEB128 numbers without decoding them: a number ends at each byte below
    /// 0x80, and those are counted eight bytes at a time while at least eight numbers remain.
    /// (Positions of a document far into a block are reached by skipping everything before
    /// it in the block: hundreds of numbers for a takeaway's word.)
    mutating func skipVarints(_ count: Int) throws(IndexCorruption) {
        var left = count
        while left >= 8, end - offset >= 8 {
            let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            left -= (~word & 0x8080_8080_8080_8080).nonzeroBitCount
            offset += 8
        }
        while left > 0 {
            guard offset < end else { throw IndexCorruption("truncated number") }
            if base[offset] < 0x80 { left -= 1 }
            offset += 1
        }
    }

    mutating func skip(_ count: Int) throws(IndexCorruption) {
        guard count >= 0, count <= end - offset else { throw IndexCorruption("skip past the end of a section") }
        offset += count
    }
}

/// Damage found while reading an index: which structure, and what was wrong.
public struct IndexCorruption: Error, Sendable, Equatable {
    public var what: String
    public init(_ what: String) { self.what = what }
}
