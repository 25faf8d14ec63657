import Foundation
@testable import ShowNotesCore
import Testing

@Suite("Incremental index builds")
struct IncrementalBuildTests {
    @Test("after one change only that source is read again, and the bytes equal a clean build's")
    func oneChange() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        let first = try folder.build()
        #expect(first.fromCache == 0)
        let file = "the-long-run/04-the-comeback-season.txt"
        try folder.write(try folder.read(file).replacingOccurrences(of: "comeback", with: "return"), to: file)
        let second = try folder.build()
        #expect(second.fromCache == second.files - 1)
        let clean = folder.root.appending(path: "Clean").path
        try folder.build(cache: IndexBuildOptions.Cache.none, index: clean)
        #expect(try folder.indexBytes() == folder.indexBytes(clean))
    }

    @Test("a changed chapters file makes its feed be read again")
    func dependencyChange() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        try folder.build()
        let json = "the-long-run/ep05-chapters.json"
        try folder.write(try folder.read(json).replacingOccurrences(of: "Training the gut", with: "Gut training"), to: json)
        let second = try folder.build()
        #expect(second.fromCache == second.files - 1)
        let clean = folder.root.appending(path: "Clean").path
        try folder.build(cache: IndexBuildOptions.Cache.none, index: clean)
        #expect(try folder.indexBytes() == folder.indexBytes(clean))
        #expect(try folder.check().isUpToDate)
    }

    @Test("a damaged cache is never trusted: the build reads the sources and gives the same bytes")
    func damagedCache() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        try folder.build()
        let clean = try folder.indexBytes()
        let cache = URL(filePath: folder.cache)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.cache) where name.hasPrefix("pack-") {
            var bytes = try Data(contentsOf: cache.appending(path: name))
            for index in stride(from: 7, to: bytes.count, by: 13) { bytes[index] = 0xFF }
            try bytes.write(to: cache.appending(path: name))
        }
        try folder.build()
        #expect(try folder.indexBytes() == clean)
        try Data("not a table".utf8).write(to: cache.appending(path: "table"))
        let rebuilt = try folder.build()
        #expect(rebuilt.fromCache == 0)
        #expect(try folder.indexBytes() == clean)
    }

    @Test("by default the cache sits beside the index folder, never inside it")
    func cacheOutsideIndex() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        try folder.build(cache: .beside)
        let inside = try FileManager.default.contentsOfDirectory(atPath: folder.index).sorted()
        #expect(inside == [".lock", "shownotes.idx"])
        let cache = folder.root.appending(path: ".shownotes-cache/Index").path
        #expect(FileManager.default.fileExists(atPath: cache + "/table"))
        #expect(IndexBuildOptions(sources: [], index: "Index").cacheFolder == ".shownotes-cache/Index")
        #expect(IndexBuildOptions(sources: [], index: "/srv/site/Index/").cacheFolder == "/srv/site/.shownotes-cache/Index")
        // A fresh clone has no cache: the build reads everything.
        try FileManager.default.removeItem(atPath: folder.root.appending(path: ".shownotes-cache").path)
        #expect(try folder.build(cache: .beside).fromCache == 0)
    }

    @Test("the command line's default makes no cache, but uses and updates one that `--incremental` made")
    func cacheOnlyWhenAsked() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        let cache = folder.root.appending(path: ".shownotes-cache/Index").path
        #expect(try folder.build(cache: .besideIfPresent).fromCache == 0)
        #expect(!FileManager.default.fileExists(atPath: cache))
        try folder.build(cache: .beside)
        let file = "the-long-run/04-the-comeback-season.txt"
        try folder.write(try folder.read(file).replacingOccurrences(of: "comeback", with: "return"), to: file)
        let later = try folder.build(cache: .besideIfPresent)
        #expect(later.fromCache == later.files - 1)
        #expect(try folder.build(cache: .besideIfPresent).fromCache == later.files)
    }

    @Test("the cache remembers the identity of files older than two seconds, so they are not read again; a change is still seen")
    func identityShortcut() async throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        try await Task.sleep(for: .milliseconds(2_200))
        try folder.build()
        let table = try #require(CacheTable.decode([UInt8](try Data(contentsOf: URL(filePath: folder.cache + "/table")))))
        #expect(table.seen.count == 6)
        let file = "people/maria-santos.txt"
        try folder.write(try folder.read(file).replacingOccurrences(of: "Maria", with: "Mara"), to: file)
        #expect(try folder.build().fromCache == 5)
        let clean = folder.root.appending(path: "Clean").path
        try folder.build(cache: IndexBuildOptions.Cache.none, index: clean)
        #expect(try folder.indexBytes() == folder.indexBytes(clean))
    }
}
