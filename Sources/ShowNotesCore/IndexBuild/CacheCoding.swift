/// Little-endian output with LEB128 varints, for the build cache's own files (table and
/// record framing; the analyses themselves use `EpisodeAnalysis.encode`).
struct CacheWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: Int) { varint(UInt64(max(0, value))) }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func string(_ value: String) {
        varint(value.utf8.count)
        bytes += value.utf8
    }
}

/// Why cached bytes could not be used (the cache is then ignored, never trusted).
struct CacheDamage: Error {
    var what: String
    init(_ what: String) { self.what = what }
}

/// A bounds-checked cursor over cached bytes: reading past the end throws.
struct CacheReader {
    let base: UnsafeRawBufferPointer
    var offset: Int

    init(_ base: UnsafeRawBufferPointer, offset: Int = 0) {
        self.base = base
        self.offset = offset
    }

    var isAtEnd: Bool { offset >= base.count }

    mutating func u8() throws(CacheDamage) -> UInt8 {
        guard offset < base.count else { throw CacheDamage("truncated") }
        defer { offset += 1 }
        return base[offset]
    }

    mutating func varint() throws(CacheDamage) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try u8()
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
            guard shift < 64 else { throw CacheDamage("number too long") }
        }
    }

    /// A varint that must fit an `Int` and be at most `limit`.
    mutating func int(limit: Int = Int(Int32.max)) throws(CacheDamage) -> Int {
        let value = try varint()
        guard value <= UInt64(limit) else { throw CacheDamage("number out of range") }
        return Int(value)
    }

    /// A count of items taking at least one byte each.
    mutating func count() throws(CacheDamage) -> Int { try int(limit: base.count - offset) }

    mutating func string() throws(CacheDamage) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: base[offset..<offset + length]), as: UTF8.self)
    }
}
