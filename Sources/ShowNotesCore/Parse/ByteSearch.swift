#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeBufferPointer<UInt8> {
    /// The index of the first `byte` at or after `start`, found with C's `memchr`, which
    /// looks at many bytes per step (the parser's most frequent question about a line).
    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard start >= 0, start < count, let base = baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// The index of the first occurrence of `pattern` at or after `start`.
    func firstIndex(of pattern: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first else { return Swift.min(Swift.max(start, 0), count) }
        var from = start
        while let candidate = firstIndex(of: first, from: from) {
            guard candidate + pattern.count <= count else { return nil }
            var matched = 1
            while matched < pattern.count, self[candidate + matched] == pattern[matched] { matched += 1 }
            if matched == pattern.count { return candidate }
            from = candidate + 1
        }
        return nil
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The scalar whose UTF-8 starts at `index`, and its length in bytes; `nil` when the
    /// bytes there are not one well-formed scalar.
    func scalar(at index: Int) -> (Unicode.Scalar, Int)? {
        guard index >= 0, index < count else { return nil }
        let lead = self[index]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= count else { return nil }
        var iterator = self[index..<index + length].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        guard case .emptyInput = decoder.decode(&iterator) else { return nil }
        return (scalar, length)
    }
}
