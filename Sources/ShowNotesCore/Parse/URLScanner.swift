/// Finds `http(s)://` URLs in a line of text and names each by the label before it.
///
/// A URL runs to white space, `<`, `>` or `"`, less trailing punctuation (a `)` stays when
/// the URL holds a `(`). Lines whose URLs are ASCII (nearly all) are scanned as bytes; any
/// other goes through the Character-level scan, which the byte scan reproduces exactly.
enum URLScanner {
    static func links(in text: String) -> [Link] {
        var copy = text
        guard copy.withUTF8({ mayHoldURL($0) }) else { return [] }
        guard let spans = asciiURLSpans(in: text) else { return characterLinks(in: text) }
        let utf8 = text.utf8
        return spans.map { span in
            let start = utf8.index(utf8.startIndex, offsetBy: span.lowerBound)
            let end = utf8.index(start, offsetBy: span.count)
            let url = String(text[start..<end])
            let label = linkLabel(text[..<start])
            return Link(text: label.isEmpty ? url : label, url: url)
        }
    }

    /// Whether `bytes` hold `://`, as every `http://` and `https://` does.
    static func mayHoldURL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 0
        while let colon = bytes.firstIndex(of: UInt8(ascii: ":"), from: from) {
            if colon + 2 < bytes.count, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") { return true }
            from = colon + 1
        }
        return false
    }

    /// The byte ranges of the URLs, or `nil` when a URL candidate meets a non-ASCII byte
    /// before its end (there a Character may span several bytes).
    private static func asciiURLSpans(in text: String) -> [Range<Int>]? {
        var copy = text
        return copy.withUTF8 { bytes -> [Range<Int>]? in
            var spans: [Range<Int>] = []
            var from = 0
            while let offset = bytes.firstIndex(of: http, from: from) {
                guard startsWith(bytes, at: offset, "http://") || startsWith(bytes, at: offset, "https://") else {
                    from = offset + 4
                    continue
                }
                var end = offset
                while end < bytes.count, !endsURL(bytes[end]) {
                    if bytes[end] >= 0x80 { return nil }
                    end += 1
                }
                // `<`, `>` or `"` ends the URL only as a Character of its own (white space always does).
                if end + 1 < bytes.count, bytes[end + 1] >= 0x80, !bytes[end].isASCIIWhitespace { return nil }
                while end > offset, trailingPunctuation.contains(bytes[end - 1]) {
                    if bytes[end - 1] == UInt8(ascii: ")") && bytes[offset..<end].contains(UInt8(ascii: "(")) { break }
                    end -= 1
                }
                if end - offset > 8 { spans.append(offset..<end) }
                from = offset + max(end - offset, 4)
            }
            return spans
        }
    }

    /// The bytes of `http` (a static string's, which live as long as the program).
    private static var http: UnsafeBufferPointer<UInt8> {
        let word: StaticString = "http"
        return UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    }

    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ word: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard start + pattern.count <= bytes.count else { return false }
        return pattern.indices.allSatisfy { bytes[start + $0] == pattern[$0] }
    }

    /// White space, `<`, `>`, `"`.
    private static func endsURL(_ byte: UInt8) -> Bool {
        byte.isASCIIWhitespace || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
    }

    private static let trailingPunctuation: [UInt8] = Array(".,;:!?)]'".utf8)

    /// The Character-level scan, for lines with non-ASCII bytes inside a URL candidate.
    private static func characterLinks(in text: String) -> [Link] {
        var links: [Link] = []
        var rest = text[...]
        while let offset = String(rest).firstByteOffset(of: "http", from: 0) {
            let range = rest.utf8.index(rest.startIndex, offsetBy: offset)..<rest.utf8.index(rest.startIndex, offsetBy: offset + 4)
            let tail = rest[range.lowerBound...]
            guard tail.hasPrefix("http://") || tail.hasPrefix("https://") else {
                rest = rest[range.upperBound...]
                continue
            }
            var url = tail.prefix(while: { !$0.isWhitespace && $0 != "<" && $0 != ">" && $0 != "\"" })
            while let last = url.last, ".,;:!?)]'”’".contains(last) {
                if last == ")" && url.contains("(") { break }
                url = url.dropLast()
            }
            if url.count > 8 {
                let before = text[text.startIndex..<range.lowerBound]
                let label = linkLabel(before)
                links.append(Link(text: label.isEmpty ? String(url) : label, url: String(url)))
            }
            rest = tail.dropFirst(max(url.count, 4))
        }
        return links
    }

    /// The words before a URL, without separators: `Lets Run Article About OAC: ` → its name.
    private static func linkLabel(_ before: Substring) -> String {
        var label = before
        if let bar = lastBar(in: label) { label = label[label.index(after: bar)...] }
        if let plain = plainLabel(label) { return String(plain) }
        var trimmed = label.trimmingWhitespace()
        while let last = trimmed.last, labelSeparators.contains(last) { trimmed = trimmed.dropLast().trimmingWhitespace() }
        while let first = trimmed.first, labelSeparators.contains(first) { trimmed = trimmed.dropFirst().trimmingWhitespace() }
        return String(trimmed)
    }

    private static let labelSeparators: Set<Character> = [":", "-", "–", "—", "|", "·", "(", "[", "•", "*"]

    /// `linkLabel`'s trimming done on bytes: while the Character at an end is ASCII or
    /// `PlainPunctuation` standing alone, it is dropped when it is white space or one of
    /// `labelSeparators`. `nil` when an end meets any other byte (there Characters decide).
    private static func plainLabel(_ label: Substring) -> Substring? {
        let range: Range<Int>?? = label.utf8.withContiguousStorageIfAvailable { bytes -> Range<Int>? in
            var start = 0
            var end = bytes.count
            while end > start {   // the end first, as `linkLabel` does
                let length = bytes[end - 1] < 0x80 ? 1 : PlainPunctuation.length(endingAt: end, in: bytes) ?? 0
                guard length > 0, end - length >= start else { return nil }
                // Nothing before may join it: only a non-ASCII, non-punctuation scalar could.
                let before = end - length
                guard before == start || bytes[before - 1] < 0x80 || PlainPunctuation.length(endingAt: before, in: bytes) != nil else { return nil }
                guard isLabelEdge(bytes, from: before, length: length) else { break }
                end = before
            }
            while start < end {
                let length = bytes[start] < 0x80 ? 1 : PlainPunctuation.length(startingAt: start, in: bytes) ?? 0
                guard length > 0, start + length <= end else { return nil }
                // Nothing after may join it: only a non-ASCII, non-punctuation scalar could.
                let after = start + length
                guard after == end || bytes[after] < 0x80 || PlainPunctuation.length(startingAt: after, in: bytes) != nil else { return nil }
                guard isLabelEdge(bytes, from: start, length: length) else { break }
                start = after
            }
            return start..<end
        }
        guard let range, let range else { return nil }
        let utf8 = label.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return label[lower..<utf8.index(lower, offsetBy: range.count)]
    }

    /// White space or one of `labelSeparators`, as the bytes of one Character.
    private static func isLabelEdge(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, length: Int) -> Bool {
        if length == 1 { return bytes[start].isASCIIWhitespace || asciiLabelSeparators.contains(bytes[start]) }
        if length == 2 { return true }   // `·`, the only two-byte `PlainPunctuation`
        return [0x93, 0x94, 0xA2].contains(bytes[start + 2])   // `–`, `—`, `•`
    }

    private static let asciiLabelSeparators: [UInt8] = Array(":-|([*".utf8)

    /// `text.lastIndex(of: "|")`: the last `|` byte when ASCII neighbours make it a Character of its own.
    private static func lastBar(in text: Substring) -> Substring.Index? {
        let found: Int?? = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard let bar = bytes.lastIndex(of: UInt8(ascii: "|")) else { return nil }
            let clearAfter = bar + 1 == bytes.count || bytes[bar + 1] < 0x80
            let clearBefore = bar == 0 || bytes[bar - 1] < 0x80
            return clearAfter && clearBefore ? bar : -1
        }
        guard let found else { return text.lastIndex(of: "|") }
        guard let found else { return nil }
        guard found >= 0 else { return text.lastIndex(of: "|") }
        return text.utf8.index(text.startIndex, offsetBy: found)
    }
}
