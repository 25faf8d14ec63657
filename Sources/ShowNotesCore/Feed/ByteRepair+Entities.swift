import CLibXML2

/// Entity and character references: everything becomes a character reference or text.
extension ByteRepair {
    mutating func ampersand(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, isLast: Bool, into output: inout [UInt8]) -> Int? {
        var cursor = index + 1
        let limit = min(bytes.count, index + 40)
        if cursor < limit, bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            let hex = cursor < limit && (bytes[cursor] == UInt8(ascii: "x") || bytes[cursor] == UInt8(ascii: "X"))
            if hex { cursor += 1 }
            var value: UInt32 = 0
            var digits = 0
            while cursor < limit, let digit = Self.digit(bytes[cursor], hex: hex) {
                value = value > 0x10FFFF ? value : value * (hex ? 16 : 10) + digit
                digits += 1
                cursor += 1
            }
            if cursor == limit, limit == bytes.count, !isLast { return nil }
            if digits > 0, cursor < limit, bytes[cursor] == UInt8(ascii: ";") {
                if (0x80...0x9F).contains(value) {
                    // `&#146;` means Windows-1252's ’ in real feeds, never a C1 control.
                    output.append(contentsOf: Array("&#\(Self.windows1252(UInt8(value)));".utf8))
                } else if Self.isXMLCharacter(value) {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index...cursor]))
                } else {
                    findings.badCharacterReferences.note(line)
                    output.append(contentsOf: Array("&#65533;".utf8))
                }
                return cursor + 1 - index
            }
            return bareAmpersand(into: &output)
        }
        guard cursor < bytes.count else { return isLast ? bareAmpersand(into: &output) : nil }
        guard bytes[cursor].isASCIILetter || bytes[cursor] == UInt8(ascii: "_") else { return bareAmpersand(into: &output) }
        while cursor < limit, bytes[cursor].isASCIILetter || bytes[cursor].isASCIIDigit
                || bytes[cursor] == UInt8(ascii: ".") || bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: "_") {
            cursor += 1
        }
        if cursor == limit, limit == bytes.count, !isLast { return nil }
        guard cursor < limit, bytes[cursor] == UInt8(ascii: ";") else { return bareAmpersand(into: &output) }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<cursor]), as: UTF8.self)
        if let value = Self.predefined[name] ?? htmlEntity(name) {
            if Self.predefined[name] == nil { findings.htmlEntities[name, default: Finding()].note(line) }
            output.append(contentsOf: Array("&#\(value);".utf8))
        } else {
            findings.unknownEntities[name, default: Finding()].note(line)
            output.append(contentsOf: Array("&#38;".utf8))
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(index + 1)...cursor]))
        }
        return cursor + 1 - index
    }

    private mutating func bareAmpersand(into output: inout [UInt8]) -> Int {
        findings.bareAmpersands.note(line)
        output.append(contentsOf: Array("&#38;".utf8))
        return 1
    }

    static let predefined: [String: UInt32] = ["amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39]

    /// The code point of an HTML entity name (`nbsp` → 160), from libxml2's HTML table.
    private mutating func htmlEntity(_ name: String) -> UInt32? {
        if let known = entityValues[name] { return known }
        let value = name.withCString { pointer in
            pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { htmlEntityLookup($0)?.pointee.value }
        }
        entityValues[name] = .some(value)
        return value
    }

    private static func digit(_ byte: UInt8, hex: Bool) -> UInt32? {
        if byte.isASCIIDigit { return UInt32(byte - 0x30) }
        guard hex else { return nil }
        let lower = byte | 0x20
        return lower >= 0x61 && lower <= 0x66 ? UInt32(lower - 0x61 + 10) : nil
    }

    static func isXMLCharacter(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
    }
}
