import CLibXML2
import Synchronization

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
        guard let context = HTMLContexts.take() else { return NotesDocument() }
        defer { HTMLContexts.give(context) }
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

/// libxml2 HTML parser contexts kept for the next notes: making one (a dictionary, buffers,
/// stacks) for every item of a feed cost about as much as parsing its notes.
/// `htmlCtxtReadMemory` resets a context before each parse; a context is used by one thread
/// at a time, taken from here and given back.
private enum HTMLContexts {
    /// Contexts kept at most (more than the threads that parse at once).
    static let kept = 16
    /// A context whose dictionary of names has grown past this is freed, not kept: a page of
    /// made-up tag names must not make every later parse carry them.
    static let largestDictionary = 4096

    private struct Context: @unchecked Sendable {
        let pointer: htmlParserCtxtPtr
    }

    private static let free = Mutex<[Context]>([])

    static func take() -> htmlParserCtxtPtr? {
        if let kept = free.withLock({ $0.popLast() }) { return kept.pointer }
        return htmlNewParserCtxt()
    }

    static func give(_ context: htmlParserCtxtPtr) {
        let small = context.pointee.dict.map { xmlDictSize($0) <= largestDictionary } ?? true
        let stored = small && free.withLock { contexts in
            guard contexts.count < kept else { return false }
            contexts.append(Context(pointer: context))
            return true
        }
        if !stored { htmlFreeParserCtxt(context) }
    }
}
