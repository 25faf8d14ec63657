/// Turns the bytes of a notes file into text, the way a person's editor would:
/// UTF-8 (with or without BOM), UTF-16/32 with a BOM, and Windows-1252 as a
/// fallback for bytes that are not UTF-8 (with a warning naming the first bad line).
public enum TextDecoding {
    /// The decoded text and what was noticed on the way.
    public struct Result: Sendable {
        public var text: String
        public var warnings: [Diagnostic]
    }

    /// Decodes `bytes` read from `file`; throws `InputError` for binary content.
    public static func decode(_ bytes: [UInt8], file: String) throws(InputError) -> Result {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try decodeUTF8(bytes.dropFirst(3), file: file)
        }
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return Result(text: utf32(bytes.dropFirst(4), bigEndian: false), warnings: []) }
        if bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return Result(text: utf32(bytes.dropFirst(4), bigEndian: true), warnings: []) }
        if bytes.starts(with: [0xFF, 0xFE]) { return Result(text: utf16(bytes.dropFirst(2), bigEndian: false), warnings: []) }
        if bytes.starts(with: [0xFE, 0xFF]) { return Result(text: utf16(bytes.dropFirst(2), bigEndian: true), warnings: []) }
        return try decodeUTF8(bytes[...], file: file)
    }

    private static func decodeUTF8(_ bytes: ArraySlice<UInt8>, file: String) throws(InputError) -> Result {
        if looksBinary(bytes) {
            throw InputError(file: file, message: "binary data, not text (NUL or control bytes)")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return Result(text: text, warnings: [])
        }
        let line = lineOfFirstInvalidUTF8(bytes)
        let warning = Diagnostic.warning(file, line, "not valid UTF-8; read as Windows-1252")
        return Result(text: windows1252(bytes), warnings: [warning])
    }

    /// NUL bytes, or many C0 control bytes, mean the file is not text.
    static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        let head = bytes.prefix(8192)
        var controls = 0
        let sawNUL: Bool = head.withUnsafeBufferPointer { buffer in
            var index = 0
            // Eight bytes at a time: most hold no byte below 0x20 but line feeds.
            if let base = UnsafeRawPointer(buffer.baseAddress) {
                while index + 8 <= buffer.count {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    if belowSpaceButLineFeed(word) != 0 {
                        for byte in buffer[index..<index + 8] {
                            if byte == 0 { return true }
                            if isControl(byte) { controls += 1 }
                        }
                    }
                    index += 8
                }
            }
            for byte in buffer[index...] {
                if byte == 0 { return true }
                if isControl(byte) { controls += 1 }
            }
            return false
        }
        return sawNUL || (controls > 16 && controls * 20 > min(bytes.count, 8192))
    }

    /// The high bit of each byte of `word` that is below 0x20 and not a line feed (exact per byte).
    private static func belowSpaceButLineFeed(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let high: UInt64 = 0x8080_8080_8080_8080
        // High bit set where a byte is at least 0x20: its low seven bits plus 0x60 carry into bit 7, or bit 7 is set.
        let atLeastSpace = ((word & low) &+ 0x6060_6060_6060_6060) | word
        // High bit set where a byte is not 0x0A.
        let other = word ^ 0x0A0A_0A0A_0A0A_0A0A
        let notLineFeed = ((other & low) &+ low) | other
        return ~atLeastSpace & notLineFeed & high
    }

    /// A C0 control byte other than tab, line feed, form feed and carriage return.
    private static func isControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C
    }

    private static func lineOfFirstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            if lead == 0x0A { line += 1 }
            let length: Int
            switch lead {
            case 0..<0x80: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return line
            }
            let end = index + length
            if end > bytes.endIndex { return line }
            if length > 1, String(validating: bytes[index..<end], as: UTF8.self) == nil { return line }
            index = end
        }
        return line
    }

    /// Windows-1252: Latin-1 plus typographic characters in 0x80–0x9F.
    static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let mapped = cp1252High[Int(byte - 0x80)] {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let cp1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    private static func utf32(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        var index = bytes.startIndex
        while index + 3 < bytes.endIndex {
            let b = (0..<4).map { UInt32(bytes[index + $0]) }
            let value = bigEndian ? (b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]) : (b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0])
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            index += 4
        }
        return String(scalars)
    }
}
