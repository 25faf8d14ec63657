import Foundation
import ShowNotesCore
import Testing

@Suite("Index folder: lock and atomic replacement")
struct IndexStoreTests {
    @Test("a build is refused while another holds the index's lock, and allowed once it is released")
    func lock() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        var held = try IndexStore.lock(folder.index)
        #expect(held != nil)
        #expect(try IndexStore.lock(folder.index) == nil)
        #expect {
            try folder.build()
        } throws: { error in
            "\(error)".contains("another `shownotes index` is building this index")
        }
        held = nil
        #expect(try folder.build().files == 6)
    }

    @Test("temporary files of killed builds are removed by the next build")
    func leftovers() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        try folder.build()
        let leftover = IndexStore.filePath(in: folder.index) + ".tmp-99999"
        try Data([1, 2, 3]).write(to: URL(filePath: leftover))
        #expect(try folder.build().leftovers == 1)
        #expect(!FileManager.default.fileExists(atPath: leftover))
    }

    @Test("a reader holding the old index keeps reading it while a new one replaces it")
    func readerKeepsOldFile() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        try folder.build()
        let reader = try IndexReader(path: IndexStore.filePath(in: folder.index))
        let before = reader.episodeCount
        try folder.delete("people/maria-santos.txt")
        try folder.build()
        #expect(reader.episodeCount == before)
        #expect(try reader.metadata("manifest")?.contains("people/maria-santos.txt") == true)
        #expect(try IndexReader(path: IndexStore.filePath(in: folder.index)).episodeCount == before - 1)
    }
}
