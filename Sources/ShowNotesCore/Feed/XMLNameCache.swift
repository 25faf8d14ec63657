import CLibXML2

/// The element names of one parse, each made once: libxml2 hands over the same interned
/// pointers (from its parser's dictionary) for every `<item>`, `<title>`, `<guid>`…, and
/// making three Strings and a vocabulary for each of a big feed's million tags cost more
/// than finding those tags.
///
/// Only names whose every pointer the parser's dictionary owns are kept: such strings are
/// never freed or changed while the parser lives, so equal pointers mean equal names. The
/// cache belongs to the `SAXPushParser` that owns the dictionary, and holds at most `limit`.
final class XMLNameCache {
    static let limit = 4096

    private struct Key: Hashable {
        let local: UnsafeRawPointer?
        let prefix: UnsafeRawPointer?
        let uri: UnsafeRawPointer?
    }

    private let dictionary: xmlDictPtr?
    private var names: [Key: XMLName] = [:]

    init(dictionary: xmlDictPtr?) { self.dictionary = dictionary }

    func name(_ local: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) -> XMLName {
        let key = Key(local: local.map(UnsafeRawPointer.init), prefix: prefix.map(UnsafeRawPointer.init), uri: uri.map(UnsafeRawPointer.init))
        if let known = names[key] { return known }
        let name = XMLName(local, prefix, uri)
        if names.count < Self.limit, owns(local), owns(prefix), owns(uri) { names[key] = name }
        return name
    }

    private func owns(_ string: UnsafePointer<xmlChar>?) -> Bool {
        guard let string else { return true }
        guard let dictionary else { return false }
        return xmlDictOwns(dictionary, string) == 1
    }
}
