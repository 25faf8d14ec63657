/// Reads Markdown notes into a `NotesDocument`: YAML-style front matter, `#` headings,
/// and inline markup (`**bold**`, `[text](url)`, `` `code` ``) reduced to the visible text,
/// with links kept.
enum MarkdownReader {
    static func read(_ text: String) -> (NotesDocument, [Int: String]) {
        var document = NotesDocument()
        let rawLines = splitLines(text)
        var bodyStart = 0
        var frontMatterProblems: [Int: String] = [:]
        if let first = rawLines.first, first.trimmingWhitespace() == "---",
           let close = rawLines.dropFirst().firstIndex(where: { $0.trimmingWhitespace() == "---" || $0.trimmingWhitespace() == "..." }) {
            (document.frontMatter, frontMatterProblems) = FrontMatterReader.read(Array(rawLines[1..<close]), firstLine: 2)
            bodyStart = close + 1
        }
        var inFence = false
        for offset in bodyStart..<rawLines.count {
            let raw = rawLines[offset]
            var trimmed = raw.trimmingWhitespace()
            var line = NoteLine(text: "", indent: indentation(of: raw), number: offset + 1)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                document.lines.append(line)
                continue
            }
            if !inFence, let level = headingLevel(trimmed) {
                line.headingLevel = level
                trimmed = trimmed.dropFirst(level).trimmingWhitespace()
                while trimmed.hasSuffix("#") { trimmed = trimmed.dropLast().trimmingWhitespace() }
            }
            if inFence {
                line.text = String(trimmed)
            } else {
                let (visible, links) = MarkdownInline.reduce(trimmed)
                line.text = visible
                document.links += links
                document.links += URLScanner.links(in: visible)
            }
            document.lines.append(line)
        }
        return (document, frontMatterProblems)
    }

    /// `#` … `######` followed by a space.
    private static func headingLevel(_ text: Substring) -> Int? {
        let level = text.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(level) else { return nil }
        let rest = text.dropFirst(level)
        return rest.isEmpty || rest.first == " " || rest.first == "\t" ? level : nil
    }
}
