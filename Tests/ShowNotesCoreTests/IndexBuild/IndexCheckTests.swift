import Foundation
import ShowNotesCore
import Testing

@Suite("index --check")
struct IndexCheckTests {
    @Test("a freshly built index is up to date")
    func fresh() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        try folder.build()
        let report = try folder.check()
        #expect(report.isUpToDate)
        #expect(report.lines.isEmpty)
    }

    @Test("a changed source is named; a touched but unchanged one is not")
    func changed() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        try folder.build()
        let file = "the-long-run/02-altitude-without-the-mountain.txt"
        try folder.write(try folder.read(file), to: file)   // new mtime, same bytes
        #expect(try folder.check().isUpToDate)
        try folder.write(try folder.read(file) + "\nOne more line.\n", to: file)
        #expect(try folder.check().lines == ["changed: \(file)"])
    }

    @Test("added and removed sources are named, in path order")
    func addedAndRemoved() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        try folder.build()
        try folder.write("Episode 6: Rest Days\n\n0:00 Intro\n4:10 Why rest works\n", to: "the-long-run/06-rest-days.txt")
        try folder.delete("people/maria-santos.txt")
        #expect(try folder.check().lines == ["removed: people/maria-santos.txt", "added: the-long-run/06-rest-days.txt"])
    }

    @Test("a changed chapters file marks the feed that reads it as changed")
    func dependency() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        try folder.build()
        let json = "the-long-run/ep05-chapters.json"
        try folder.write(try folder.read(json).replacingOccurrences(of: "Training the gut", with: "Gut training"), to: json)
        #expect(try folder.check().lines == ["changed: the-long-run/feed.xml (the-long-run/ep05-chapters.json changed)"])
    }

    @Test("an index built with another fingerprint is stale, with the reason")
    func otherFingerprint() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        try folder.build()
        let reader = try IndexReader(path: IndexStore.filePath(in: folder.index))
        var builder = IndexBuilder()
        builder.metadata["manifest"] = try reader.metadata("manifest")
        builder.metadata["fingerprint"] = BuildFingerprint.current.replacingOccurrences(of: "parser=\(BuildFingerprint.parser)", with: "parser=0")
        try IndexStore.write(builder.serialize(), to: folder.index)
        #expect(try folder.check().lines == ["rebuild: built by a different shownotes: parser 0 → \(BuildFingerprint.parser)"])
    }

    @Test("the same sources in another place relative to the index: stale (the index reads their texts there)")
    func movedSources() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        try folder.build()
        let moved = folder.root.appending(path: "elsewhere/Feeds")
        try FileManager.default.createDirectory(at: moved.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: folder.sources, toPath: moved.path)
        let report = try IndexCheck.run(sources: [moved.path], index: folder.index)
        #expect(report.lines == ["rebuild: the sources sit elsewhere relative to the index (../Feeds → ../elsewhere/Feeds)"])
        #expect(try folder.check().isUpToDate)
    }

    @Test("no index, or a missing source folder, is an error, not a verdict")
    func errors() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        #expect(throws: IndexCheck.Failure.self) { try folder.check() }
        try folder.build()
        #expect(throws: IndexCheck.Failure.self) { try IndexCheck.run(sources: [folder.sources + "-missing"], index: folder.index) }
    }
}
