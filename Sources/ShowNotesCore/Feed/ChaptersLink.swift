#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides what to do with a `<podcast:chapters url=…>`: ShowNotes makes no network requests
/// and reads no file a feed could point it at, except a JSON chapters file that sits inside
/// the feed's own folder.
///
/// Read: a relative path (no `..` component) whose real path (symlinks resolved) is inside
/// the real path of the feed's folder, ends in `.json`, is a regular file of at most 1 MiB.
/// Recorded only: remote URLs (silently: that is their normal form), and with a warning
/// absolute paths, `file:` URLs, `..` escapes, links leading out of the folder.
enum ChaptersLink {
    static let maximumBytes = 1 << 20

    struct Outcome {
        var file: ChaptersFile
        var chapters: [Chapter]?
        var warning: String?
    }

    static func resolve(url: String, type: String?, feedFolder: String?) -> Outcome {
        func refused(_ why: String) -> Outcome {
            Outcome(file: ChaptersFile(url: url, type: type, status: .refused), warning: "podcast:chapters '\(url)' \(why); not read")
        }
        if let scheme = scheme(of: url) {
            if scheme == "file" { return refused("is a file: URL") }
            return Outcome(file: ChaptersFile(url: url, type: type, status: .remote))
        }
        if url.hasPrefix("//") { return Outcome(file: ChaptersFile(url: url, type: type, status: .remote)) }
        if url.hasPrefix("/") || url.hasPrefix("~") { return refused("is an absolute path") }
        var relative = Substring(url)
        if let cut = relative.firstIndex(where: { $0 == "?" || $0 == "#" }) { relative = relative[..<cut] }
        if relative.split(separator: "/").contains("..") { return refused("leaves the feed's folder (..)") }
        guard let feedFolder, let folder = realPath(feedFolder) else { return refused("cannot be placed: the feed's folder is unknown") }
        guard let target = realPath(feedFolder + "/" + relative) else {
            return Outcome(file: ChaptersFile(url: url, type: type, status: .unreadable), warning: "podcast:chapters '\(url)' does not exist in the feed's folder; not read")
        }
        guard target.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") else { return refused("leads out of the feed's folder") }
        guard target.lowercased().hasSuffix(".json") else { return refused("is not a .json file") }
        var info = stat()
        guard stat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return refused("is not a regular file") }
        guard Int(info.st_size) <= maximumBytes else { return refused("is larger than 1 MiB") }
        guard let bytes = try? SourceFiles.bytes(of: target, limit: maximumBytes), let chapters = JSONChapters.chapters(from: bytes) else {
            return Outcome(file: ChaptersFile(url: url, type: type, status: .unreadable), warning: "podcast:chapters '\(url)' is not a JSON chapters file; not used")
        }
        return Outcome(file: ChaptersFile(url: url, type: type, status: .read), chapters: chapters)
    }

    /// `https` in `https://…`; nil for a relative path (a Windows drive letter counts as a scheme).
    static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return scheme.lowercased()
    }

    /// The canonical absolute path (symlinks resolved), or nil when nothing is there.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
