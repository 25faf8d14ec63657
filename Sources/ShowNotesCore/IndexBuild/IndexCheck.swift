/// Whether an index is up to date with its sources, without building anything: the
/// sources' content hashes (and their dependencies') against the index's manifest, and this
/// program's build fingerprint against the index's.
public enum IndexCheck {
    /// What differs; empty when the index is up to date.
    public struct Report: Sendable, Equatable {
        /// Why the whole index must be rebuilt (another fingerprint), if it must.
        public var rebuild: String?
        public var added: [String] = []
        /// Changed sources, each with the dependency that changed when the source itself did not.
        public var changed: [(path: String, because: String?)] = []
        public var removed: [String] = []

        public var isUpToDate: Bool { rebuild == nil && added.isEmpty && changed.isEmpty && removed.isEmpty }

        /// One line per difference, `rebuild:` first, then the sources in stored-path order.
        public var lines: [String] {
            var byPath: [(String, String)] = []
            byPath += added.map { ($0, "added: \($0)") }
            byPath += changed.map { ($0.path, "changed: \($0.path)" + ($0.because.map { " (\($0) changed)" } ?? "")) }
            byPath += removed.map { ($0, "removed: \($0)") }
            byPath.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            return (rebuild.map { ["rebuild: \($0)"] } ?? []) + byPath.map(\.1)
        }

        public static func == (lhs: Report, rhs: Report) -> Bool { lhs.lines == rhs.lines }
    }

    /// Why a check could not answer.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case sources([InputError])
        case index(String)

        public var description: String {
            switch self {
            case .sources(let errors): errors.map(\.description).joined(separator: "\n")
            case .index(let message): message
            }
        }
    }

    /// Compares the index in `index` with the sources under `paths`. With a `cache` folder,
    /// files whose identity the cache remembers are not read again (the stat shortcut).
    public static func run(sources paths: [String], index: String, cache: String? = nil,
                           diagnostics: (Diagnostic) -> Void = { _ in }) throws(Failure) -> Report {
        let found = IndexSources.discover(paths)
        for diagnostic in found.diagnostics { diagnostics(diagnostic) }
        guard found.errors.isEmpty else { throw .sources(found.errors) }
        let reader: IndexReader
        do {
            reader = try IndexReader(path: IndexStore.filePath(in: index))
        } catch {
            throw .index(error.description)
        }
        let recorded: SourceManifest
        var report = Report()
        do {
            report.rebuild = BuildFingerprint.difference(recorded: try reader.metadata("fingerprint"))
            recorded = SourceManifest(text: try reader.metadata("manifest") ?? "")
            // The index finds its sources' texts through these paths (`SourceRoots`).
            let indexed = try reader.roots()
            if report.rebuild == nil, let roots = try? SourceRoots(found.sources, index: index), indexed != roots.paths {
                report.rebuild = "the sources sit elsewhere relative to the index (\(indexed.joined(separator: ", ")) → \(roots.paths.joined(separator: ", ")))"
            }
        } catch {
            throw .index("error: index corrupted: \(reader.path): \(error.what)")
        }
        let seen = cache.flatMap { try? FileBytes.read($0 + "/table", display: $0) }.flatMap { CacheTable.decode($0.bytes) }
        let hashes = ParallelBatch(count: found.sources.count, workers: IndexBuildOptions.defaultWorkers) { _, index -> Result<String, InputError> in
            let source = found.sources[index]
            if let seen, let identity = FileIdentity(path: source.file.path),
               let known = seen.seen[source.file.display], known.identity == identity {
                return .success(known.hash)
            }
            return Result { () throws(InputError) -> String in try FileBytes.hash(source.file.path, display: source.file.display).hash }
        }.wait()

        var previous: [String: SourceManifest.Entry] = [:]
        for entry in recorded.entries { previous[entry.path] = entry }
        var unreadable: [InputError] = []
        for (source, result) in zip(found.sources, hashes) {
            let hash: String
            switch result {
            case .success(let value): hash = value
            case .failure(let error):
                unreadable.append(error)
                continue
            }
            guard let entry = previous.removeValue(forKey: source.relative) else {
                report.added.append(source.relative)
                continue
            }
            if entry.hash != hash {
                report.changed.append((source.relative, nil))
            } else if let dependency = entry.dependencies.first(where: { changed($0, of: source) }) {
                report.changed.append((source.relative, dependency.path))
            }
        }
        guard unreadable.isEmpty else { throw .sources(unreadable) }
        report.removed = previous.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return report
    }

    /// Whether a recorded dependency (stored path, relative to the root) differs on disk now.
    private static func changed(_ dependency: SourceManifest.Dependency, of source: IndexSource) -> Bool {
        let folder = source.relativeFolder
        let inFolder = dependency.path.hasPrefix(folder) ? String(dependency.path.dropFirst(folder.count)) : dependency.path
        return FileBytes.dependencyHash(source.sibling(inFolder)) != dependency.hash
    }
}
