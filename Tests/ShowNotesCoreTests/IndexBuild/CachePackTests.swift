import Foundation
@testable import ShowNotesCore
import Testing

@Suite("Build cache pack")
struct CachePackTests {
    /// The pack is written as a stream whose older stretches are dropped from the page cache
    /// (`StreamedPages`): what was dropped must still be on disk, whole, for the next build.
    @Test("records written across several dropped stretches read back whole after the cache is reopened")
    func streamedRecordsReadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shownotes-pack-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Five records of 9 MB (45 MB, past two stretches of 16 MB), each its own byte with
        // every 4 KB page numbered, so a page lost or misplaced is seen.
        let records = (0..<5).map { number in
            var record = [UInt8](repeating: UInt8(number + 1), count: 9 << 20)
            for page in stride(from: 0, to: record.count, by: 4096) {
                record[page] = UInt8(truncatingIfNeeded: page >> 12)
                record[page + 1] = UInt8(truncatingIfNeeded: page >> 20)
            }
            return record
        }
        do {
            let cache = try AnalysisCache(folder: folder)
            for (number, record) in records.enumerated() { cache.store("record-\(number)", record: record) }
            try cache.save()
        }
        let reopened = try AnalysisCache(folder: folder)
        for (number, record) in records.enumerated() {
            let stored = try #require(reopened.snapshot.record("record-\(number)"))
            #expect(stored.0 == record, "record \(number)")
            #expect(stored.1.offset == number * (9 << 20))
        }
    }
}
