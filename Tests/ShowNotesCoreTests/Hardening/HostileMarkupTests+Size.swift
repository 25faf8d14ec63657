import Foundation
@testable import ShowNotesCore
import Testing

/// Hostile markup by sheer size: 100,000 nested elements and a 200 MB file on one line,
/// generated at test time (nothing that big is committed).
extension HostileMarkupTests {
    static let depth = 100_000

    @Test("100,000 nested elements in a feed: bounded time, every item read, a warning for the notes cut short")
    func deepFeed() {
        let nested = String(repeating: "<x>", count: Self.depth) + "deep" + String(repeating: "</x>", count: Self.depth)
        let feed = "<?xml version=\"1.0\"?>\n<rss><channel><title>Deep</title><item><title>First</title><guid>d1</guid></item>"
            + "<item><title>Second</title><guid>d2</guid><description>\(nested)</description></item></channel></rss>\n"
        let (text, episodes, seconds) = Self.feed(Array(feed.utf8))
        #expect(seconds < 60 || ProgramRun.isSanitized)
        #expect(episodes.map(\.title) == ["First", "Second"])
        #expect(text.contains("hostile.xml:2: warning: elements are nested more than 256 deep; the rest of the notes is not read"),
                "\(text.prefix(500))")
    }

    @Test("100,000 nested elements in HTML notes: bounded time, what comes before them read, a warning for the rest")
    func deepNotes() {
        let html = "<html><body><h1>Deep</h1>" + String(repeating: "<div><span>", count: Self.depth / 2) + "0:00 Intro<br>1:00 End"
            + String(repeating: "</span></div>", count: Self.depth / 2) + "</body></html>"
        let (text, seconds) = Self.notes(html)
        #expect(seconds < 10 || ProgramRun.isSanitized)
        #expect(text.contains("Deep"))
        #expect(text.contains("hostile.html:1: warning: elements are nested more than 256 deep; the rest of the notes is not read"))
    }

    /// Writes `head`, then `megabytes` MiB of `filler`, then `tail`, with no newline: one line.
    static func bigFile(_ name: String, head: String, filler: String, megabytes: Int, tail: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "shownotes-big-\(UUID().uuidString)-\(name)")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(head.utf8))
        let repeated = String(repeating: filler, count: (1 << 20) / filler.utf8.count)
        let chunk = Data((repeated + String(repeating: " ", count: (1 << 20) - repeated.utf8.count)).utf8)
        for _ in 0..<megabytes { try handle.write(contentsOf: chunk) }
        try handle.write(contentsOf: Data(tail.utf8))
        return url
    }

    @Test("a 200 MB one-line feed is read by the binary in bounded time and memory, with a clear warning",
          .enabled(if: ProgramRun.shownotes != nil), .timeLimit(.minutes(5)))
    func hugeFeed() throws {
        let url = try Self.bigFile("feed.xml", head: "<?xml version=\"1.0\"?><rss><channel><title>Big</title><item><title>Huge</title><guid>h1</guid><description>",
                                   filler: "words and more words ", megabytes: 200, tail: "</description></item></channel></rss>")
        defer { try? FileManager.default.removeItem(at: url) }
        let run = try ProgramRun.run(["parse", url.path], timeout: 240)
        #expect(!run.timedOut && run.signal == nil, "\(run.stderr.prefix(500))")
        #expect(run.status == 0 || run.status == 2, "\(run.stderr.prefix(500))")
        #expect(run.peakMegabytes < 300 || ProgramRun.isSanitized, "peak memory \(run.peakMegabytes) MB")
        #expect(run.stdout.contains("Huge") || run.stderr.contains("Huge"), "\(run.stdout.prefix(500)) \(run.stderr.prefix(500))")
        #expect(run.stderr.contains("\(url.path):1: warning: text over 4 MiB in one element, first here; only its first 4 MiB are read"),
                "\(run.stderr.prefix(500))")
        print("200 MB feed: exit \(run.status.map(String.init) ?? "-"), \(run.seconds) s, peak \(run.peakMegabytes) MB; \(run.stderr.prefix(300))")
    }

    @Test("a 200 MB one-line HTML notes file is refused by the binary at once, with one line naming it",
          .enabled(if: ProgramRun.shownotes != nil), .timeLimit(.minutes(5)))
    func hugeNotes() throws {
        let url = try Self.bigFile("notes.html", head: "<html><body><p>", filler: "<b>words</b> and more ", megabytes: 200, tail: "</p></body></html>")
        defer { try? FileManager.default.removeItem(at: url) }
        let run = try ProgramRun.run(["parse", url.path], timeout: 240)
        #expect(run.status == 2, "\(run.stderr.prefix(500))")
        #expect(run.stderr == "\(url.path): error: file is 200 MiB, over the 32 MiB limit for show notes; skipped\n")
        #expect(run.peakMegabytes < 256 || ProgramRun.isSanitized, "peak memory \(run.peakMegabytes) MB")
        #expect(run.seconds < 10 || ProgramRun.isSanitized)
    }
}
