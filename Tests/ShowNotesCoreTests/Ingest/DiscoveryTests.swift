import ShowNotesCore
import Testing

/// Which files a folder contributes (issue 2 §7: a directory is walked recursively, in order).
@Suite("Source discovery")
struct DiscoveryTests {
    @Test("inside a folder, SOURCES.md and README-like files are skipped with a note; named on their own, they are read")
    func folderDocuments() throws {
        let folder = Fixtures.root.appending(path: "seeds").path
        let found = SourceFiles.discover([folder])
        #expect(found.errors.isEmpty)
        #expect(!found.sources.contains { $0.path.hasSuffix("SOURCES.md") })
        #expect(found.sources.count == 3)
        #expect(found.diagnostics.contains { $0.file.hasSuffix("seeds/SOURCES.md") && $0.severity == .note && $0.message.contains("not show notes") })

        let named = SourceFiles.discover([folder + "/SOURCES.md"])
        #expect(named.sources.map(\.kind) == [.notes(.markdown)])
    }
}
