/// Small text helpers for markup held inside a feed: re-serialising Atom `type="xhtml"`
/// content for the HTML reader, and telling HTML notes from plain ones.
enum XHTML {
    /// ` href="…"` (and `src`) of an element, escaped; other attributes do not matter for notes.
    static func attributes(_ attributes: XMLAttributes) -> String {
        var text = ""
        for name in ["href", "src"] {
            if let value = attributes[name] { text += " \(name)=\"\(escape(value, quotes: true))\"" }
        }
        return text
    }

    static func escape(_ text: String, quotes: Bool = false) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || (quotes && $0 == "\"") }) else { return text }
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }

    /// A tag such as `<p>`, `<br/>`, `</a>` or `<a href=…>` somewhere in the text
    /// (podcastparser's `is_html` test).
    static func looksLikeHTML(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var index = 0
            while index + 1 < bytes.count {
                defer { index += 1 }
                guard bytes[index] == UInt8(ascii: "<") else { continue }
                var cursor = index + 1
                if bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
                guard cursor < bytes.count, bytes[cursor].isASCIILetter else { continue }
                while cursor < bytes.count, bytes[cursor].isASCIILetter || bytes[cursor].isASCIIDigit { cursor += 1 }
                guard cursor < bytes.count else { return false }
                let next = bytes[cursor]
                if next == UInt8(ascii: ">") || next == UInt8(ascii: "/") { return true }
                if next == 0x20 || next == 0x0A || next == 0x09 || next == 0x0D {
                    var close = cursor
                    while close < bytes.count, bytes[close] != UInt8(ascii: "<"), bytes[close] != UInt8(ascii: ">") { close += 1 }
                    if close < bytes.count, bytes[close] == UInt8(ascii: ">") { return true }
                }
            }
            return false
        }
    }
}
