import Foundation
import ShowNotesCore
import Testing

/// `shownotes index` as a user (or CI) runs it: exit codes, what goes to stdout and stderr.
@Suite("shownotes index")
struct IndexCommandTests {
    static func index(_ folder: BuildFolder, _ extra: [String] = []) throws -> CLITests.Run {
        try CLITests.run(["index", folder.sources, "--index", folder.index, "--cache", folder.cache] + extra)
    }

    @Test("not on a terminal, a build prints one summary line (none with --quiet)")
    func output() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        let first = try Self.index(folder)
        #expect(first.status == 0)
        #expect(first.stdout.isEmpty)
        #expect(first.stderr.hasPrefix("indexed 6 files, 8 episodes, "))
        #expect(first.stderr.split(separator: "\n").count == 1)
        #expect(!first.stderr.contains("\r"))
        let quiet = try Self.index(folder, ["--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty)
    }

    @Test("--check exits 0 when up to date, 1 listing what is stale, 2 without an index")
    func check() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        let missing = try Self.index(folder, ["--check"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no index here"))
        #expect(try Self.index(folder).status == 0)
        let fresh = try Self.index(folder, ["--check"])
        #expect(fresh.status == 0)
        #expect(fresh.stdout.isEmpty)
        try folder.write("Episode 7\n\n0:00 Hello\n1:00 Goodbye\n", to: "the-long-run/07-new.txt")
        let stale = try Self.index(folder, ["--check"])
        #expect(stale.status == 1)
        #expect(stale.stdout == "added: the-long-run/07-new.txt\n")
    }

    @Test("a second build of the same index exits 2 with a clear message")
    func concurrent() throws {
        let folder = try BuildFolder()
        defer { folder.remove() }
        let lock = try IndexStore.lock(folder.index)
        defer { withExtendedLifetime(lock) {} }
        let second = try Self.index(folder)
        #expect(second.status == 2)
        #expect(second.stderr.contains("another `shownotes index` is building this index; try again when it has finished"))
    }

    @Test("search results name sources by their path inside the indexed folder")
    func relativeSources() throws {
        let folder = try BuildFolder(nested: ["far", "away"])
        defer { folder.remove() }
        #expect(try Self.index(folder).status == 0)
        let hits = try CLITests.run(["search", "altitude", "--json", "--limit", "1", "--index", folder.index])
        #expect(hits.status == 0)
        #expect(hits.stdout.contains("\"source\":\"the-long-run/02-altitude-without-the-mountain.txt\""))
    }
}
