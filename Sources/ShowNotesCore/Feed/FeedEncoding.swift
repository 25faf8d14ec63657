/// How a feed's bytes are encoded, decided from the first bytes the way an XML parser
/// would (byte-order mark, then the `<?xml … encoding=…?>` declaration), but forgiving.
///
/// Everything ends up as UTF-8 for libxml2 except encodings that only libxml2 can convert
/// (EUC-KR, Big5, Shift-JIS, KOI8-R, …), which are handed over by name.
enum FeedEncoding: Equatable {
    /// UTF-8, ASCII, ISO-8859-1 or Windows-1252: read as UTF-8, and bytes that are not
    /// UTF-8 as Windows-1252 (a superset of the Latin-1 that such feeds really hold).
    case utf8(declared: String?)
    case utf16(bigEndian: Bool, bom: Bool)
    case utf32(bigEndian: Bool, bom: Bool)
    /// Any other encoding libxml2 knows, by its declared name.
    case other(String)

    /// Labels read as UTF-8 with the Windows-1252 fallback.
    static let utf8Family: Set<String> = [
        "utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1",
        "l1", "windows-1252", "cp1252", "x-cp1252",
    ]

    /// Decides the encoding from the first bytes of a file (a few KB is enough).
    /// `isKnown` says whether libxml2 can convert an encoding name.
    static func sniff(_ head: [UInt8], isKnown: (String) -> Bool) -> FeedEncoding {
        if head.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .utf32(bigEndian: true, bom: true) }
        if head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .utf32(bigEndian: false, bom: true) }
        if head.starts(with: [0xFE, 0xFF]) { return .utf16(bigEndian: true, bom: true) }
        if head.starts(with: [0xFF, 0xFE]) { return .utf16(bigEndian: false, bom: true) }
        if head.starts(with: [0x00, 0x00, 0x00, 0x3C]) { return .utf32(bigEndian: true, bom: false) }
        if head.starts(with: [0x3C, 0x00, 0x00, 0x00]) { return .utf32(bigEndian: false, bom: false) }
        if head.starts(with: [0x00, 0x3C, 0x00]) { return .utf16(bigEndian: true, bom: false) }
        if head.starts(with: [0x3C, 0x00]) { return .utf16(bigEndian: false, bom: false) }
        guard let declared = declaredEncoding(head) else { return .utf8(declared: nil) }
        let label = declared.lowercased()
        if utf8Family.contains(label) { return .utf8(declared: declared) }
        // A UTF-16/32 label on bytes that are clearly 8-bit: the label is wrong.
        if label.hasPrefix("utf-16") || label.hasPrefix("utf-32") || label.hasPrefix("ucs") { return .utf8(declared: declared) }
        return isKnown(declared) ? .other(declared) : .utf8(declared: declared)
    }

    /// The `encoding="…"` of an XML declaration found in `head` (even when text precedes it).
    static func declaredEncoding(_ head: [UInt8]) -> String? {
        let marker = Array("<?xml".utf8)
        guard let start = firstIndex(of: marker, in: head) else { return nil }
        var end = start
        while end + 1 < head.count, !(head[end] == UInt8(ascii: "?") && head[end + 1] == UInt8(ascii: ">")) { end += 1 }
        let declaration = head[start..<end]
        guard let key = firstIndex(of: Array("encoding".utf8), in: Array(declaration)) else { return nil }
        var index = declaration.startIndex + key + 8
        while index < end, head[index] == UInt8(ascii: " ") || head[index] == UInt8(ascii: "=") || head[index] == UInt8(ascii: "\t") { index += 1 }
        guard index < end, head[index] == UInt8(ascii: "\"") || head[index] == UInt8(ascii: "'") else { return nil }
        let quote = head[index]
        var close = index + 1
        while close < end, head[close] != quote { close += 1 }
        let name = String(decoding: head[(index + 1)..<close], as: UTF8.self)
        return name.isEmpty || name.count > 40 ? nil : name
    }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
