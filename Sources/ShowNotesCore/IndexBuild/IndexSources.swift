/// A source of an index build: the file, and the path it is stored under in the index,
/// relative to the folder named on the command line (a file named directly keeps its name).
///
/// The relative path, never the absolute one, goes into the index and its manifest, so the
/// same folder copied anywhere gives the same bytes.
public struct IndexSource: Sendable, Equatable {
    /// Where to read it and how to name it in messages.
    public var file: SourceFiles.Source
    /// The stored path: `the-long-run/02-altitude.txt` for `Feeds/the-long-run/02-altitude.txt` under `Feeds`.
    public var relative: String
    /// The folder `relative` starts in, as given (`Feeds`); `root + "/" + relative` is the file.
    public var root: String

    /// The podcast name a notes file falls back to (its folder's name, see `SourceReader`).
    /// For a file directly inside the named folder that is the folder's own name, so the
    /// name of the indexed folder matters; where it sits does not.
    var folderName: String? { SourceFiles.folderName(of: file.display) }

    /// A file next to this source, by a path relative to this source's folder.
    func sibling(_ path: String) -> String {
        guard let slash = file.path.lastIndex(of: "/") else { return path }
        return String(file.path[...slash]) + path
    }

    /// The folder of `relative` inside the root (`the-long-run/`), or `""`.
    var relativeFolder: String {
        guard let slash = relative.lastIndex(of: "/") else { return "" }
        return String(relative[...slash])
    }
}

/// Finds the sources of an index build under the paths given, in stored-path order.
public enum IndexSources {
    /// The sources, and what was noticed or went wrong while looking for them.
    public struct Discovery: Sendable {
        public var sources: [IndexSource]
        public var diagnostics: [Diagnostic]
        /// Paths that do not exist or cannot be listed, and stored paths found twice.
        public var errors: [InputError]
    }

    /// Walks every path (folders recursively, see `SourceFiles.discover`) and sorts the
    /// sources by their stored path, byte-wise: the order of discovery never matters.
    public static func discover(_ paths: [String]) -> Discovery {
        var sources: [IndexSource] = []
        var diagnostics: [Diagnostic] = []
        var errors: [InputError] = []
        for path in paths {
            let found = SourceFiles.discover([path])
            diagnostics += found.diagnostics
            errors += found.errors
            let isFolder = FileStatus.isDirectory(path) == true
            let prefix = path.hasSuffix("/") ? path : path + "/"
            for file in found.sources {
                if isFolder, file.display.hasPrefix(prefix) {
                    sources.append(IndexSource(file: file, relative: String(file.display.dropFirst(prefix.count)), root: path))
                } else {
                    let slash = file.display.lastIndex(of: "/")
                    let name = slash.map { String(file.display[file.display.index(after: $0)...]) } ?? file.display
                    let folder = slash.map { String(file.display[...$0]) } ?? "."
                    sources.append(IndexSource(file: file, relative: name, root: folder))
                }
            }
        }
        sources.sort { $0.relative.precedesInUTF8($1.relative) }
        var index = sources.startIndex
        while index + 1 < sources.endIndex {
            let first = sources[index], second = sources[index + 1]
            if first.relative == second.relative {
                errors.append(InputError(file: first.relative, message: "two sources would be stored under this path (\(first.file.display) and \(second.file.display)); index their common folder instead"))
                sources.remove(at: index + 1)
            } else {
                index += 1
            }
        }
        return Discovery(sources: sources, diagnostics: diagnostics, errors: errors)
    }
}
