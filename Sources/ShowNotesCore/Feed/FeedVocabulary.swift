/// The namespaces a podcast feed mixes, reduced to one short key per vocabulary, so the
/// builder asks "is this `itunes:duration`?" whatever the prefix or URI spelling.
///
/// A URI decides when there is one (both Podcasting 2.0 URIs, Podlove with or without a
/// trailing slash, the iTunes URI in any case); an undeclared prefix (`<podcast:chapters>`
/// with no `xmlns:podcast`, which libxml2 reports and then passes through) is read by its
/// usual prefix. RSS 2.0 (no namespace), RSS 1.0 and Atom elements all map to `core`.
enum FeedVocabulary: Equatable {
    case core
    case itunes
    case content
    case psc
    case podcast
    case dublinCore
    case media
    case rdf
    case atomInRSS
    case other

    static func of(_ name: XMLName) -> FeedVocabulary {
        if let uri = name.uri { return byURI(uri) ?? .other }
        guard let prefix = name.prefix?.lowercased() else { return .core }
        switch prefix {
        case "itunes": return .itunes
        case "content": return .content
        case "psc", "sc": return .psc
        case "podcast": return .podcast
        case "dc": return .dublinCore
        case "media": return .media
        case "rdf": return .rdf
        case "atom": return .atomInRSS
        default: return .other
        }
    }

    private static func byURI(_ uri: String) -> FeedVocabulary? {
        var key = uri.lowercased()
        if key.hasSuffix("/") { key.removeLast() }
        if key.hasPrefix("https://") { key = "http://" + key.dropFirst(8) }
        switch key {
        case "http://www.itunes.com/dtds/podcast-1.0.dtd": return .itunes
        case "http://purl.org/rss/1.0/modules/content": return .content
        case "http://podlove.org/simple-chapters": return .psc
        case "http://podcastindex.org/namespace/1.0",
             "http://github.com/podcastindex-org/podcast-namespace/blob/main/docs/1.0.md": return .podcast
        case "http://purl.org/dc/elements/1.1": return .dublinCore
        case "http://search.yahoo.com/mrss": return .media
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": return .rdf
        case "http://www.w3.org/2005/atom", "http://purl.org/atom/ns#", "http://purl.org/rss/1.0",
             "http://backend.userland.com/rss2", "http://my.netscape.com/rdf/simple/0.9": return .core
        default: return nil
        }
    }
}
