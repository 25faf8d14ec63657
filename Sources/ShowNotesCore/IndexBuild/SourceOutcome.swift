/// What one source gives an index: its analysed episodes, the diagnostics met while reading
/// it, and the other files it read (a feed's in-folder chapters files). A pure function of
/// the source's bytes, its stored path and those files, so it can be cached.
struct SourceOutcome: Sendable {
    /// The episodes, each as its encoding (`EpisodeAnalysis.encode`, the form the index
    /// builder adds and the cache stores), or already added to an index.
    enum Episodes: Sendable {
        /// `count` analyses read now, encoded one after the other.
        case read(bytes: [UInt8], count: Int)
        /// `count` encoded analyses in a row from `offset` of the mapped pack (checksum verified).
        case cached(pack: MappedBytes, offset: Int, count: Int)
        /// Handed to an index builder while they were analysed (`read(_:bytes:analyzer:adding:record:)`):
        /// nothing is left to add.
        case added

        /// Calls `body` with the encodings' bytes, where the first starts and how many there are.
        func withEncodings<Result, Failure: Error>(
            _ body: (UnsafeRawBufferPointer, _ offset: Int, _ count: Int) throws(Failure) -> Result
        ) throws(Failure) -> Result {
            switch self {
            case .cached(let pack, let offset, let count):
                return try body(pack.bytes, offset, count)
            case .added:
                return try body(UnsafeRawBufferPointer(start: nil, count: 0), 0, 0)
            case .read(let bytes, let count):
                // `withUnsafeBytes` rethrows untyped errors: carry the typed one out by hand.
                let outcome: Swift.Result<Result, Failure> = bytes.withUnsafeBytes { raw in
                    do throws(Failure) { return .success(try body(raw, 0, count)) } catch { return .failure(error) }
                }
                return try outcome.get()
            }
        }

        /// The analyses as values (for tests and tools; the build never decodes them); none
        /// when they were `added`.
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
    static func read(_ source: IndexSource, bytes: [UInt8], analyzer: EpisodeAnalyzer) -> SourceOutcome {
        let parsed = parse(source, bytes: bytes)
        var encoded: [UInt8] = []
        parsed.withOwnText(source, bytes: bytes) { own in
            for episode in parsed.episodes { analyzer.encode(episode, source: source.relative, sourceBytes: own, into: &encoded) }
        }
        return SourceOutcome(episodes: .read(bytes: encoded, count: parsed.episodes.count),
                             diagnostics: parsed.diagnostics, dependencies: parsed.dependencies)
    }

    /// The same, the episodes added to `builder` as they are analysed (no encoding to read
    /// back); with `record`, the source's cache record (`CacheRecord`) too: its head, then the
    /// encodings, made in one buffer.
    static func read(_ source: IndexSource, bytes: [UInt8], analyzer: EpisodeAnalyzer, adding builder: inout IndexBuilder,
                     record: inout [UInt8]?) -> SourceOutcome {
        let parsed = parse(source, bytes: bytes)
        if record != nil { record = parsed.recordHead(display: source.file.display) }
        parsed.withOwnText(source, bytes: bytes) { own in
            builder.add(parsed.episodes, source: source.relative, sourceBytes: own, analyzer: analyzer, encodingInto: &record)
        }
        return SourceOutcome(episodes: .added, diagnostics: parsed.diagnostics, dependencies: parsed.dependencies)
    }

    /// A source parsed: its episodes (none when it could not be read), diagnostics and dependencies.
    private struct Parsed {
        var episodes: [Episode] = []
        var diagnostics: [Diagnostic]
        var dependencies: [SourceManifest.Dependency] = []

        /// The cache record's head for this outcome.
        func recordHead(display: String) -> [UInt8] {
            CacheRecord.head(diagnostics: diagnostics, dependencies: dependencies, count: episodes.count, display: display)
        }

        /// Calls `body` with the source's bytes when its texts are mostly its own bytes (a notes
        /// file: the index then refers to them), else nil (a feed: its texts are escaped XML,
        /// and one feed holds thousands of episodes).
        func withOwnText(_ source: IndexSource, bytes: [UInt8], _ body: (UnsafeRawBufferPointer?) -> Void) {
            guard case .notes = source.file.kind else { return body(nil) }
            bytes.withUnsafeBytes { body($0) }
        }
    }

    private static func parse(_ source: IndexSource, bytes: [UInt8]) -> Parsed {
        do throws(InputError) {
            switch source.file.kind {
            case .notes(let format):
                guard bytes.count <= SourceFiles.maximumNotesBytes else {
                    throw InputError(file: source.file.display, message: "file is \(bytes.count >> 20) MiB, over the \(SourceFiles.maximumNotesBytes >> 20) MiB limit for show notes; skipped")
                }
                let result = try SourceReader.readNotes(bytes, format: format, display: source.file.display)
                return Parsed(episodes: result.episodes, diagnostics: result.diagnostics)
            case .feed:
                let result = try FeedReader.read(bytes: bytes, display: source.file.display, feedFolder: FeedReader.folder(of: source.file.path))
                let dependencies = chaptersFiles(of: result.episodes).map { path in
                    SourceManifest.Dependency(path: path, hash: FileBytes.dependencyHash(source.sibling(path)))
                }
                return Parsed(episodes: result.episodes, diagnostics: result.diagnostics, dependencies: dependencies)
            }
        } catch {
            return Parsed(diagnostics: [Diagnostic(file: error.file, severity: .error, message: error.message)])
        }
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
