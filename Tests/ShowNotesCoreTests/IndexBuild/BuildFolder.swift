import Foundation
import ShowNotesCore

/// A temporary folder holding a copy of the `Fixtures/sources` podcast folder, an index folder
/// and a cache folder, for building indexes the way `shownotes index` does.
struct BuildFolder {
    let root: URL

    /// The copied sources: `<root>/<sources>` (named `Feeds` unless told otherwise).
    var sources: String
    var index: String { root.appending(path: "Index").path }
    var cache: String { root.appending(path: "cache").path }

    /// Copies the fixture sources below a new temporary folder (`nested` adds folders above
    /// them), creating the files in stored-path order or in reverse.
    init(nested: [String] = [], named name: String = "Feeds", reverse: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appending(path: "shownotes-build-\(UUID().uuidString)")
        var folder = root
        for part in nested { folder = folder.appending(path: part) }
        folder = folder.appending(path: name)
        sources = folder.path
        let fixture = Fixtures.root.appending(path: "sources")
        let files = Self.files(below: fixture)
        for file in reverse ? files.reversed() : files {
            let target = folder.appending(path: file)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contentsOf: fixture.appending(path: file)).write(to: target)
        }
    }

    /// The fixture files, as paths relative to `folder`, in byte order.
    static func files(below folder: URL) -> [String] {
        let all = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
        return all.filter { path in
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.appending(path: path).path, isDirectory: &isFolder)
            return !isFolder.boolValue
        }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Builds the index of `sources` (nothing printed).
    @discardableResult
    func build(cache: IndexBuildOptions.Cache? = nil, workers: Int = 2, index: String? = nil) throws -> IndexBuildSummary {
        let options = IndexBuildOptions(sources: [sources], index: index ?? self.index, cache: cache ?? .folder(self.cache), workers: workers)
        return try IndexBuild.run(options) { _ in }
    }

    /// The index file's bytes.
    func indexBytes(_ index: String? = nil) throws -> Data {
        try Data(contentsOf: URL(filePath: IndexStore.filePath(in: index ?? self.index)))
    }

    /// What `index --check` would say.
    func check() throws -> IndexCheck.Report {
        try IndexCheck.run(sources: [sources], index: index)
    }

    /// Replaces the contents of a source file (path relative to the sources folder).
    func write(_ text: String, to file: String) throws {
        let url = URL(filePath: sources).appending(path: file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ file: String) throws -> String {
        try String(contentsOf: URL(filePath: sources).appending(path: file), encoding: .utf8)
    }

    func delete(_ file: String) throws {
        try FileManager.default.removeItem(at: URL(filePath: sources).appending(path: file))
    }
}
