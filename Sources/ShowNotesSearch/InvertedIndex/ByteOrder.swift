#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether this string sorts before `other` by its UTF-8 bytes: the order of the index's
    /// terms, metadata keys and source paths (the same on every machine, unlike `<`, which
    /// compares canonical equivalents). One `memcmp` over the strings' own storage, where
    /// `utf8.lexicographicallyPrecedes` steps a generic iterator byte by byte.
    public func precedesInUTF8(_ other: String) -> Bool {
        var first = self, second = other
        return first.withUTF8 { a in
            second.withUTF8 { b in
                let common = min(a.count, b.count)
                if common > 0, let left = a.baseAddress, let right = b.baseAddress {
                    let order = memcmp(left, right, common)
                    if order != 0 { return order < 0 }
                }
                return a.count < b.count
            }
        }
    }
}

extension Array where Element == String {
    /// The strings in UTF-8 byte order (`precedesInUTF8`), sorted on their first eight bytes
    /// as one integer and compared whole only on ties: an episode's terms mostly differ
    /// early, so this costs a fraction of a sort by string comparison.
    func sortedByUTF8() -> [String] {
        var keyed = map { string -> (prefix: UInt64, string: String) in
            var prefix: UInt64 = 0
            var count = 0
            for byte in string.utf8.prefix(8) {
                prefix = prefix << 8 | UInt64(byte)
                count += 1
            }
            return (count == 0 ? 0 : prefix << UInt64(8 * (8 - count)), string)
        }
        keyed.sort { $0.prefix != $1.prefix ? $0.prefix < $1.prefix : $0.string.precedesInUTF8($1.string) }
        return keyed.map(\.string)
    }
}
