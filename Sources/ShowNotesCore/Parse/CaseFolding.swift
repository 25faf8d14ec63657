/// Lower-casing with the exact result of `lowercased()`, computed on UTF-8 bytes.
///
/// Facts this relies on, checked over every Unicode scalar on this toolchain: `lowercased()`
/// maps scalar by scalar (no context such as a final sigma), and a scalar without
/// `changesWhenLowercased` maps to itself. Only U+0130 (`İ` → `i̇`) and U+212A (Kelvin
/// sign → `k`) lower-case to anything holding ASCII from outside ASCII.
extension StringProtocol {
    /// `lowercased()`, without its per-scalar table lookups for ASCII and for
    /// characters that have no lower case (`•`, `“`, `…`, emoji).
    func lowercasedFast() -> String {
        var text = String(self)
        return text.withUTF8 { bytes in
            if bytes.allSatisfy({ $0 < 0x80 }) {
                return String(decoding: bytes.lazy.map(\.asciiLowercased), as: UTF8.self)
            }
            var lower: [UInt8] = []
            lower.reserveCapacity(bytes.count + 8)
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    lower.append(lead.asciiLowercased)
                    index += 1
                    continue
                }
                // One scalar of valid UTF-8 (a `String`'s bytes always are).
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                let end = Swift.min(index + length, bytes.count)
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for continuation in bytes[(index + 1)..<end] { value = value << 6 | UInt32(continuation & 0x3F) }
                if let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased {
                    lower += scalar.properties.lowercaseMapping.utf8
                } else {
                    lower += bytes[index..<end]
                }
                index = end
            }
            return String(decoding: lower, as: UTF8.self)
        }
    }
}
