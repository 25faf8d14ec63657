import FoundationEssentials

/// What an index build reports while it runs, in order, on the thread that called `run`.
public enum IndexBuildEvent: Sendable {
    /// A warning or note about a source (or an error that skips one source).
    case diagnostic(Diagnostic)
    /// The sources were found; reading starts.
    case started(files: Int)
    /// So many sources are done (cumulative), giving so many episodes.
    case progress(files: Int, episodes: Int)
    /// All sources are read; the index file is being written.
    case writing
    /// The build cache cannot be used this time (the build goes on without it).
    case cacheUnavailable(String)
}

/// What an index build did.
public struct IndexBuildSummary: Sendable, Equatable {
    public var files = 0
    public var episodes = 0
    public var moments = 0
    /// Size of the index file.
    public var bytes = 0
    /// Sources whose episodes came from the build cache instead of being read again.
    public var fromCache = 0
    /// Temporary files of killed builds that this build removed.
    public var leftovers = 0
    /// Where the index file is.
    public var path = ""
}

/// Why an index build wrote nothing (the old index, if any, is untouched).
public enum IndexBuildError: Error, Sendable, CustomStringConvertible {
    /// Paths that do not exist, cannot be listed or read, or stored paths found twice.
    case sources([InputError])
    /// Another build holds the index folder's lock.
    case locked(String)
    /// The index file could not be written.
    case write(InputError)
    /// Cached bytes checked at the start of the build failed later (changed on disk during it).
    case damagedCache(String)

    public var description: String {
        switch self {
        case .sources(let errors): errors.map(\.description).joined(separator: "\n")
        case .locked(let folder): "\(folder): error: another `shownotes index` is building this index; try again when it has finished"
        case .write(let error): error.description
        case .damagedCache(let what): "error: the build cache changed during the build (\(what)); build again, or with --no-cache"
        }
    }
}

/// How an index build runs. The bytes written never depend on these.
public struct IndexBuildOptions: Sendable {
    /// Where the build cache lives, if anywhere.
    ///
    /// Writing the cache costs a cold build about as much as the cache then saves a rebuild
    /// (100,000 episodes: 13.3 s without it, 19.5 s writing it; a rebuild after one change
    /// ~1.5x faster than a clean build), and a build in CI starts from a fresh clone, where
    /// there is never a cache to use. So the command line makes one only when asked
    /// (`--incremental`, `--cache DIR`) and then keeps using the one beside the index
    /// (`besideIfPresent`).
    public enum Cache: Sendable, Equatable {
        /// `.shownotes-cache/<index folder name>/` beside the index folder, made if missing.
        case beside
        /// The same folder when it exists (an earlier `beside` build made it), else none.
        case besideIfPresent
        case folder(String)
        /// Read every source; keep nothing.
        case none
    }

    /// Source files and folders.
    public var sources: [String]
    /// The index folder.
    public var index: String
    public var cache: Cache
    /// Threads reading and analysing sources.
    public var workers: Int

    public init(sources: [String], index: String, cache: Cache = .beside, workers: Int = IndexBuildOptions.defaultWorkers) {
        self.sources = sources
        self.index = index
        self.cache = cache
        self.workers = max(1, workers)
    }

    /// The machine's cores, at most 8.
    public static var defaultWorkers: Int { max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) }

    /// The cache folder for `cache`, if any: beside the index folder, named after it.
    public var cacheFolder: String? {
        switch cache {
        case .none: return nil
        case .folder(let folder): return folder
        case .beside: return besideFolder
        case .besideIfPresent: return FileStatus.isDirectory(besideFolder) == true ? besideFolder : nil
        }
    }

    /// `.shownotes-cache/<index folder name>` in the index folder's parent.
    private var besideFolder: String {
        var path = index
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        let last = path.split(separator: "/").last
        if last == nil || last == "." || last == ".." { path = ChaptersLink.realPath(index) ?? path }
        guard let slash = path.lastIndex(of: "/") else { return ".shownotes-cache/" + path }
        let parent = path[..<slash], name = path[path.index(after: slash)...]
        return (parent.isEmpty ? "/" : parent + "/") + ".shownotes-cache/" + (name.isEmpty ? "root" : name)
    }
}
