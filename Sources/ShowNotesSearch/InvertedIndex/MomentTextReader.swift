/// Reads moments' texts for result lines. A text stored as references into its source
/// (`StoredText`) is read from that file, found through the index's `roots` (relative to
/// the index's folder) and checked against the content hash the index recorded: a source
/// that is missing or changed since the build gives no text (and a note in `unavailable`),
/// never wrong words.
struct MomentTextReader {
    private let reader: IndexReader
    private var store: TextStoreReader
    private var roots: [String]?
    /// Sources read during this search, by episode, kept while the next texts come from the
    /// same episode (a hit's snippet may come from its episode's other moments).
    private var source: (episode: Int, bytes: [UInt8]?)?
    /// The sources that could not be used, by their path as stored, with why, in order.
    private(set) var unavailable: [(source: String, reason: String)] = []

    init(reader: IndexReader) throws(IndexCorruption) {
        self.reader = reader
        store = try reader.momentTexts()
    }

    /// The text of `moment` of `episode`, whose source is stored as `path`; nil when it
    /// refers to a source that cannot be read as it was.
    mutating func text(_ moment: Int, episode: Int, path: String) throws(IndexCorruption) -> String? {
        let (stored, usesSource) = try store.item(moment) { raw throws(IndexCorruption) in (Array(raw), try StoredText.usesSource(raw)) }
        var source: [UInt8] = []
        if usesSource {
            guard let bytes = try sourceBytes(episode: episode, path: path) else { return nil }
            source = bytes
        }
        let text: Result<String, IndexCorruption> = stored.withUnsafeBytes { raw in
            source.withUnsafeBytes { source in
                Result { () throws(IndexCorruption) -> String in try StoredText.decode(raw, source: source) }
            }
        }
        return try text.get()
    }

    /// The episode's source file's bytes, if it is there with the content indexed.
    private mutating func sourceBytes(episode: Int, path: String) throws(IndexCorruption) -> [UInt8]? {
        if let source, source.episode == episode { return source.bytes }
        let record = try reader.sourceRecord(ofEpisode: episode)
        if roots == nil { roots = try reader.roots() }
        guard let roots, record.root < roots.count else { throw IndexCorruption("episode's source root out of range") }
        var bytes: [UInt8]?
        do {
            let read = try FileContents.bytes(atPath: reader.folder + "/" + roots[record.root] + "/" + path)
            var hash = ContentHash()
            hash.update(read)
            bytes = UInt32(truncatingIfNeeded: hash.value) == record.hash ? read : nil
            if bytes == nil { note(path, "changed since the index was built") }
        } catch {
            bytes = nil
            switch error {
            case .missing: note(path, "not found beside the index (looked under \(roots[record.root]) from the index's folder)")
            case .unreadable(let reason): note(path, "cannot be read: \(reason)")
            }
        }
        source = (episode, bytes)
        return bytes
    }

    private mutating func note(_ path: String, _ reason: String) {
        Self.note((path, reason), in: &unavailable)
    }

    /// Adds `source` to a list of unavailable sources unless the list names it already.
    static func note(_ source: (source: String, reason: String), in list: inout [(source: String, reason: String)]) {
        if !list.contains(where: { $0.source == source.source }) { list.append(source) }
    }
}
