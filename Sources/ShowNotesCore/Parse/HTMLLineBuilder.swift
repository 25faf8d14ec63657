import CLibXML2

/// Accumulates visible text into lines while walking an HTML tree (for `HTMLReader`).
///
/// The line being built is kept as UTF-8 bytes: text nodes of ASCII and common punctuation
/// are collapsed byte by byte (`HTMLText`), anything else by Characters as before, and the
/// result is the same either way.
struct HTMLLineBuilder {
    var document = NotesDocument()
    let lineShift: Int
    /// The UTF-8 bytes of the line being built.
    var text: [UInt8] = []
    var lineNumber: Int?
    var heading: Int?
    var indent = 0
    var listDepth = 0
    var preDepth = 0
    var anchor: (href: String, text: String)?
    var title: String?
    var firstH1: String?

    init(firstLine: Int) { lineShift = firstLine - 1 }

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
            if let content = node.pointee.content { appendText(content, line: Int(xmlGetLineNo(node))) }
            return false
        case XML_ELEMENT_NODE:
            break
        default:
            return false
        }
        let tag = HTMLTag.of(node)
        switch tag {
        case .title:
            title = HTMLText.collapsed(textContent(node))
            return false
        case .head:
            // `head` is not visible text, but its `<title>` names the page.
            title = title ?? headTitle(node)
            return false
        case .skipped:
            return false
        case .lineBreak:
            flush()
        case .listItem:
            flush()
            indent = 2 * max(0, listDepth - 1)
            text.append(contentsOf: HTMLText.listMark)
        case .list:
            flush()
            listDepth += 1
        case .heading(let level):
            flush()
            heading = level
        case .pre:
            flush()
            preDepth += 1
        case .cell:
            if !text.isEmpty && !HTMLText.endsWithSpace(text) { text.append(HTMLText.space) }
            text.append(contentsOf: HTMLText.cellMark)
        case .anchor:
            if let href = attribute(node, "href") { anchor = (href.trimmingWhitespace().description, "") }
        case .block:
            flush()
        case .other:
            break
        }
        return true
    }

    private mutating func leave(_ node: xmlNodePtr) {
        guard node.pointee.type == XML_ELEMENT_NODE else { return }
        switch HTMLTag.of(node) {
        case .title, .head, .skipped, .lineBreak, .cell, .other:
            break
        case .listItem:
            flush()
        case .list:
            flush()
            listDepth = max(0, listDepth - 1)
        case .heading(let level):
            if level == 1, firstH1 == nil { firstH1 = HTMLText.collapsed(String(decoding: text, as: UTF8.self)) }
            flush()
        case .pre:
            flush()
            preDepth = max(0, preDepth - 1)
        case .anchor:
            if let (href, visible) = anchor {
                let label = HTMLText.collapsed(visible)
                if !href.isEmpty, !href.hasPrefix("#"), !href.lowercased().hasPrefix("javascript:") {
                    document.links.append(Link(text: label.isEmpty ? href : label, url: href))
                }
            }
            anchor = nil
        case .block:
            flush()
        }
    }

    /// A text node's bytes: on bytes when `HTMLText` can tell Characters from them, else as a String.
    private mutating func appendText(_ content: UnsafePointer<xmlChar>, line: Int) {
        let bytes = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
        guard preDepth == 0,
              let hasText = HTMLText.appendCollapsed(bytes, to: &text, dropLeadingSpace: text.isEmpty || HTMLText.endsWithSpace(text)) else {
            appendText(String(cString: content), line: line)
            return
        }
        if lineNumber == nil, hasText { lineNumber = line }
        if anchor != nil { anchor?.text += String(decoding: bytes, as: UTF8.self) }
    }

    private mutating func appendText(_ content: String, line: Int) {
        if lineNumber == nil, content.contains(where: { !$0.isWhitespace }) { lineNumber = line }
        if preDepth > 0 {
            let parts = splitLines(content)
            for (offset, part) in parts.enumerated() {
                if offset > 0 { flush() }
                text.append(contentsOf: part.utf8)
            }
            return
        }
        let piece = HTMLText.collapsed(content, keepEdges: true)
        if text.isEmpty || HTMLText.endsWithSpace(text) {
            text.append(contentsOf: piece.drop(while: { $0 == " " }).utf8)
        } else {
            text.append(contentsOf: piece.utf8)
        }
        if anchor != nil { anchor?.text += content }
    }

    private mutating func flush() {
        if !text.isEmpty {
            // `trimmingWhitespace()`, made into one String: on bytes when its edges can be read there.
            let trimmed: String = text.withUnsafeBufferPointer { bytes in
                guard let range = bytes.trimmedRange() else { return String(String(decoding: bytes, as: UTF8.self).trimmingWhitespace()) }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            if !trimmed.isEmpty && trimmed != "-" {
                document.lines.append(NoteLine(text: trimmed, indent: indent, number: (lineNumber ?? 1) + lineShift, headingLevel: heading))
            }
            text.removeAll(keepingCapacity: true)
        }
        lineNumber = nil
        heading = nil
        indent = 0
    }

    mutating func finish() -> NotesDocument {
        flush()
        document.documentTitle = firstH1.flatMap { $0.isEmpty ? nil : $0 } ?? title.flatMap { $0.isEmpty ? nil : $0 }
        return document
    }

    /// The text of the first `<title>` directly inside `head`.
    private func headTitle(_ head: xmlNodePtr) -> String? {
        var child = head.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, case .title = HTMLTag.of(current) {
                return HTMLText.collapsed(textContent(current))
            }
            child = current.pointee.next
        }
        return nil
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

/// What an element means to `HTMLLineBuilder`, looked up once per element by its name.
enum HTMLTag {
    case title, head
    /// Not visible: `script`, `style` and the like.
    case skipped
    case lineBreak, listItem
    /// `ul` or `ol`.
    case list
    case heading(Int)
    case pre
    /// `td` or `th`.
    case cell
    case anchor
    /// An element that starts and ends a line (`p`, `div`, …).
    case block
    case other

    static func of(_ node: xmlNodePtr) -> HTMLTag {
        guard let pointer = node.pointee.name else { return .other }
        var name = String(cString: pointer)
        // libxml2 writes HTML names in lower case already; others as lowercased() says.
        if name.utf8.contains(where: { $0 >= 0x41 && ($0 <= 0x5A || $0 >= 0x80) }) { name = name.lowercased() }
        return byName[name] ?? .other
    }

    private static let byName: [String: HTMLTag] = {
        var table: [String: HTMLTag] = ["title": .title, "head": .head, "br": .lineBreak, "li": .listItem, "ul": .list, "ol": .list,
                                        "pre": .pre, "td": .cell, "th": .cell, "a": .anchor]
        for level in 1...6 { table["h\(level)"] = .heading(level) }
        for name in ["script", "style", "noscript", "template", "svg", "iframe", "object"] { table[name] = .skipped }
        for name in ["p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote", "table",
                     "tr", "dl", "dd", "dt", "figure", "figcaption", "form", "hr", "address", "details", "summary",
                     "body", "html", "center"] {
            table[name] = .block
        }
        return table
    }()
}
