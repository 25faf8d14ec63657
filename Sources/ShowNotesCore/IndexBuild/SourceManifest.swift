/// The sources an index was built from, by content hash: stored in the index (metadata key
/// `manifest`) so `index --check` can tell what changed without rebuilding anything.
///
/// Text, one line per source in stored-path order: `hash<TAB>path`. A file a source read
/// besides itself (a feed's in-folder JSON chapters file) follows its source's line as
/// `+hash<TAB>path`, with `-` for the hash of a file that was not there.
public struct SourceManifest: Sendable, Equatable {
    /// One source and what it was read from.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var hash: String
        public var dependencies: [Dependency]

        public init(path: String, hash: String, dependencies: [Dependency] = []) {
            self.path = path
            self.hash = hash
            self.dependencies = dependencies
        }
    }

    /// A file a source's episodes depend on, by its stored path and content hash.
    public struct Dependency: Sendable, Equatable, Hashable {
        /// Relative to the indexed folder, like the sources.
        public var path: String
        /// `-` when the file did not exist.
        public var hash: String

        public init(path: String, hash: String) {
            self.path = path
            self.hash = hash
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The text stored in the index.
    public var text: String {
        var lines: [String] = []
        lines.reserveCapacity(entries.count)
        for entry in entries {
            lines.append(entry.hash + "\t" + entry.path)
            for dependency in entry.dependencies { lines.append("+" + dependency.hash + "\t" + dependency.path) }
        }
        return lines.joined(separator: "\n")
    }

    /// Reads the stored text; lines it does not understand are ignored.
    public init(text: String) {
        var entries: [Entry] = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { continue }
            if parts[0].hasPrefix("+") {
                guard !entries.isEmpty else { continue }
                entries[entries.count - 1].dependencies.append(Dependency(path: String(parts[1]), hash: String(parts[0].dropFirst())))
            } else {
                entries.append(Entry(path: String(parts[1]), hash: String(parts[0])))
            }
        }
        self.entries = entries
    }
}
