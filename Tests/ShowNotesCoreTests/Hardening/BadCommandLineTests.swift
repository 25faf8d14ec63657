import Foundation
import ShowNotesCore
@testable import ShowNotesSearch
import Testing

/// Issue 6 §4: bad command-line input gets one clear message and the right exit status
/// (2 error, 64 usage), from the built binaries.
@Suite("Bad command-line input", .enabled(if: ProgramRun.shownotes != nil))
struct BadCommandLineTests {
    /// A folder holding the fixtures index; removed by the caller.
    static func indexFolder(_ change: (inout [UInt8]) -> Void = { _ in }) throws -> URL {
        var bytes = try HardeningIndex.fixtures()
        change(&bytes)
        return try HardeningIndex.folder(holding: bytes)
    }

    static let missing = "/nonexistent-shownotes-\(UUID().uuidString)"

    @Test("a missing index: search and stats say where and how to build one (exit 2)")
    func missingIndex() throws {
        for arguments in [["search", "culture", "--index", Self.missing], ["stats", "--index", Self.missing]] {
            let run = try ProgramRun.run(arguments)
            #expect(run.status == 2)
            #expect(run.stderr == "\(Self.missing)/shownotes.idx: error: no index here; build one with `shownotes index [SOURCES...] --index DIR`\n")
        }
    }

    @Test("an index path that is a folder, an empty file or not an index: one line each (exit 2)")
    func unreadableIndex() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shownotes-bad-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: IndexFormat.fileName)
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
        let cases: [(prepare: () throws -> Void, message: String)] = [
            ({}, "\(file.path): error: cannot read the index: it is a folder, not an index file"),
            ({ try FileManager.default.removeItem(at: file); try Data().write(to: file) },
             "error: index corrupted: \(file.path): file is too short for a header (0 bytes)"),
            ({ try Data(String(repeating: "not an index\n", count: 100).utf8).write(to: file) },
             "error: index corrupted: \(file.path): bad magic number: not a shownotes index"),
        ]
        for (prepare, message) in cases {
            try prepare()
            for arguments in [["search", "culture"], ["stats"], ["index", "--verify"]] {
                let run = try ProgramRun.run(arguments + ["--index", folder.path])
                #expect(run.status == 2, "\(arguments)")
                #expect(run.stderr == message + "\n", "\(arguments)")
            }
        }
    }

    @Test("an index of an older or newer format: 'rebuild it with `shownotes index`' (exit 2)", arguments: [UInt32(1), 99])
    func otherVersion(_ version: UInt32) throws {
        let folder = try Self.indexFolder { bytes in
            for index in 0..<4 { bytes[8 + index] = UInt8(truncatingIfNeeded: version >> UInt32(8 * index)) }
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: IndexFormat.fileName).path
        for arguments in [["search", "culture"], ["stats"], ["index", "--verify"]] {
            let run = try ProgramRun.run(arguments + ["--index", folder.path])
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr == "\(path): error: index format \(version) was written by another version of shownotes "
                + "(this one reads format \(IndexFormat.version)); rebuild it with `shownotes index`\n", "\(arguments)")
        }
    }

    @Test("an empty query is a usage error (64)", arguments: [[String](), [""], ["   "], ["--json"], ["--", ""]])
    func emptyQuery(_ words: [String]) throws {
        let folder = try Self.indexFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ProgramRun.run(["search", "--index", folder.path] + words)
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("error: empty query"))
        #expect(run.stdout.isEmpty)
    }

    @Test("a 100 KB query is refused past the 10,000-byte limit with one line (exit 2); one at the limit is answered")
    func hugeQuery() throws {
        let folder = try Self.indexFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let huge = String(repeating: "culture ", count: 12_500)
        let refused = try ProgramRun.run(["search", huge, "--index", folder.path])
        #expect(refused.status == 2)
        #expect(refused.stderr == "error: the query is 100000 bytes; the limit is 10000\n")
        let atLimit = String(repeating: "culture ", count: 1_250).dropLast(1) + "s"
        let answered = try ProgramRun.run(["search", String(atLimit), "--index", folder.path], timeout: 60)
        #expect(answered.status == 0 || answered.status == 1, "\(answered.stderr)")
    }

    @Test("invalid UTF-8 in any argument is a usage error naming the argument (64)")
    func invalidUTF8() throws {
        let folder = try Self.indexFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = Array(folder.path.utf8)
        let cases: [([[UInt8]], String)] = [
            ([Array("search".utf8), Array("caf".utf8) + [0xE9], Array("--index".utf8), index], "argument 2 ('caf\\xE9')"),
            ([Array("search".utf8), Array("culture".utf8), Array("--index".utf8), [0xFF, 0xFE]], "argument 4 ('\\xFF\\xFE')"),
            ([Array("stats".utf8), Array("--index".utf8), index + [0xC3]], "argument 3"),
            ([Array("parse".utf8), [0x80] + Array(".txt".utf8)], "argument 2 ('\\x80.txt')"),
        ]
        for (arguments, named) in cases {
            let run = try ProgramRun.run(arguments)
            #expect(run.status == 64, "\(named)")
            #expect(run.stderr.hasPrefix("error: \(named)"), "\(run.stderr)")
            #expect(run.stderr.contains("is not valid UTF-8"))
            #expect(run.errorLines.count == 1)
        }
    }

    @Test("--limit 0, negative, not a number or too big for a number is a usage error (64); a huge valid limit works",
          arguments: ["0", "-1", "-9999999999", "ten", "", "99999999999999999999"])
    func badLimit(_ limit: String) throws {
        let folder = try Self.indexFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ProgramRun.run(["search", "culture", "--limit", limit, "--index", folder.path])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("error: --limit"), "\(run.stderr)")
    }

    @Test("--limit at Int.max is answered without reserving memory for it")
    func hugeLimit() throws {
        let folder = try Self.indexFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ProgramRun.run(["search", "culture", "--limit", "\(Int.max)", "--index", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.signal == nil)
    }

    @Test("parse and chapters of a missing path, a FIFO or a folder of nothing: one line, exit 2, no hang")
    func badSourcePaths() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shownotes-paths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appending(path: "pipe.txt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let feedFifo = folder.appending(path: "pipe.xml").path
        #expect(mkfifo(feedFifo, 0o600) == 0)
        for command in ["parse", "chapters"] {
            let missing = try ProgramRun.run([command, Self.missing + ".txt"], timeout: 20)
            #expect(missing.status == 2, "\(command): \(missing.stderr)")
            #expect(missing.stderr == "\(Self.missing).txt: error: no such file or directory\n", "\(command)")
            for path in [fifo, feedFifo] {
                let run = try ProgramRun.run([command, path], timeout: 20)
                #expect(!run.timedOut, "\(command) \(path) hung")
                #expect(run.status == 2, "\(command) \(path): \(run.stderr)")
                #expect(run.errorLines.count == 1 && run.stderr.hasPrefix(path + ": error: "), "\(command): \(run.stderr)")
            }
        }
    }

    @Test("an unreadable file is one line and exit 2", .enabled(if: geteuid() != 0, "root reads every file"))
    func unreadableSource() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shownotes-locked-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "locked.txt")
        try Data("0:00 Intro\n1:00 End\n".utf8).write(to: file)
        #expect(chmod(file.path, 0) == 0)
        let run = try ProgramRun.run(["parse", file.path])
        #expect(run.status == 2)
        #expect(run.stderr == "\(file.path): error: cannot read this file\n")
    }
}
