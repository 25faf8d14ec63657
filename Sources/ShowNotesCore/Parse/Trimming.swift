extension StringProtocol {
    /// The text without leading and trailing white space (including no-break spaces):
    /// Characters whose first scalar is white space, as `Character.isWhitespace` says.
    ///
    /// Each edge is found on bytes when the run of ASCII white space there ends at an ASCII
    /// byte or at `PlainPunctuation` (then that scalar starts or ends a Character of its own
    /// that is not white space); else by walking Characters.
    func trimmingWhitespace() -> Substring {
        let text = Substring(self)
        guard let (start, end) = text.utf8.withContiguousStorageIfAvailable({ Self.plainEdges($0) }) else {
            return Self.trimmingCharacters(text)
        }
        let utf8 = text.utf8
        guard let start else {
            // The leading edge needs Characters; so may the trailing one.
            guard let first = text.firstIndex(where: { !$0.isWhitespace }) else { return "" }
            guard let end else { return Self.trimmingCharacters(text) }
            return text[first..<utf8.index(utf8.startIndex, offsetBy: end)]
        }
        guard start < utf8.count else { return "" }   // all white space
        let from = utf8.index(utf8.startIndex, offsetBy: start)
        guard let end else {
            guard let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
            return text[from...last]
        }
        return text[from..<utf8.index(utf8.startIndex, offsetBy: end)]
    }

    /// The byte offsets of the first and past the last non-white-space Characters, each
    /// `nil` when bytes cannot tell.
    fileprivate static func plainEdges(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int?, Int?) {
        var start = 0
        while start < bytes.count, bytes[start].isASCIIWhitespace { start += 1 }
        if start == bytes.count { return (start, start) }
        let clearStart = bytes[start] < 0x80 || PlainPunctuation.length(startingAt: start, in: bytes) != nil
        var end = bytes.count
        while end > start, bytes[end - 1].isASCIIWhitespace { end -= 1 }
        let clearEnd = bytes[end - 1] < 0x80 || PlainPunctuation.length(endingAt: end, in: bytes) != nil
        return (clearStart ? start : nil, clearEnd ? end : nil)
    }

    private static func trimmingCharacters(_ text: Substring) -> Substring {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return text[first...last]
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes `trimmingWhitespace()` keeps of this text, when bytes can tell at both ends.
    func trimmedRange() -> Range<Int>? {
        let (start, end) = String.plainEdges(self)
        guard let start, let end else { return nil }
        return start..<end
    }
}

extension UInt8 {
    /// `Character.isWhitespace` for an ASCII byte: tab, line feed, vertical tab, form feed, carriage return, space.
    var isASCIIWhitespace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0D) }
}
