/// Byte-level helpers for the parser's hot paths: Swift's generic `String.contains`
/// and `count` walk grapheme clusters, which costs more than the whole parse.
extension String {
    /// Whether the UTF-8 bytes of `needle` occur in the string.
    func containsBytes(_ needle: StaticString) -> Bool {
        firstByteOffset(of: needle, from: 0) != nil
    }

    /// The pieces between occurrences of `separator`'s bytes.
    func split(bytes separator: StaticString) -> [Substring] {
        var pieces: [Substring] = []
        var start = 0
        while let found = firstByteOffset(of: separator, from: start) {
            pieces.append(self[utf8.index(startIndex, offsetBy: start)..<utf8.index(startIndex, offsetBy: found)])
            start = found + separator.utf8CodeUnitCount
        }
        if pieces.isEmpty { return [self[...]] }
        pieces.append(self[utf8.index(startIndex, offsetBy: start)...])
        return pieces
    }

    /// The byte offset of the first occurrence of `needle` at or after `from`.
    func firstByteOffset(of needle: StaticString, from: Int) -> Int? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return from }
        var copy = self
        return copy.withUTF8 { bytes -> Int? in
            guard bytes.count >= pattern.count else { return nil }
            var index = from
            let last = bytes.count - pattern.count
            while index <= last {
                if bytes[index] == first {
                    var matched = 1
                    while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return index }
                }
                index += 1
            }
            return nil
        }
    }

    /// The length in UTF-8 bytes (constant time for native strings).
    var byteCount: Int { utf8.count }

    /// Whether every byte is ASCII.
    var isASCII: Bool {
        var copy = self
        return copy.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
    }
}

extension UInt8 {
    /// The byte with `A`–`Z` folded to `a`–`z`.
    var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self + 0x20 : self }
}
