extension ByteRepair {
    /// Copies one valid UTF-8 sequence, or reads one stray byte as Windows-1252.
    /// Returns `nil` when the sequence is cut by the end of the chunk.
    mutating func utf8Sequence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, isLast: Bool, into output: inout [UInt8]) -> Int? {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xED: length = 3; high = 0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; low = 0x90
        case 0xF4: length = 4; high = 0x8F
        case 0xF1...0xF3: length = 4
        default: length = 0
        }
        if length > 0 {
            if index + length > bytes.count {
                // Wait for the rest unless the bytes so far already fail.
                let available = bytes.count - index
                let prefixValid = available < 2 || (bytes[index + 1] >= low && bytes[index + 1] <= high
                    && (index + 2 ..< bytes.count).allSatisfy { bytes[$0] & 0xC0 == 0x80 })
                if prefixValid, !isLast { return nil }
            } else {
                var valid = bytes[index + 1] >= low && bytes[index + 1] <= high
                if valid, length > 2 {
                    for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { valid = false }
                }
                // U+FFFE and U+FFFF are not XML characters.
                if valid, lead == 0xEF, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { valid = false }
                if valid, lead == 0xC2, bytes[index + 1] <= 0x9F {
                    // U+0080–U+009F are C1 controls nobody types: feeds mean Windows-1252 there (’ for U+0092).
                    UTFTranscoder.append(Self.windows1252(bytes[index + 1]), to: &output)
                    return 2
                }
                if valid {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                    findings.multibyteSequences += 1
                    return length
                }
            }
        }
        findings.invalidUTF8.note(line)
        UTFTranscoder.append(Self.windows1252(lead), to: &output)
        return 1
    }

    /// The Windows-1252 reading of a byte ≥ 0x80 (Latin-1 plus typographic characters in 0x80–0x9F).
    static func windows1252(_ byte: UInt8) -> UInt32 {
        guard (0x80...0x9F).contains(byte) else { return UInt32(byte) }
        let mapped = cp1252High[Int(byte - 0x80)]
        return mapped == 0 ? 0xFFFD : mapped
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}

/// How often one kind of damage was repaired, and the first line it was seen on.
struct Finding: Equatable {
    var count = 0
    var firstLine = 0

    mutating func note(_ line: Int) {
        if count == 0 { firstLine = line }
        count += 1
    }
}

/// Everything `ByteRepair` changed, to be reported as one warning per kind of damage.
struct RepairFindings {
    var byteOrderMark = false
    var invalidUTF8 = Finding()
    var multibyteSequences = 0
    var controls = Finding()
    var bareAmpersands = Finding()
    var strayLessThan = Finding()
    var badCharacterReferences = Finding()
    var misplacedDeclaration = Finding()
    var htmlEntities: [String: Finding] = [:]
    var unknownEntities: [String: Finding] = [:]
    /// `<item` and `<entry` start tags seen in the bytes (outside CDATA and comments).
    var itemTags = 0
}
