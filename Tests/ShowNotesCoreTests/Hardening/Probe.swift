import Foundation
@testable import ShowNotesCore
@testable import ShowNotesSearch
import Testing

@Test func probeInflate() throws {
    let clock = ContinuousClock()
    let big = String(repeating: "a long chapter title ", count: 400_000)
    var builder = IndexBuilder()
    builder.metadata["manifest"] = big
    var bytes: [UInt8] = []
    print("serialize", clock.measure { bytes = builder.serialize() })
    let folder = try HardeningIndex.folder(holding: bytes)
    let reader = try IndexReader(path: folder.appending(path: IndexFormat.fileName).path)
    print("metadata", clock.measure { _ = try? reader.metadata("manifest") })
    let framed = TextStoreWriter.deflate(Array(big.utf8))
    print("inflate", clock.measure { _ = framed.withUnsafeBytes { try? TextStoreReader.inflate($0) } })
    print("zlib", clock.measure { _ = framed.withUnsafeBytes { try? Zlib.inflate(UnsafeRawBufferPointer(rebasing: $0[4...]), size: 8_400_000) { _ in false } } })
}
