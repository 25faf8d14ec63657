import CLibXML2

/// Owns one libxml2 push-parser context (SAX2, recover mode) and frees it; chunks go in with
/// `push`, events come out on a `FeedBuilder`.
///
/// SAX rather than `xmlTextReader`: in libxml2 2.9.14 the text reader stops for good at the
/// first well-formedness error even with `XML_PARSE_RECOVER` (`xmlTextReaderRead` returns -1
/// after "Entity 'nbsp' not defined"), while the push parser recovers and keeps reading
/// items; both stream, so a 100 MB feed is never a tree in memory.
///
/// Safety: `XML_PARSE_NONET`, never `XML_PARSE_NOENT` or `XML_PARSE_DTDLOAD`; the handler
/// has no `getEntity`, `resolveEntity` or `externalSubset`, so no declared entity is ever
/// expanded and no external DTD or entity is ever loaded.
final class SAXPushParser {
    private let context: xmlParserCtxtPtr
    private let builder: FeedBuilder

    /// `encoding` is the name libxml2 decodes with (`UTF-8` after our own repair pass).
    init?(builder: FeedBuilder, file: String, encoding: String) {
        var handler = xmlSAXHandler()
        handler.initialized = 0xDEEDBEAF   // XML_SAX2_MAGIC: namespaces and structured errors
        handler.startElementNs = { user, localName, prefix, uri, _, _, attributeCount, _, attributes in
            guard let user else { return }
            Unmanaged<FeedBuilder>.fromOpaque(user).takeUnretainedValue()
                .start(localName, prefix, uri, attributes: XMLAttributes(attributes, count: Int(attributeCount)))
        }
        handler.endElementNs = { user, localName, prefix, uri in
            guard let user else { return }
            Unmanaged<FeedBuilder>.fromOpaque(user).takeUnretainedValue().end(localName, prefix, uri)
        }
        handler.characters = { user, bytes, length in
            guard let user, let bytes, length > 0 else { return }
            Unmanaged<FeedBuilder>.fromOpaque(user).takeUnretainedValue().characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        handler.cdataBlock = handler.characters
        handler.serror = { user, error in
            guard let user, let error else { return }
            let problem = error.pointee
            let message = problem.message.map { String(cString: $0) } ?? "unknown XML error"
            Unmanaged<FeedBuilder>.fromOpaque(user).takeUnretainedValue()
                .xmlProblem(message: message, line: Int(problem.line), fatal: problem.level == XML_ERR_FATAL)
        }
        handler.entityDecl = { user, name, type, _, systemID, _ in
            guard let user, let name else { return }
            let external = type == Int32(XML_EXTERNAL_GENERAL_PARSED_ENTITY.rawValue)
                || type == Int32(XML_EXTERNAL_GENERAL_UNPARSED_ENTITY.rawValue) || systemID != nil
            Unmanaged<FeedBuilder>.fromOpaque(user).takeUnretainedValue().entityDeclared(String(cString: name), external: external)
        }
        handler.internalSubset = { user, _, _, systemID in
            guard let user else { return }
            Unmanaged<FeedBuilder>.fromOpaque(user).takeUnretainedValue().doctype(systemID: systemID.map { String(cString: $0) })
        }
        let user = Unmanaged.passUnretained(builder).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&handler, user, nil, 0, file) else { return nil }
        self.context = context
        self.builder = builder
        _ = xmlCtxtResetPush(context, nil, 0, file, encoding)
        let options = XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_IGNORE_ENC.rawValue
        _ = xmlCtxtUseOptions(context, Int32(options))
        builder.lineSource = { [context] in Int(xmlSAX2GetLineNumber(context)) }
        builder.names = XMLNameCache(dictionary: context.pointee.dict)
    }

    deinit {
        builder.lineSource = nil
        builder.names = nil
        // With a SAX handler of its own, libxml2 still keeps the entities a DOCTYPE declares, in a
        // document it makes for them (`myDoc`); freeing the context leaves that document behind.
        if let document = context.pointee.myDoc {
            context.pointee.myDoc = nil
            xmlFreeDoc(document)
        }
        xmlFreeParserCtxt(context)
    }

    /// Whether libxml2 gave up (an unrecoverable error); later bytes are then not parsed.
    var hasStopped: Bool {
        context.pointee.instate == XML_PARSER_EOF || context.pointee.disableSAX != 0
    }

    func push(_ bytes: [UInt8]) {
        guard !bytes.isEmpty, !hasStopped else { return }
        var start = 0
        // xmlParseChunk takes an Int32 size.
        while start < bytes.count {
            let end = min(bytes.count, start + (1 << 24))
            bytes[start..<end].withUnsafeBufferPointer { chunk in
                chunk.withMemoryRebound(to: CChar.self) { _ = xmlParseChunk(context, $0.baseAddress, Int32(chunk.count), 0) }
            }
            start = end
        }
    }

    func finish() {
        guard !hasStopped else { return }
        _ = xmlParseChunk(context, nil, 0, 1)
    }
}

/// An element's name as libxml2 reports it: local name, prefix and namespace URI, and the
/// vocabulary they make.
struct XMLName {
    var local: String
    var prefix: String?
    var uri: String?
    private(set) var vocabulary = FeedVocabulary.other

    init(_ local: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
        self.local = local.map { String(cString: $0) } ?? ""
        self.prefix = prefix.map { String(cString: $0) }
        self.uri = uri.map { String(cString: $0) }
        vocabulary = FeedVocabulary.of(self)
    }
}

/// The attributes of a start tag (SAX2 passes five pointers per attribute: local name,
/// prefix, URI, value start, value end).
struct XMLAttributes {
    private let pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    private let count: Int

    init(_ pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int) {
        self.pointers = pointers
        self.count = count
    }

    /// The value of the attribute with this local name (any namespace), entities already decoded.
    subscript(_ name: String) -> String? {
        guard let pointers else { return nil }
        for index in 0..<count {
            let base = index * 5
            guard let local = pointers[base], String(cString: local) == name,
                  let start = pointers[base + 3], let end = pointers[base + 4] else { continue }
            let bytes = UnsafeBufferPointer(start: start, count: end - start)
            let value = String(decoding: bytes, as: UTF8.self)
            // Without entity substitution libxml2 hands `&` over as `&#38;` (it would re-parse it when building a tree).
            // Without an `&` byte it cannot be there, and the search by Characters is not needed.
            guard bytes.firstIndex(of: UInt8(ascii: "&"), from: 0) != nil else { return value }
            return value.contains("&#38;") ? value.replacing("&#38;", with: "&") : value
        }
        return nil
    }
}
