import ShowNotesCore

/// What the index target does with an input: take it as the bytes of an index file, then open
/// it, search it, count it and verify it as `search`, `stats` and `index --verify` would.
/// Every failure must be a thrown `IndexCorruption` (or an open error), never a crash or a hang.
public enum IndexFuzz {
    public static func run(_ data: UnsafeRawBufferPointer) {
        guard ScratchFolder.write(data, to: IndexFormat.fileName) else { return }
        let path = IndexStore.filePath(in: ScratchFolder.path)
        _ = IndexVerifier.verify(path: path)
        guard let reader = try? IndexReader(path: path) else { return }
        _ = try? IndexStatistics(reader)
        _ = try? reader.metadata("manifest")
        _ = try? reader.metadata("fingerprint")
        let searcher = Searcher(reader: reader)
        for query in SampleIndex.queries { QueryFuzz.exercise(searcher, SearchQuery(query)) }
    }
}
