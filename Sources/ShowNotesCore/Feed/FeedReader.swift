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
        var episodes: [Episode] = []
        let summary = try read(path: path, display: display) { episodes.append($0) }
        return Result(episodes: backfilled(episodes, podcast: summary.title), diagnostics: summary.diagnostics)
    }

    /// Reads the feed at `path`, handing each episode to `each` as soon as its item ends, so
    /// memory stays bounded however many items the feed has. The diagnostics come at the end.
    /// (An item read before the channel's `<title>` has no podcast name.)
    public static func read(path: String, display: String, each: (Episode) -> Void) throws(InputError) -> Summary {
        try read(path: path, display: display, prepare: { _ in () }, each: { episode, _ in each(episode) })
    }

    /// Reads the feed at `path` as `read(path:display:each:)` does, and also `prepare`s each
    /// episode (into the JSON to print, say) on the worker that parsed it, so that this work
    /// is spread over the cores too; `each` gets the episode and what was prepared.
    public static func read<Prepared: Sendable>(path: String, display: String, prepare: @escaping @Sendable (Episode) -> Prepared,
                                                each: (Episode, Prepared) -> Void) throws(InputError) -> Summary {
        guard let file = FileChunks(path: path) else { throw InputError(file: display, message: "cannot open this file") }
        var failed = false
        let summary = try stream(display: display, feedFolder: folder(of: path), prepare: prepare, each: each) {
            guard let chunk = file.next() else {
                failed = true
                return []
            }
            return chunk
        }
        if failed { throw InputError(file: display, message: "cannot read this file") }
        return summary
    }

    /// Reads a feed held in memory; `feedFolder` is where in-folder chapter files are looked for.
    public static func read(bytes: [UInt8], display: String, feedFolder: String? = nil) throws(InputError) -> Result {
        let feed = try readFeed(bytes: bytes, display: display, feedFolder: feedFolder)
        return Result(episodes: feed.episodes, diagnostics: feed.diagnostics)
    }

    /// Reads a feed held in memory, keeping the feed's own title.
    public static func readFeed(bytes: [UInt8], display: String, feedFolder: String? = nil) throws(InputError) -> Feed {
        var remaining = bytes[...]
        var episodes: [Episode] = []
        let summary = try stream(display: display, feedFolder: feedFolder, prepare: { _ in () }, each: { episode, _ in episodes.append(episode) }) {
            let chunk = Array(remaining.prefix(FileChunks.chunkSize))
            remaining = remaining.dropFirst(chunk.count)
            return chunk
        }
        return Feed(title: summary.title, episodes: backfilled(episodes, podcast: summary.title), diagnostics: summary.diagnostics)
    }

    /// What a streaming read reports once the feed is done.
    public struct Summary: Sendable {
        /// The channel's (or Atom feed's) title.
        public var title: String?
        public var diagnostics: [Diagnostic]
        public var episodes: Int
    }

    /// A channel title that came after some items still names them.
    private static func backfilled(_ episodes: [Episode], podcast: String?) -> [Episode] {
        guard let podcast, episodes.contains(where: { $0.podcast == nil }) else { return episodes }
        return episodes.map { episode in
            var named = episode
            if named.podcast == nil { named.podcast = podcast }
            return named
        }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static let parserReady: Void = { xmlInitParser() }()

    /// The pipeline: sniff → (UTF-16/32 → UTF-8) → repair → SAX → items → episodes.
    private static func stream<Prepared: Sendable>(display: String, feedFolder: String?, prepare: @escaping @Sendable (Episode) -> Prepared,
                                                   each: (Episode, Prepared) -> Void, next: () -> [UInt8]) throws(InputError) -> Summary {
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
        var count = 0
        var diagnostics: [Diagnostic] = []
        var maker = FeedEpisode(display: display, feedFolder: feedFolder)
        var batch = EpisodeBatch(prepare: prepare)
        var started = true
        // `each` is only called from here, synchronously, while this function runs.
        withoutActuallyEscaping(each) { each in
            func hand(_ outputs: [EpisodeBatch<Prepared>.Output]) {
                for output in outputs {
                    count += 1
                    each(output.episode, output.prepared)
                    diagnostics += output.warnings
                }
            }
            // A batch's episodes get the channel's persons and title as they are when the batch is full.
            func flush() {
                maker.channelPersons = builder.channelPersons
                hand(batch.finish(with: maker, podcast: builder.podcastTitle))
            }
            builder.onItem = { item in
                batch.add(item)
                if batch.isFull {
                    maker.channelPersons = builder.channelPersons
                    hand(batch.launch(with: maker, podcast: builder.podcastTitle))
                }
            }
            defer { builder.onItem = { _ in } }   // the closure holds the builder: break the cycle
            guard let parser = SAXPushParser(builder: builder, file: display, encoding: otherEncoding ?? "UTF-8") else {
                started = false
                return
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
            flush()
            diagnostics += FeedReport.diagnostics(file: display, encoding: encoding, repair: repair.findings, builder: builder,
                                                  episodes: count, parserStopped: parser.hasStopped)
        }
        if !started { throw InputError(file: display, message: "libxml2 could not start a parser") }
        diagnostics = diagnostics.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
        if count == 0, let refusal = FeedReport.refusal(builder: builder) {
            throw InputError(file: display, message: refusal)
        }
        return Summary(title: builder.podcastTitle, diagnostics: diagnostics, episodes: count)
    }

    /// Whether libxml2 can convert from this encoding.
    private static func isKnownEncoding(_ name: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }
}
