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

/// Reduces inline Markdown to what a reader sees, collecting `[text](url)` links.
enum MarkdownInline {
    static func reduce(_ text: Substring) -> (String, [Link]) {
        guard text.contains(where: { "*_`[<!\\".contains($0) }) else { return (String(text), []) }
        var output = ""
        var links: [Link] = []
        var rest = text
        while let character = rest.first {
            if character == "\\", rest.count > 1, let next = rest.dropFirst().first, next.isPunctuation || next.isSymbol {
                output.append(next)
                rest = rest.dropFirst(2)
            } else if character == "!" && rest.dropFirst().first == "[", let (label, _, after) = linkParts(rest.dropFirst()) {
                output += reduce(label).0
                rest = after
            } else if character == "[", let (label, url, after) = linkParts(rest) {
                let (visible, inner) = reduce(label)
                output += visible
                links += inner
                if !url.hasPrefix("#") && !url.isEmpty { links.append(Link(text: visible, url: url)) }
                rest = after
            } else if character == "<", let close = rest.firstIndex(of: ">"),
                      rest.dropFirst().hasPrefix("http"), !rest[rest.startIndex..<close].contains(" ") {
                let url = String(rest[rest.index(after: rest.startIndex)..<close])
                output += url
                links.append(Link(text: url, url: url))
                rest = rest[rest.index(after: close)...]
            } else if character == "`" {
                rest = rest.dropFirst()
            } else if (character == "*" || character == "_"), rest.dropFirst().first == character {
                rest = rest.dropFirst(2)
            } else if character == "*", let next = rest.dropFirst().first, !next.isWhitespace,
                      output.last.map({ !$0.isLetter && !$0.isNumber }) ?? true, rest.dropFirst().contains("*") {
                rest = rest.dropFirst()   // opening emphasis
            } else if character == "*", let previous = output.last, !previous.isWhitespace,
                      rest.dropFirst().first.map({ !$0.isLetter && !$0.isNumber }) ?? true {
                rest = rest.dropFirst()   // closing emphasis
            } else {
                output.append(character)
                rest = rest.dropFirst()
            }
        }
        return (output, links)
    }

    /// `[label](url)` at the start of `text`: its label, its URL and what follows.
    private static func linkParts(_ text: Substring) -> (Substring, String, Substring)? {
        guard text.first == "[" else { return nil }
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "[" { depth += 1 }
            if character == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            index = text.index(after: index)
        }
        guard index < text.endIndex else { return nil }
        let label = text[text.index(after: text.startIndex)..<index]
        let afterLabel = text[text.index(after: index)...]
        guard afterLabel.first == "(", let close = afterLabel.firstIndex(of: ")") else { return nil }
        var url = afterLabel[afterLabel.index(after: afterLabel.startIndex)..<close].trimmingWhitespace()
        if let space = url.firstIndex(of: " ") { url = url[..<space] }   // drop a "title"
        return (label, String(url), afterLabel[afterLabel.index(after: close)...])
    }
}
