/// The lines of a text as the readers take them: split on `\r\n`, `\r` or `\n` (as
/// `splitLines` does), each trimmed of white space, with its indentation.
///
/// One pass over the bytes: lines are found with `memchr`, trimmed on bytes where
/// `trimmingWhitespace()` would give the same (see `Trimming.swift`), and copied once.
enum TextLines {
    /// Calls `body` with each line's trimmed text, its indentation in columns and its bytes
    /// as they stand (valid only during the call), in order.
    static func forEach(in text: String, _ body: (_ trimmed: String, _ indent: Int, _ raw: UnsafeBufferPointer<UInt8>) -> Void) {
        var copy = text
        copy.withUTF8 { bytes in
            let onlyLineFeeds = bytes.firstIndex(of: 0x0D, from: 0) == nil
            var start = 0
            while start < bytes.count {
                var end = start
                var next: Int
                if onlyLineFeeds {
                    end = bytes.firstIndex(of: 0x0A, from: start) ?? bytes.count
                    next = end + 1
                } else {
                    while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
                    next = end + 1
                    if end + 1 < bytes.count, bytes[end] == 0x0D, bytes[end + 1] == 0x0A { next += 1 }
                }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                body(trimmed(line, lineStart: start, in: text), indentation(line), line)
                start = next
            }
        }
    }

    /// The line without leading and trailing white space: on bytes when both edges are
    /// plain, else by `trimmingWhitespace()` on the line's Characters.
    private static func trimmed(_ line: UnsafeBufferPointer<UInt8>, lineStart: Int, in text: String) -> String {
        // (Decoding the bytes again costs less than slicing `text` and copying the slice.)
        if let range = line.trimmedRange() { return String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self) }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: lineStart)
        return String(text[lower..<utf8.index(lower, offsetBy: line.count)].trimmingWhitespace())
    }

    /// Leading white space in columns (tab = 4), as `indentation(of:)` counts it.
    private static func indentation(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var columns = 0
        var index = 0
        while index < line.count {
            if line[index] == 0x20 {
                columns += 1
                index += 1
            } else if line[index] == 0x09 {
                columns += 4
                index += 1
            } else if line[index] == 0xC2, index + 1 < line.count, line[index + 1] == 0xA0 {
                columns += 1   // no-break space
                index += 2
            } else {
                break
            }
        }
        return columns
    }
}
