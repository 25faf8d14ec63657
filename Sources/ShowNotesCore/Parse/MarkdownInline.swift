/// Reduces inline Markdown to what a reader sees, collecting `[text](url)` links.
///
/// Linear in the line's length: bracket pairs are matched once up front (a stack, not a
/// scan from every `[`), and "is there a closing `*` later?" is one comparison, so a
/// 100 KB line of `**[` takes milliseconds, not minutes.
enum MarkdownInline {
    /// Facts about the whole line, computed once and shared by nested labels.
    private struct Scan {
        /// For each `[`, the `]` that closes it, when one does.
        var closing: [String.Index: String.Index] = [:]
        var lastStar: String.Index?
        var lastParen: String.Index?

        init(_ text: Substring) {
            var open: [String.Index] = []
            var index = text.startIndex
            while index < text.endIndex {
                switch text[index] {
                case "[": open.append(index)
                case "]": if let start = open.popLast() { closing[start] = index }
                case "*": lastStar = index
                case ")": lastParen = index
                default: break
                }
                index = text.index(after: index)
            }
        }
    }

    /// Autolinks (`<https://…>`) longer than this are not looked for.
    static let longestAutolink = 2048

    static func reduce(_ text: Substring) -> (String, [Link]) {
        guard text.contains(where: { "*_`[<!\\".contains($0) }) else { return (String(text), []) }
        return reduce(text, Scan(text))
    }

    private static func reduce(_ text: Substring, _ scan: Scan) -> (String, [Link]) {
        var output = ""
        var links: [Link] = []
        var rest = text
        while let character = rest.first {
            let next = rest.dropFirst().first
            if character == "\\", let next, next.isPunctuation || next.isSymbol {
                output.append(next)
                rest = rest.dropFirst(2)
            } else if character == "!" && next == "[", let (label, _, after) = linkParts(rest.dropFirst(), scan) {
                output += reduce(label, scan).0
                rest = after
            } else if character == "[", let (label, url, after) = linkParts(rest, scan) {
                let (visible, inner) = reduce(label, scan)
                output += visible
                links += inner
                if !url.hasPrefix("#") && !url.isEmpty { links.append(Link(text: visible, url: url)) }
                rest = after
            } else if character == "<", rest.dropFirst().hasPrefix("http"),
                      let close = rest.prefix(longestAutolink).firstIndex(where: { $0 == ">" || $0 == " " }), rest[close] == ">" {
                let url = String(rest[rest.index(after: rest.startIndex)..<close])
                output += url
                links.append(Link(text: url, url: url))
                rest = rest[rest.index(after: close)...]
            } else if character == "`" {
                rest = rest.dropFirst()
            } else if (character == "*" || character == "_"), next == character {
                rest = rest.dropFirst(2)
            } else if character == "*", let next, !next.isWhitespace,
                      output.last.map({ !$0.isLetter && !$0.isNumber }) ?? true,
                      let lastStar = scan.lastStar, lastStar > rest.startIndex {
                rest = rest.dropFirst()   // opening emphasis
            } else if character == "*", let previous = output.last, !previous.isWhitespace,
                      next.map({ !$0.isLetter && !$0.isNumber }) ?? true {
                rest = rest.dropFirst()   // closing emphasis
            } else {
                output.append(character)
                rest = rest.dropFirst()
            }
        }
        return (output, links)
    }

    /// `[label](url)` at the start of `text`: its label, its URL and what follows.
    private static func linkParts(_ text: Substring, _ scan: Scan) -> (Substring, String, Substring)? {
        guard text.first == "[", let close = scan.closing[text.startIndex], close < text.endIndex else { return nil }
        let label = text[text.index(after: text.startIndex)..<close]
        let afterLabel = text[text.index(after: close)...]
        guard afterLabel.first == "(", let lastParen = scan.lastParen, lastParen > close,
              let end = afterLabel.firstIndex(of: ")") else { return nil }
        var url = afterLabel[afterLabel.index(after: afterLabel.startIndex)..<end].trimmingWhitespace()
        if let space = url.firstIndex(of: " ") { url = url[..<space] }   // drop a "title"
        return (label, String(url), afterLabel[afterLabel.index(after: end)...])
    }
}
