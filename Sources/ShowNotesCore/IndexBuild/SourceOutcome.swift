/// What one source gives an index: its analysed episodes, the diagnostics met while reading
/// it, and the other files it read (a feed's in-folder chapters files). A pure function of
/// the source's bytes, its stored path and those files, so it can be cached.
struct SourceOutcome: Sendable {
    /// The episodes, each as its encoding (`EpisodeAnalysis.encode`): the form the index
    /// builder adds and the cache stores, so a source read now costs the cache no more than
    /// writing its bytes.
    enum Episodes: Sendable {
        /// `count` analyses read now, encoded one after the other from `start` (what comes
        /// before is the cache record's head, when the source is read for the cache: then
        /// `bytes` is the whole record, stored as it is).
        case read(bytes: [UInt8], start: Int, count: Int)
        /// `count` encoded analyses in a row from `offset` of the mapped pack (checksum verified).
        case cached(pack: MappedBytes, offset: Int, count: Int)

        /// Calls `body` with the encodings' bytes, where the first starts and how many there are.
        func withEncodings<Result, Failure: Error>(
            _ body: (UnsafeRawBufferPointer, _ offset: Int, _ count: Int) throws(Failure) -> Result
        ) throws(Failure) -> Result {
            switch self {
            case .cached(let pack, let offset, let count):
                return try body(pack.bytes, offset, count)
            case .read(let bytes, let start, let count):
                // `withUnsafeBytes` rethrows untyped errors: carry the typed one out by hand.
                let outcome: Swift.Result<Result, Failure> = bytes.withUnsafeBytes { raw in
                    do throws(Failure) { return .success(try body(raw, start, count)) } catch { return .failure(error) }
                }
                return try outcome.get()
            }
        }

        /// The analyses as values (for tests and tools; the build never decodes them).
        func analyses() throws(IndexCorruption) -> [EpisodeAnalysis] {
            try withEncodings { (bytes, offset, count) throws(IndexCorruption) in
                var offset = offset
                var analyses: [EpisodeAnalysis] = []
                for _ in 0..<count { analyses.append(try EpisodeAnalysis.decode(bytes, offset: &offset)) }
                return analyses
            }
        }
    }

    var episodes: Episodes
    /// Diagnostics about the source itself name it by its display path.
    var diagnostics: [Diagnostic]
    /// Paths relative to the source's own folder, sorted, with content hashes.
    var dependencies: [SourceManifest.Dependency]

    /// Parses and analyses `source` from `bytes`, its contents (the bytes that were hashed).
    /// `forCache`: the episodes' bytes start with the cache record's head (`CacheRecord`), so
    /// that they are the record, made without a copy.
    static func read(_ source: IndexSource, bytes: [UInt8], analyzer: EpisodeAnalyzer, forCache: Bool = false) -> SourceOutcome {
        let result: SourceReader.Result
        var dependencies: [SourceManifest.Dependency] = []
        do throws(InputError) {
            switch source.file.kind {
            case .notes(let format):
                guard bytes.count <= SourceFiles.maximumNotesBytes else {
                    throw InputError(file: source.file.display, message: "file is \(bytes.count >> 20) MiB, over the \(SourceFiles.maximumNotesBytes >> 20) MiB limit for show notes; skipped")
                }
                result = try SourceReader.readNotes(bytes, format: format, display: source.file.display)
            case .feed:
                result = try FeedReader.read(bytes: bytes, display: source.file.display, feedFolder: FeedReader.folder(of: source.file.path))
                dependencies = chaptersFiles(of: result.episodes).map { path in
                    SourceManifest.Dependency(path: path, hash: FileBytes.dependencyHash(source.sibling(path)))
                }
            }
        } catch {
            let diagnostics = [Diagnostic(file: error.file, severity: .error, message: error.message)]
            let head = forCache ? CacheRecord.head(diagnostics: diagnostics, dependencies: [], count: 0, display: source.file.display) : []
            return SourceOutcome(episodes: .read(bytes: head, start: head.count, count: 0), diagnostics: diagnostics, dependencies: [])
        }
        var encoded = forCache ? CacheRecord.head(diagnostics: result.diagnostics, dependencies: dependencies,
                                                  count: result.episodes.count, display: source.file.display) : []
        let start = encoded.count
        bytes.withUnsafeBytes { raw in
            // A notes file's texts are mostly its own bytes: the index refers to them. (Not
            // a feed's: its texts are escaped XML, and one feed holds thousands of episodes.)
            let own: UnsafeRawBufferPointer? = if case .notes = source.file.kind { raw } else { nil }
            for episode in result.episodes { analyzer.encode(episode, source: source.relative, sourceBytes: own, into: &encoded) }
        }
        return SourceOutcome(episodes: .read(bytes: encoded, start: start, count: result.episodes.count), diagnostics: result.diagnostics,
                             dependencies: dependencies)
    }

    /// The local files a feed's `podcast:chapters` links may have read, relative to the feed's
    /// folder (`ChaptersLink` reads only such files): whether one appears, changes or goes
    /// away changes the episodes, so each is a dependency even when it was not read.
    static func chaptersFiles(of episodes: [Episode]) -> [String] {
        var paths = Set<String>()
        for episode in episodes {
            guard let url = episode.feed?.chaptersFile?.url, ChaptersLink.scheme(of: url) == nil,
                  !url.hasPrefix("/"), !url.hasPrefix("~") else { continue }
            var path = Substring(url)
            if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
            let parts = path.split(separator: "/").filter { $0 != "." }
            guard !parts.isEmpty, !parts.contains("..") else { continue }
            paths.insert(parts.joined(separator: "/"))
        }
        return paths.sorted { $0.precedesInUTF8($1) }
    }
}
