import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the sources under the paths a user names and reads each into episodes.
///
/// Directories are walked recursively in sorted order (by byte-wise path), so every
/// run and every machine sees the same sources in the same order.
public enum SourceFiles {
    /// How a file is read, decided by its extension.
    public enum Kind: Sendable, Equatable {
        case notes(NotesParser.Format)
        case feed
    }

    /// A file to read: its path on disk and the name it is shown under.
    public struct Source: Sendable, Equatable {
        /// The path to open.
        public var path: String
        /// The path as given on the command line, joined with the path inside a folder.
        public var display: String
        public var kind: Kind
    }

    /// Notes files larger than this are refused: show notes are kilobytes, not hundreds of megabytes.
    public static let maximumNotesBytes = 32 << 20

    public static func kind(ofPath path: String) -> Kind? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "txt", "text": return .notes(.text)
        case "md", "markdown": return .notes(.markdown)
        case "html", "htm", "xhtml": return .notes(.html)
        case "xml", "rss", "atom": return .feed
        default: return nil
        }
    }

    /// The names of the files a folder keeps about itself (`README.md`, `SOURCES.md`, …): inside
    /// a folder they are skipped, since they describe the folder rather than an episode.
    static let folderDocuments: Set<String> = ["readme", "sources", "license", "licence", "changelog", "contributing", "authors", "notice"]

    static func isFolderDocument(_ relative: String) -> Bool {
        let name = relative.split(separator: "/").last ?? Substring(relative)
        let stem = name.split(separator: ".", maxSplits: 1).first ?? name
        return folderDocuments.contains(stem.lowercased())
    }

    /// Expands `paths` into sources. Unknown file types inside folders are reported as notes;
    /// a path that does not exist is an error.
    public static func discover(_ paths: [String]) -> (sources: [Source], diagnostics: [Diagnostic], errors: [InputError]) {
        var sources: [Source] = []
        var diagnostics: [Diagnostic] = []
        var errors: [InputError] = []
        let files = FileManager.default
        for path in paths {
            guard let isDirectory = FileStatus.isDirectory(path) else {
                errors.append(InputError(file: path, message: "no such file or directory"))
                continue
            }
            if !isDirectory {
                if let kind = kind(ofPath: path) {
                    sources.append(Source(path: path, display: path, kind: kind))
                } else {
                    diagnostics.append(Diagnostic(file: path, severity: .note, message: "not a notes or feed file (by its extension); skipped"))
                }
                continue
            }
            guard let inside = try? files.subpathsOfDirectory(atPath: path) else {
                errors.append(InputError(file: path, message: "cannot list this folder"))
                continue
            }
            for relative in inside.sorted(by: { $0.precedesInUTF8($1) }) {
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
                guard FileStatus.isDirectory(full) == false else { continue }
                if isFolderDocument(relative) {
                    diagnostics.append(Diagnostic(file: full, severity: .note,
                                                  message: "a folder's own document (README, SOURCES, LICENSE…), not show notes; skipped (name the file to read it)"))
                } else if let kind = kind(ofPath: relative) {
                    sources.append(Source(path: full, display: full, kind: kind))
                } else if !relative.hasSuffix(".json") {
                    diagnostics.append(Diagnostic(file: full, severity: .note, message: "not a notes or feed file (by its extension); skipped"))
                }
            }
        }
        return (sources, diagnostics, errors)
    }

    /// Reads a file's bytes, refusing what cannot be read. The size is checked before reading,
    /// so a huge file costs no memory, and only regular files are read (a FIFO would block).
    public static func bytes(of path: String, limit: Int) throws(InputError) -> [UInt8] {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFREG else { throw InputError(file: path, message: "not a regular file") }
            guard Int(info.st_size) <= limit else {
                throw InputError(file: path, message: "file is \(Int(info.st_size) >> 20) MiB, over the \(limit >> 20) MiB limit for show notes; skipped")
            }
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(filePath: path))
        } catch {
            throw InputError(file: path, message: "cannot read this file")
        }
        guard data.count <= limit else {
            throw InputError(file: path, message: "file is \(data.count >> 20) MiB, over the \(limit >> 20) MiB limit for show notes; skipped")
        }
        return [UInt8](data)
    }

    /// The parent folder's name, the default podcast name of a notes file.
    public static func folderName(of path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count >= 2 else { return nil }
        let folder = parts[parts.count - 2]
        return folder == "." || folder == ".." ? nil : String(folder)
    }
}
