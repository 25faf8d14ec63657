/// Lower-casing with the exact result of `lowercased()`, computed on UTF-8 bytes.
///
/// Facts this relies on, checked over every Unicode scalar on this toolchain: `lowercased()`
/// maps scalar by scalar (no context such as a final sigma), and a scalar without
/// `changesWhenLowercased` maps to itself. Only U+0130 (`İ` → `i̇`) and U+212A (Kelvin
/// sign → `k`) lower-case to anything holding ASCII from outside ASCII.
extension String {
    /// `lowercased()`, without its per-scalar table lookups for ASCII and for
    /// characters that have no lower case (`•`, `“`, `…`, emoji).
    func lowercasedFast() -> String {
        var text = self
        return text.withUTF8 { Self.lowercasedUTF8($0) }
    }

    /// The lower case of valid UTF-8 `bytes` (a `String`'s or `Substring`'s always are).
    static func lowercasedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (index, byte) in bytes.enumerated() { buffer[index] = byte.asciiLowercased }
                return bytes.count
            }
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
            guard let (scalar, length) = bytes.scalar(at: index) else {
                lower.append(lead)   // not reached for valid UTF-8
                index += 1
                continue
            }
            if scalar.properties.changesWhenLowercased {
                lower += scalar.properties.lowercaseMapping.utf8
            } else {
                lower += bytes[index..<index + length]
            }
            index += length
        }
        return String(decoding: lower, as: UTF8.self)
    }
}

extension Substring {
    /// `lowercased()` (see `String.lowercasedFast()`).
    func lowercasedFast() -> String {
        var text = self
        return text.withUTF8 { String.lowercasedUTF8($0) }
    }
}
