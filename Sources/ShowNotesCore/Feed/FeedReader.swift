import CLibXML2

/// Reads an RSS 2.0 (with iTunes, Podcasting 2.0 and Podlove tags), Atom 1.0 or RSS 1.0
/// feed into one `Episode` per item, streaming: the file goes through `ByteRepair` into
/// libxml2's SAX push parser chunk by chunk, and each item becomes an episode as it ends.
///
/// Damaged feeds are read as far as they can be; each kind of damage is one warning with
/// the line where it was first seen, and lost items are counted. A file with no items and a
/// fatal problem (not XML, not a feed, entity declarations) is an `InputError`.
public enum FeedReader {
    /// Episodes read from a feed, and what was noticed on the way.
    public typealias Result = SourceReader.Result

    /// A whole feed: its own title (also when it has no items), its episodes and the diagnostics.
    public struct Feed: Sendable {
        public var title: String?
        public var episodes: [Episode]
        public var diagnostics: [Diagnostic]
    }

    /// Reads the feed at `path`; `display` names it in episodes and diagnostics.
    public static func read(path: String, display: String) throws(InputError) -> Result {
        guard let file = FileChunks(path: path) else { throw InputError(file: display, message: "cannot open this file") }
        var failed = false
        let feed = try read(display: display, feedFolder: folder(of: path)) {
            guard let chunk = file.next() else {
                failed = true
                return []
            }
            return chunk
        }
        if failed { throw InputError(file: display, message: "cannot read this file") }
        return Result(episodes: feed.episodes, diagnostics: feed.diagnostics)
    }

    /// Reads a feed held in memory; `feedFolder` is where in-folder chapter files are looked for.
    public static func read(bytes: [UInt8], display: String, feedFolder: String? = nil) throws(InputError) -> Result {
        let feed = try readFeed(bytes: bytes, display: display, feedFolder: feedFolder)
        return Result(episodes: feed.episodes, diagnostics: feed.diagnostics)
    }

    /// Reads a feed held in memory, keeping the feed's own title.
    public static func readFeed(bytes: [UInt8], display: String, feedFolder: String? = nil) throws(InputError) -> Feed {
        var remaining = bytes[...]
        return try read(display: display, feedFolder: feedFolder) {
            let chunk = Array(remaining.prefix(FileChunks.chunkSize))
            remaining = remaining.dropFirst(chunk.count)
            return chunk
        }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static let parserReady: Void = { xmlInitParser() }()

    /// The pipeline: sniff → (UTF-16/32 → UTF-8) → repair → SAX → items → episodes.
    private static func read(display: String, feedFolder: String?, next: () -> [UInt8]) throws(InputError) -> Feed {
        _ = parserReady
        var head = next()
        while head.count < 4096 {
            let more = next()
            if more.isEmpty { break }
            head += more
        }
        let encoding = FeedEncoding.sniff(Array(head.prefix(4096)), isKnown: isKnownEncoding)
        var transcoder: UTFTranscoder?
        switch encoding {
        case .utf16(let bigEndian, let bom): transcoder = UTFTranscoder(unitSize: 2, bigEndian: bigEndian, hasBOM: bom)
        case .utf32(let bigEndian, let bom): transcoder = UTFTranscoder(unitSize: 4, bigEndian: bigEndian, hasBOM: bom)
        default: break
        }
        var otherEncoding: String? = nil
        if case .other(let name) = encoding { otherEncoding = name }
        var repair = ByteRepair(validatesUTF8: otherEncoding == nil)
        let builder = FeedBuilder()
        var episodes: [Episode] = []
        var diagnostics: [Diagnostic] = []
        let maker = FeedEpisode(display: display, feedFolder: feedFolder, channelPersons: { [unowned builder] in builder.channelPersons })
        defer { builder.onItem = { _ in } }   // the closure holds the builder: break the cycle
        builder.onItem = { item in
            var (episode, warnings) = maker.episode(from: item)
            episode.podcast = builder.podcastTitle
            episodes.append(episode)
            diagnostics += warnings
        }
        guard let parser = SAXPushParser(builder: builder, file: display, encoding: otherEncoding ?? "UTF-8") else {
            throw InputError(file: display, message: "libxml2 could not start a parser")
        }
        var chunk = head
        var decoded: [UInt8] = []
        var repaired: [UInt8] = []
        while true {
            let isLast = chunk.isEmpty
            decoded.removeAll(keepingCapacity: true)
            repaired.removeAll(keepingCapacity: true)
            if transcoder != nil {
                chunk.withUnsafeBufferPointer { transcoder?.convert($0, into: &decoded) }
                if isLast { transcoder?.finish(into: &decoded) }
                decoded.withUnsafeBufferPointer { repair.repair($0, isLast: isLast, into: &repaired) }
            } else {
                chunk.withUnsafeBufferPointer { repair.repair($0, isLast: isLast, into: &repaired) }
            }
            parser.push(repaired)
            if isLast { break }
            chunk = next()
        }
        parser.finish()
        builder.finishDocument()
        // A channel title that came after some items still names them.
        if let podcast = builder.podcastTitle {
            for index in episodes.indices where episodes[index].podcast == nil { episodes[index].podcast = podcast }
        }
        diagnostics += FeedReport.diagnostics(file: display, encoding: encoding, repair: repair.findings, builder: builder,
                                              episodes: episodes.count, parserStopped: parser.hasStopped)
        diagnostics = diagnostics.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
        if episodes.isEmpty, let refusal = FeedReport.refusal(builder: builder) {
            throw InputError(file: display, message: refusal)
        }
        return Feed(title: builder.podcastTitle, episodes: episodes, diagnostics: diagnostics)
    }

    /// Whether libxml2 can convert from this encoding.
    private static func isKnownEncoding(_ name: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }
}
