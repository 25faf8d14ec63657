import CLibXML2

/// Reads HTML notes (a whole page or a feed's HTML fragment) into a `NotesDocument`
/// with libxml2's forgiving HTML parser: entities decoded, tags reduced to visible text,
/// `<br>` and block elements ending lines, `<li>` as list items, `<h1>`…`<h6>` as headings
/// and `<a href>` kept as links.
///
/// The tree is walked without recursion, so 100,000 nested elements cannot overflow the stack.
enum HTMLReader {
    /// `firstLine` shifts line numbers for fragments embedded in a larger file (a feed).
    static func read(_ html: String, file: String, firstLine: Int = 1) -> NotesDocument {
        var copy = html
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        guard let context = htmlNewParserCtxt() else { return NotesDocument() }
        defer { htmlFreeParserCtxt(context) }
        let document: htmlDocPtr? = copy.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(context, chars.baseAddress, Int32(clamping: chars.count), file, "UTF-8", options)
            }
        }
        guard let document else { return NotesDocument() }
        defer { xmlFreeDoc(document) }
        var builder = HTMLLineBuilder(firstLine: firstLine)
        if let root = xmlDocGetRootElement(document) { builder.walk(root) }
        var result = builder.finish()
        if let problem = stopped(context, firstLine: firstLine) { result.problems.append(problem) }
        return result
    }

    /// Why libxml2 gave up before the end, if it did (it stops at elements nested more than
    /// 256 deep rather than build an unbounded tree): everything after that line is lost.
    private static func stopped(_ context: htmlParserCtxtPtr, firstLine: Int) -> (line: Int, message: String)? {
        guard context.pointee.disableSAX != 0 || context.pointee.instate == XML_PARSER_EOF, context.pointee.errNo != 0 else { return nil }
        let error = context.pointee.lastError
        let reason = error.message.map { String(cString: $0) } ?? ""
        let what = reason.contains("Excessive depth") ? "elements are nested more than 256 deep" : "the HTML cannot be read further"
        return (Int(error.line) + firstLine - 1, "\(what); the rest of the notes is not read")
    }
}

/// Accumulates visible text into lines while walking an HTML tree.
private struct HTMLLineBuilder {
    var document = NotesDocument()
    let lineShift: Int
    var text = ""
    var lineNumber: Int?
    var heading: Int?
    var indent = 0
    var listDepth = 0
    var preDepth = 0
    var anchor: (href: String, text: String)?
    var title: String?
    var firstH1: String?

    init(firstLine: Int) { lineShift = firstLine - 1 }

    static let skipped: Set<String> = ["script", "style", "noscript", "template", "svg", "iframe", "object", "head"]
    static let blocks: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote", "pre", "table",
        "tr", "ul", "ol", "dl", "dd", "dt", "figure", "figcaption", "form", "hr", "address", "details", "summary",
        "body", "html", "center",
    ]

    mutating func walk(_ root: xmlNodePtr) {
        var node: xmlNodePtr? = root
        while let current = node {
            if enter(current), let child = current.pointee.children {
                node = child
                continue
            }
            var climbing: xmlNodePtr? = current
            node = nil
            while let up = climbing {
                leave(up)
                if up == root { break }
                if let next = up.pointee.next {
                    node = next
                    break
                }
                climbing = up.pointee.parent
            }
        }
    }

    /// Returns whether to descend into the node's children.
    private mutating func enter(_ node: xmlNodePtr) -> Bool {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { appendText(String(cString: content), line: Int(xmlGetLineNo(node))) }
            return false
        case XML_ELEMENT_NODE:
            break
        default:
            return false
        }
        let name = elementName(node)
        if name == "title" {
            title = collapsed(textContent(node))
            return false
        }
        if name == "head" {
            // `head` is not visible text, but its `<title>` names the page.
            title = title ?? headTitle(node)
            return false
        }
        if Self.skipped.contains(name) { return false }
        switch name {
        case "br":
            flush()
        case "li":
            flush()
            indent = 2 * max(0, listDepth - 1)
            text = "- "
        case "ul", "ol":
            flush()
            listDepth += 1
        case "h1", "h2", "h3", "h4", "h5", "h6":
            flush()
            heading = Int(name.dropFirst())
        case "pre":
            flush()
            preDepth += 1
        case "td", "th":
            if !text.isEmpty && !text.hasSuffix(" ") { text += " " }
            text += "| "
        case "a":
            if let href = attribute(node, "href") { anchor = (href.trimmingWhitespace().description, "") }
        default:
            if Self.blocks.contains(name) { flush() }
        }
        return true
    }

    private mutating func leave(_ node: xmlNodePtr) {
        guard node.pointee.type == XML_ELEMENT_NODE else { return }
        let name = elementName(node)
        if name == "title" || Self.skipped.contains(name) { return }
        switch name {
        case "li":
            flush()
        case "ul", "ol":
            flush()
            listDepth = max(0, listDepth - 1)
        case "h1", "h2", "h3", "h4", "h5", "h6":
            if name == "h1", firstH1 == nil { firstH1 = collapsed(text) }
            flush()
        case "pre":
            flush()
            preDepth = max(0, preDepth - 1)
        case "a":
            if let (href, visible) = anchor {
                let label = collapsed(visible)
                if !href.isEmpty, !href.hasPrefix("#"), !href.lowercased().hasPrefix("javascript:") {
                    document.links.append(Link(text: label.isEmpty ? href : label, url: href))
                }
            }
            anchor = nil
        default:
            if Self.blocks.contains(name) { flush() }
        }
    }

    private mutating func appendText(_ content: String, line: Int) {
        if lineNumber == nil, content.contains(where: { !$0.isWhitespace }) { lineNumber = line }
        if preDepth > 0 {
            let parts = splitLines(content)
            for (offset, part) in parts.enumerated() {
                if offset > 0 { flush() }
                text += part
            }
            return
        }
        let piece = collapsed(content, keepEdges: true)
        if text.isEmpty || text.hasSuffix(" ") { text += piece.drop(while: { $0 == " " }) } else { text += piece }
        if anchor != nil { anchor?.text += content }
    }

    private mutating func flush() {
        let trimmed = text.trimmingWhitespace()
        if !trimmed.isEmpty && trimmed != "-" {
            document.lines.append(NoteLine(text: String(trimmed), indent: indent, number: (lineNumber ?? 1) + lineShift, headingLevel: heading))
        }
        text = ""
        lineNumber = nil
        heading = nil
        indent = 0
    }

    mutating func finish() -> NotesDocument {
        flush()
        document.documentTitle = firstH1.flatMap { $0.isEmpty ? nil : $0 } ?? title.flatMap { $0.isEmpty ? nil : $0 }
        return document
    }

    /// Runs of white space become one space; edges are kept as one space when asked.
    private func collapsed(_ text: String, keepEdges: Bool = false) -> String {
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

    /// The text of the first `<title>` directly inside `head`.
    private func headTitle(_ head: xmlNodePtr) -> String? {
        var child = head.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, elementName(current) == "title" { return collapsed(textContent(current)) }
            child = current.pointee.next
        }
        return nil
    }

    private func elementName(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    private func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { clibxml2_free(value) }
        return String(cString: value)
    }

    private func textContent(_ node: xmlNodePtr) -> String {
        guard let value = xmlNodeGetContent(node) else { return "" }
        defer { clibxml2_free(value) }
        return String(cString: value)
    }
}
