/// Finds `http(s)://` URLs in a line of text and names each by the label before it.
///
/// A URL runs to white space, `<`, `>` or `"`, less trailing punctuation (a `)` stays when
/// the URL holds a `(`). Lines whose URLs are ASCII (nearly all) are scanned as bytes; any
/// other goes through the Character-level scan, which the byte scan reproduces exactly.
enum URLScanner {
    static func links(in text: String) -> [Link] {
        guard text.containsBytes("http") else { return [] }
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

    /// The byte ranges of the URLs, or `nil` when a URL candidate meets a non-ASCII byte
    /// before its end (there a Character may span several bytes).
    private static func asciiURLSpans(in text: String) -> [Range<Int>]? {
        var copy = text
        return copy.withUTF8 { bytes -> [Range<Int>]? in
            var spans: [Range<Int>] = []
            var from = 0
            while let offset = firstHTTP(in: bytes, from: from) {
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

    private static func firstHTTP(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 4 <= bytes.count {
            if bytes[index] == UInt8(ascii: "h"), startsWith(bytes, at: index, "http") { return index }
            index += 1
        }
        return nil
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
        var trimmed = label.trimmingWhitespace()
        while let last = trimmed.last, labelSeparators.contains(last) { trimmed = trimmed.dropLast().trimmingWhitespace() }
        while let first = trimmed.first, labelSeparators.contains(first) { trimmed = trimmed.dropFirst().trimmingWhitespace() }
        return String(trimmed)
    }

    private static let labelSeparators: Set<Character> = [":", "-", "–", "—", "|", "·", "(", "[", "•", "*"]

    /// `text.lastIndex(of: "|")`: the last `|` byte when ASCII neighbours make it a Character of its own.
    private static func lastBar(in text: Substring) -> Substring.Index? {
        let utf8 = text.utf8
        guard let bar = utf8.lastIndex(of: UInt8(ascii: "|")) else { return nil }
        let next = utf8.index(after: bar)
        let clearAfter = next == utf8.endIndex || utf8[next] < 0x80
        let clearBefore = bar == utf8.startIndex || utf8[utf8.index(before: bar)] < 0x80
        return clearAfter && clearBefore ? bar : text.lastIndex(of: "|")
    }
}
