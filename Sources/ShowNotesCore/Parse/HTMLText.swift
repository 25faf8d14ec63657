import CLibXML2

/// Visible HTML text on UTF-8 bytes, for `HTMLLineBuilder`: runs of white space become one
/// space, as `Character.isWhitespace` (except the no-break space) would say.
///
/// Bytes can stand for Characters when the text is ASCII and `PlainPunctuation` (each of
/// those a Character of its own that is not white space, whatever surrounds it); then no
/// Character need be made, which was a fifth of the time spent reading a feed. Other text
/// takes `collapsed(_:keepEdges:)`, the Character-level rule both paths follow.
enum HTMLText {
    static let space: UInt8 = 0x20
    /// `- `, the start of a list item's line.
    static let listMark: [UInt8] = [0x2D, 0x20]
    /// `| `, before a table cell.
    static let cellMark: [UInt8] = [0x7C, 0x20]

    /// Whether every byte is ASCII or part of `PlainPunctuation`.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
            } else if let length = PlainPunctuation.length(startingAt: index, in: bytes) {
                index += length
            } else {
                return false
            }
        }
        return true
    }

    /// Appends `bytes` collapsed when they are plain (`isPlain`): a space for each run of white
    /// space, also at either edge, except a leading one when `dropLeadingSpace`; the same bytes
    /// as appending `collapsed(text, keepEdges: true)`, its leading spaces dropped when asked.
    /// Returns whether the bytes hold anything but white space, or `nil` (and leaves `text`
    /// as it was) when they are not plain.
    static func appendCollapsed(_ bytes: UnsafeBufferPointer<UInt8>, to text: inout [UInt8], dropLeadingSpace: Bool) -> Bool? {
        guard !bytes.isEmpty else { return false }
        if isCollapsedASCII(bytes) {
            text.append(contentsOf: bytes)
            return true
        }
        // Each input byte gives at most one output byte: make the room (a copy of the bytes is
        // the quickest way to grow the array), write over it, cut to what was written.
        let start = text.count
        text.append(contentsOf: bytes)
        let end: Int? = text.withUnsafeMutableBufferPointer { output in
            var written = start
            var dropSpace = dropLeadingSpace
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte.isASCIIWhitespace {
                    pendingSpace = true
                    index += 1
                    continue
                }
                var length = 1
                if byte >= 0x80 {
                    guard let plain = PlainPunctuation.length(startingAt: index, in: bytes) else { return nil }
                    length = plain
                }
                if pendingSpace {
                    if !dropSpace {
                        output[written] = space
                        written += 1
                    }
                    pendingSpace = false
                }
                dropSpace = false
                for offset in 0..<length { output[written + offset] = bytes[index + offset] }
                written += length
                index += length
            }
            if pendingSpace && !dropSpace {
                output[written] = space
                written += 1
            }
            return written
        }
        text.removeLast(text.count - (end ?? start))
        guard let end else { return nil }
        // Text was written, or only a space, or nothing: white space alone gives at most one space.
        return end > start + 1 || (end == start + 1 && text[start] != space)
    }

    /// Whether the bytes are ASCII already collapsed: white space only as single spaces
    /// between other bytes (a paragraph's text, mostly); then collapsing changes nothing.
    /// Written without branches on the bytes, so the compiler can check many at a time.
    static func isCollapsedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != space, last != space else { return false }
        var odd: UInt8 = 0
        var previousSpace: UInt8 = 0
        for byte in bytes {
            let isSpace: UInt8 = byte == space ? 1 : 0
            // Not ASCII; tab, line feed, vertical tab, form feed, carriage return; a second space.
            odd |= (byte & 0x80) | (byte &- 0x09 < 5 ? 1 : 0) | (isSpace & previousSpace)
            previousSpace = isSpace
        }
        return odd == 0
    }

    /// Whether the text's last Character is a space, as `String.hasSuffix(" ")` says: looking
    /// at bytes when the byte before the space is ASCII or ends `PlainPunctuation`.
    static func endsWithSpace(_ text: [UInt8]) -> Bool {
        guard let last = text.last, last == space else { return false }
        guard text.count >= 2, text[text.count - 2] >= 0x80 else { return true }
        let plain = text.withUnsafeBufferPointer { PlainPunctuation.length(endingAt: $0.count - 1, in: $0) != nil }
        return plain || String(decoding: text, as: UTF8.self).hasSuffix(" ")
    }

    /// Runs of white space become one space; edges are kept as one space when asked.
    static func collapsed(_ text: String, keepEdges: Bool = false) -> String {
        var copy = text
        let plain: [UInt8]? = copy.withUTF8 { bytes in
            guard isPlain(bytes) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if byte.isASCIIWhitespace {
                    pendingSpace = true
                    continue
                }
                if pendingSpace && (!output.isEmpty || keepEdges) { output.append(space) }
                pendingSpace = false
                output.append(byte)
            }
            if pendingSpace && keepEdges { output.append(space) }
            return output
        }
        if let plain { return String(decoding: plain, as: UTF8.self) }
        return collapsedCharacters(text, keepEdges: keepEdges)
    }

    /// `collapsed(_:keepEdges:)` by Characters.
    static func collapsedCharacters(_ text: String, keepEdges: Bool) -> String {
        var output = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace && character != "\u{A0}" {
                pendingSpace = true
            } else {
                if pendingSpace && (!output.isEmpty || keepEdges) { output += " " }
                pendingSpace = false
                output.append(character)
            }
        }
        if pendingSpace && keepEdges { output += " " }
        return output
    }
}
