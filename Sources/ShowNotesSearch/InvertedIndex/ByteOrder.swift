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
