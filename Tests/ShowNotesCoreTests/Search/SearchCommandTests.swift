import Foundation
import ShowNotesSearch
import Testing

/// `shownotes search` as a user runs it: options, what goes to stdout and stderr, exit codes.
@Suite("shownotes search: options, output and finding the index")
struct SearchCommandTests {
    /// Runs the built `shownotes` in `directory` with `environment` added (see `CLITests.run`).
    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) throws -> CLITests.Run {
        try CLITests.run(arguments, in: directory.map { URL(fileURLWithPath: $0) }, environment: environment)
    }

    /// A temporary folder holding `Index/` built from the seeds.
    static func seedFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shownotes-cli-\(UUID().uuidString)").path
        _ = try SearchIndex.write(try SearchIndex.seedEpisodes(), in: folder + "/Index")
        return folder
    }

    @Test("--help documents every option and the typo rule")
    func help() throws {
        let result = try Self.run(["search", "--help"])
        #expect(result.status == 0)
        for option in ["--index", "--limit", "--per-episode", "--podcast", "--person", "--kind", "--after", "--before",
                       "--sort", "--fuzzy", "--exact", "--explain", "--json", "--count", "TYPOS:", "did you mean"] {
            #expect(result.stdout.contains(option), "\(option)")
        }
    }

    @Test("wrong option values are usage errors (exit 64) that say what is expected", arguments: [
        (["--sort", "newest"], "--sort takes relevance or date"),
        (["--kind", "episode"], "--kind takes chapter, takeaway, summary or section"),
        (["--after", "2024-13"], "--after takes a date"),
        (["--before=yesterday"], "--before takes a date"),
        (["--per-episode", "-1"], "--per-episode must be 0"),
        (["--per-episode", "three"], "--per-episode takes a whole number"),
        (["--fuzzy", "--exact"], "contradict"),
        (["--podcast"], "--podcast needs a value"),
        (["--podcast", "--"], "--podcast and --person need a name"),
        (["--colour"], "unknown option '--colour'"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let folder = try Self.seedFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Self.run(["search", "team"] + arguments, in: folder)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("a typo: results for the correction on stdout, did you mean on stderr only — also with --json and --count")
    func typoOutput() throws {
        let folder = try Self.seedFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = try Self.run(["search", "team", "culutre", "--limit", "2"], in: folder)
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("42:11  Creating a Strong Team Culture") || text.stdout.hasPrefix("39:23  The Role of Team Culture"))
        #expect(text.stderr == "did you mean \"team culture\"? showing its results (--exact: only what you typed)\n")
        let json = try Self.run(["search", "culutre", "--json"], in: folder)
        #expect(json.status == 0)
        for line in json.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["more"] is NSNumber)
        }
        #expect(!json.stdout.contains("did you mean"))
        #expect(json.stderr.contains("did you mean \"culture\"?"))
        let count = try Self.run(["search", "culutre", "--count"], in: folder)
        #expect(count.status == 1)
        #expect(count.stdout == "0\n")
        #expect(count.stderr == "did you mean \"culture\"?\n")
        let exact = try Self.run(["search", "culutre", "--exact"], in: folder)
        #expect(exact.status == 1)
        #expect(exact.stdout.isEmpty)
        #expect(exact.stderr == "did you mean \"culture\"?\n")
    }

    @Test("--json has the documented keys, sorted; `more` counts what --per-episode folded")
    func jsonKeys() throws {
        let folder = try Self.seedFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Self.run(["search", "culture", "--json", "--limit", "3"], in: folder)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let keys = ["appearsIn", "episode", "guid", "kind", "link", "more", "podcast", "published", "score", "snippet",
                    "source", "startTime", "timestamp", "title"]
        for line in lines { #expect(CLITests.topLevelKeys(String(line)) == keys) }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect((object["more"] as? Int) ?? 0 > 0)
        let explained = try Self.run(["search", "culture", "--json", "--limit", "1", "--explain"], in: folder)
        #expect(CLITests.topLevelKeys(explained.stdout) == ["appearsIn", "episode", "explain", "guid", "kind", "link", "more",
                                                              "podcast", "published", "score", "snippet", "source", "startTime",
                                                              "timestamp", "title"])
    }

    @Test("text output folds an episode's other matches into one line; --explain adds the score's terms")
    func textOutput() throws {
        let folder = try Self.seedFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let folded = try Self.run(["search", "culture", "--limit", "3"], in: folder)
        #expect(folded.stdout.hasSuffix("more in this episode\n"))
        let all = try Self.run(["search", "culture", "--limit", "3", "--per-episode", "0"], in: folder)
        #expect(all.stdout.contains("more in this episode"))   // the limit cut the episode short
        let explained = try Self.run(["search", "team", "culture", "--limit", "1", "--explain"], in: folder)
        #expect(explained.stdout.contains("score "))
        #expect(explained.stdout.contains("own: 1 × 1 / norm"))
        #expect(explained.stdout.contains("idf "))
        let person = try Self.run(["search", "--person", "Joe Klecker", "--kind", "section", "--limit", "1"], in: folder)
        #expect(person.stdout.contains("appears in 2 episodes"))
    }

    @Test("the index is --index, else $SHOWNOTES_INDEX, else ./Index, else the nearest Index/ above")
    func indexLocation() throws {
        let folder = try Self.seedFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let deeper = folder + "/a/b"
        try FileManager.default.createDirectory(atPath: deeper, withIntermediateDirectories: true)
        // An index whose only word is "zebra", to tell the indexes apart.
        let other = FileManager.default.temporaryDirectory.appending(path: "shownotes-other-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: other) }
        let zebra = (Episode(title: "Zebra", podcast: "Z", chapters: [Chapter(startTime: 0, title: "zebra")], source: "z"), "z")
        _ = try SearchIndex.write([zebra], in: other)

        #expect(try Self.run(["search", "Klecker", "--count"], in: folder).stdout == "29\n")          // ./Index
        #expect(try Self.run(["search", "Klecker", "--count"], in: deeper).stdout == "29\n")          // ../../Index
        let variable = try Self.run(["search", "zebra", "--count"], in: folder, environment: ["SHOWNOTES_INDEX": other])
        #expect(variable.stdout == "1\n")                                                             // $SHOWNOTES_INDEX over ./Index
        let option = try Self.run(["search", "Klecker", "--count", "--index", folder + "/Index"], in: deeper,
                                  environment: ["SHOWNOTES_INDEX": other])
        #expect(option.stdout == "29\n")                                                              // --index over the variable
        let none = try Self.run(["search", "zebra"], in: FileManager.default.temporaryDirectory.path)
        #expect(none.status == 2)
        #expect(none.stderr.contains("no index here; build one with `shownotes index"))
        let missing = try Self.run(["search", "zebra"], in: folder, environment: ["SHOWNOTES_INDEX": folder + "/missing"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix(folder + "/missing/shownotes.idx: error: no index here"))
    }
}
