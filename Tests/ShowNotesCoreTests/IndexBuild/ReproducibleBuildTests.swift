import Foundation
import ShowNotesCore
import Testing

@Suite("Reproducible index builds")
struct ReproducibleBuildTests {
    @Test("copies under different paths, created in opposite orders, built with different thread counts, are byte-identical")
    func sameBytesAnywhere() throws {
        // Sources and index side by side (the index names its sources' folder relative to
        // itself, `../Feeds`), under different paths.
        let first = try BuildFolder(nested: ["a", "deeper", "path"])
        let second = try BuildFolder(nested: ["b"], reverse: true)
        defer { first.remove(); second.remove() }
        let firstIndex = first.sources + "/../Index", secondIndex = second.sources + "/../Index"
        try first.build(cache: IndexBuildOptions.Cache.none, workers: 1, index: firstIndex)
        try second.build(workers: 4, index: secondIndex)
        #expect(try first.indexBytes(firstIndex) == second.indexBytes(secondIndex))
        // A rebuild from the cache gives the same bytes again.
        let again = try second.build(workers: 3, index: secondIndex)
        #expect(again.fromCache == again.files)
        #expect(try first.indexBytes(firstIndex) == second.indexBytes(secondIndex))
        let reader = try IndexReader(path: IndexStore.filePath(in: firstIndex))
        #expect(try reader.metadata("roots") == "../Feeds")
    }

    @Test("the order of the paths given does not matter")
    func argumentOrder() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        let forward = folder.root.appending(path: "forward").path, backward = folder.root.appending(path: "backward").path
        let people = folder.sources + "/people", show = folder.sources + "/the-long-run"
        _ = try IndexBuild.run(IndexBuildOptions(sources: [people, show], index: forward, cache: .none)) { _ in }
        _ = try IndexBuild.run(IndexBuildOptions(sources: [show, people], index: backward, cache: .none)) { _ in }
        #expect(try folder.indexBytes(forward) == folder.indexBytes(backward))
    }

    @Test("sources are stored by their path inside the indexed folder, never an absolute path")
    func relativePaths() throws {
        let folder = try BuildFolder(nested: ["somewhere"])
        defer { folder.remove() }
        try folder.build()
        let reader = try IndexReader(path: IndexStore.filePath(in: folder.index))
        let manifest = SourceManifest(text: try reader.metadata("manifest") ?? "")
        #expect(manifest.entries.map(\.path) == [
            "people/maria-santos.txt", "the-long-run/01-building-a-team-culture.md",
            "the-long-run/02-altitude-without-the-mountain.txt", "the-long-run/03-race-day-fueling.html",
            "the-long-run/04-the-comeback-season.txt", "the-long-run/feed.xml",
        ])
        #expect(manifest.entries.last?.dependencies.map(\.path) == ["the-long-run/ep05-chapters.json"])
        #expect(!(try folder.indexBytes()).contains(Data(folder.root.path.utf8)))
    }

    @Test("two sources that would be stored under the same path are an error naming both")
    func collision() throws {
        let first = try BuildFolder(), second = try BuildFolder()
        defer { first.remove(); second.remove() }
        let options = IndexBuildOptions(sources: [first.sources, second.sources], index: first.index, cache: .none)
        #expect {
            try IndexBuild.run(options) { _ in }
        } throws: { error in
            "\(error)".contains("two sources would be stored under this path") && "\(error)".contains(second.sources)
        }
        #expect(!FileManager.default.fileExists(atPath: IndexStore.filePath(in: first.index)))
    }
}
