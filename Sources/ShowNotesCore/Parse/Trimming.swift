extension StringProtocol {
    /// The text without leading and trailing white space (including no-break spaces):
    /// Characters whose first scalar is white space, as `Character.isWhitespace` says.
    ///
    /// Each edge is found on bytes when an ASCII byte ends the run of ASCII white space
    /// there (then that byte starts or ends a Character of its own); else by walking Characters.
    func trimmingWhitespace() -> Substring {
        let text = Substring(self)
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex, utf8[start].isASCIIWhitespace { start = utf8.index(after: start) }
        if start == utf8.endIndex { return "" }   // all white space
        if utf8[start] >= 0x80 {
            guard let first = text.firstIndex(where: { !$0.isWhitespace }) else { return "" }
            start = first
        }
        var end = utf8.endIndex
        while end > start, utf8[utf8.index(before: end)].isASCIIWhitespace { end = utf8.index(before: end) }
        if end > start, utf8[utf8.index(before: end)] >= 0x80 {
            guard let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
            return text[start...last]
        }
        return text[start..<end]
    }
}

extension UInt8 {
    /// `Character.isWhitespace` for an ASCII byte: tab, line feed, vertical tab, form feed, carriage return, space.
    var isASCIIWhitespace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0D) }
}
