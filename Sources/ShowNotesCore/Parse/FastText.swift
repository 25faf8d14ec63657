/// Byte-level helpers for the parser's hot paths: Swift's generic `String.contains`
/// and `count` walk grapheme clusters, which costs more than the whole parse.
extension String {
    /// Whether the UTF-8 bytes of `needle` occur in the string.
    func containsBytes(_ needle: StaticString) -> Bool {
        firstByteOffset(of: needle, from: 0) != nil
    }

    /// The pieces between occurrences of `separator`'s bytes.
    func split(bytes separator: StaticString) -> [Substring] {
        let pattern = UnsafeBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount)
        var copy = self
        let bounds: [Int] = copy.withUTF8 { bytes in
            // Start and end of each piece, one after another.
            var bounds = [0]
            var start = 0
            while !pattern.isEmpty, let found = bytes.firstIndex(of: pattern, from: start) {
                bounds += [found, found + pattern.count]
                start = found + pattern.count
            }
            bounds.append(bytes.count)
            return bounds
        }
        guard bounds.count > 2 else { return [self[...]] }
        return stride(from: 0, to: bounds.count, by: 2).map { piece in
            let lower = utf8.index(startIndex, offsetBy: bounds[piece])
            return self[lower..<utf8.index(lower, offsetBy: bounds[piece + 1] - bounds[piece])]
        }
    }

    /// The byte offset of the first occurrence of `needle` at or after `from`.
    func firstByteOffset(of needle: StaticString, from: Int) -> Int? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard !pattern.isEmpty else { return from }
        var copy = self
        return copy.withUTF8 { bytes in bytes.firstIndex(of: pattern, from: from) }
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
