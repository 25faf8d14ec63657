/// A notes file with its format reduced away: visible lines, the links they carried,
/// and the metadata the format stated outright (front matter, `<title>`).
///
/// Text, Markdown and HTML readers each produce one; `NotesParser` turns it into an `Episode`.
struct NotesDocument {
    var lines: [NoteLine] = []
    var links: [Link] = []
    var frontMatter = FrontMatter()
    /// `<h1>` or `<title>` of an HTML page.
    var documentTitle: String?
    /// A wiki-style page (`= Title =`, `== Section ==`).
    var isPage = false
    /// Where a reader had to stop early, and why (reported as warnings).
    var problems: [(line: Int, message: String)] = []
}

/// One visible line of a notes document.
struct NoteLine {
    /// Visible text, without leading or trailing white space.
    var text: String
    /// Columns of leading white space (a tab counts 4); list nesting for HTML `<li>`.
    var indent: Int
    /// 1-based line in the source file.
    var number: Int
    /// Set when the format marks the line as a heading (`#`, `<h2>`, `== x ==`).
    var headingLevel: Int? = nil

    var isBlank: Bool { text.isEmpty }

    /// The text after a list marker (`-`, `*`, `•`, `1.`), when the line is a list item.
    var listItemText: Substring? {
        var copy = text
        let markerEnd: Int? = copy.withUTF8 { bytes in
            guard let first = bytes.first else { return nil }
            let isSymbol = first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+")
            guard isSymbol || first.isASCIIDigit || first >= 0x80 else { return nil }
            let end = ChapterLine.skipListMarker(bytes, from: 0)
            return end > 0 ? end : nil
        }
        guard let markerEnd else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: markerEnd)
        return text[start...]
    }
}

/// `key: value` pairs from a Markdown file's YAML-style front matter.
struct FrontMatter {
    var title: String?
    var podcast: String?
    var date: String?
    var audio: String?
    var duration: Double?
    var guests: [String] = []
    var link: String?
    var guid: String?
    var number: Int?
}

/// Splits text into lines on `\r\n`, `\r` or `\n`.
func splitLines(_ text: String) -> [Substring] {
    var copy = text
    let ranges: [Range<Int>] = copy.withUTF8 { bytes in
        var ranges: [Range<Int>] = []
        var start = 0
        if bytes.firstIndex(of: 0x0D, from: 0) == nil {
            // Only `\n` ends lines: let `memchr` find them.
            while let newline = bytes.firstIndex(of: 0x0A, from: start) {
                ranges.append(start..<newline)
                start = newline + 1
            }
            if start < bytes.count { ranges.append(start..<bytes.count) }
            return ranges
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x0A || byte == 0x0D else {
                index += 1
                continue
            }
            ranges.append(start..<index)
            index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            start = index
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return ranges
    }
    let utf8 = text.utf8
    return ranges.map { range in
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return text[lower..<utf8.index(lower, offsetBy: range.count)]
    }
}

/// Leading white space in columns (tab = 4).
func indentation(of line: Substring) -> Int {
    var columns = 0
    for scalar in line.unicodeScalars {
        if scalar == " " || scalar == "\u{A0}" { columns += 1 } else if scalar == "\t" { columns += 4 } else { break }
    }
    return columns
}
