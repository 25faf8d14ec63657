import Foundation
import Testing

/// Runs the built `shownotes` binary as a user would (issue 2 §7).
@Suite("Command line")
struct CLITests {
    /// The `shownotes` executable built beside the test bundle (`.build/debug/shownotes`).
    static let binary: URL? = {
        let candidates = [
            Bundle.module.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ].map { $0.appending(path: "shownotes") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the built `shownotes` in `directory`, with `environment` added to this process's
    /// (less `SHOWNOTES_INDEX`, plus `NO_COLOR`), and collects what it prints.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        let binary = try #require(Self.binary, "shownotes binary not found next to the test bundle; build it with swift build")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var variables = ProcessInfo.processInfo.environment
        variables.removeValue(forKey: "SHOWNOTES_INDEX")
        variables["NO_COLOR"] = "1"
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are drained at once (stderr on another thread): a child that fills one
        // pipe while the other is being read to its end would otherwise wait for ever.
        let stderrData = Drained()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { stderrData.data = err.fileHandleForReading.readDataToEndOfFile() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderrData.data, as: UTF8.self))
    }

    /// What the stderr reader hands back (written before `group.wait()` returns).
    private final class Drained: @unchecked Sendable {
        var data = Data()
    }

    /// A fresh folder under the system's temporary directory, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "shownotes-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let jsonKeys = ["audio", "chapters", "duration", "guid", "kind", "link", "links", "people", "podcast",
                           "published", "sections", "source", "summary", "takeaways", "title"]

    @Test("parse --json prints one object per episode with exactly the documented keys, sorted")
    func parseJSONKeys() throws {
        let seeds = Fixtures.files(in: "seeds").filter { $0.hasSuffix(".txt") }.map { Fixtures.root.appending(path: $0).path }
        let result = try Self.run(["parse", "--json"] + seeds)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object.keys.sorted() == Self.jsonKeys)
            // Sorted in the text itself, not only as a set.
            #expect(Self.topLevelKeys(String(line)) == Self.jsonKeys)
            for key in ["chapters", "links", "people", "sections", "takeaways"] { #expect(object[key] is [Any], "\(key) is a list") }
        }
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["kind"] as? String == "page")
        #expect((first["source"] as? String)?.hasSuffix("seeds/000_ca59e2d5305baa36.txt") == true)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["title"] is NSNull)
        #expect((second["chapters"] as? [Any])?.count == 15)
        #expect(second["summary"] is String)
    }

    /// The keys of a JSON object's top level, in the order written.
    static func topLevelKeys(_ json: String) -> [String] {
        var keys: [String] = []
        var depth = 0, inString = false, escaped = false, current = "", expectingKey = false
        for character in json {
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" {
                    inString = false
                    if depth == 1 && expectingKey { keys.append(current) }
                    expectingKey = false
                } else { current.append(character) }
                continue
            }
            switch character {
            case "\"": inString = true; current = ""
            case "{", "[": depth += 1; expectingKey = depth == 1 && character == "{"
            case "}", "]": depth -= 1
            case ",": expectingKey = depth == 1
            default: break
            }
        }
        return keys
    }

    @Test("chapters --out gives colliding slugs -2 and -3 in source order")
    func slugCollisions() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appending(path: "notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        for (name, first) in [("a.txt", "First"), ("b.txt", "Second"), ("c.txt", "Third")] {
            let text = "Same Title Every Time\n\n00:00 \(first) opening\n05:00 Middle\n10:00 End\n"
            try Data(text.utf8).write(to: notes.appending(path: name))
        }
        let out = folder.appending(path: "out")
        let result = try Self.run(["chapters", notes.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["same-title-every-time-2.chapters.json", "same-title-every-time-3.chapters.json",
                          "same-title-every-time.chapters.json"])
        for (file, first) in [("same-title-every-time", "First"), ("same-title-every-time-2", "Second"), ("same-title-every-time-3", "Third")] {
            let text = String(decoding: try Data(contentsOf: out.appending(path: file + ".chapters.json")), as: UTF8.self)
            #expect(text.hasPrefix("{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"\(first) opening\"}"), "\(file)")
            #expect(text.hasSuffix("]}\n"))
        }
    }

    @Test("chapters in a format that needs end times refuses without a duration, with one clear line")
    func refusesWithoutDuration() throws {
        let path = Fixtures.root.appending(path: "notes/colon-after-time.txt").path
        let refused = try Self.run(["chapters", path, "--format", "webvtt"])
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("error: this format needs the episode's duration"))
        let written = try Self.run(["chapters", path, "--format", "webvtt", "--duration", "3600"])
        #expect(written.status == 0)
        #expect(written.stdout.hasPrefix("WEBVTT\n\n00:00:00.000 --> 00:02:35.000\nCold open\n"))
    }

    @Test("chapters --format text warns on stderr about platform rules and keeps stdout clean")
    func textWarnings() throws {
        let path = Fixtures.root.appending(path: "notes/starts-later.txt").path
        let result = try Self.run(["chapters", path, "--format", "text"])
        #expect(result.status == 0)
        #expect(result.stdout == "2:10 Setting up the telescope\n8:45 Finding Saturn\n19:30 Light pollution and what to do about it\n")
        #expect(result.stderr.contains("warning: the first chapter starts at 2:10, not 0:00"))
    }

    @Test("binary junk is refused with one error line and exit status 2")
    func binaryRefused() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "junk.txt")
        try Data(try Fixtures.bytes("hygiene/binary.dat")).write(to: file)
        let result = try Self.run(["parse", "--json", file.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "\(file.path): error: binary data, not text (NUL or control bytes)\n")
    }
}
