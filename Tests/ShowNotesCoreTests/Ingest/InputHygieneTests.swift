import ShowNotesCore
import Testing

/// Whatever bytes a notes file holds, reading it never crashes; problems are one line (issue 2 §6).
@Suite("Input hygiene")
struct InputHygieneTests {
    static let bells = ["0:00 The first bell", "3:30 Ringing changes", "11:05 Climbing the tower"]

    @Test("a UTF-8 byte-order mark is dropped, not read as part of the title",
          arguments: ["hygiene/bom.txt", "hygiene/crlf.txt"])
    func bomAndCRLF(_ path: String) throws {
        let (episode, diagnostics) = try Fixtures.parse(path)
        #expect(episode.title == "Morning Bells")
        #expect(rendered(episode.chapters) == Self.bells)
        #expect(!episode.chapters.contains { $0.title.contains("\r") })
        #expect(diagnostics.isEmpty)
    }

    @Test("bytes that are not UTF-8 are read as Windows-1252, with a warning naming file and line")
    func windows1252() throws {
        let (episode, diagnostics) = try Fixtures.parse("hygiene/windows-1252.txt")
        #expect(episode.title == "Café Nights in Lyon")
        #expect(rendered(episode.chapters) == [
            "0:00 Bonsoir from the café", "5:20 “Un café crème” at midnight", "14:45 Crêpes – sweet or savoury",
        ])
        #expect(diagnostics.map(\.description) == ["hygiene/windows-1252.txt:1: warning: not valid UTF-8; read as Windows-1252"])
    }

    @Test("a line of more than 10,000 characters is read whole and the chapters after it still count")
    func longLine() throws {
        let episode = try Fixtures.parse("hygiene/long-line.txt").episode
        #expect(episode.title == "The Longest Line")
        #expect(rendered(episode.chapters) == ["0:00 Start", "4:00 Middle", "9:30 End"])
        #expect(episode.summary.count > 10_000)
        #expect(episode.summary.hasSuffix("night ends here."))
    }

    @Test("an empty file is an empty episode in every format, not an error", arguments: [NotesParser.Format.text, .markdown, .html])
    func empty(_ format: NotesParser.Format) throws {
        let result = try SourceReader.readNotes(try Fixtures.bytes("hygiene/empty.txt"), format: format, display: "hygiene/empty.txt")
        let episode = try #require(result.episodes.first)
        #expect(episode.title == nil)
        #expect(episode.chapters.isEmpty && episode.takeaways.isEmpty && episode.summary.isEmpty)
        #expect(episode.json.text.contains("\"summary\":\"\""))
    }

    @Test("binary junk is refused with one clean error line naming the file")
    func binary() throws {
        #expect(throws: InputError(file: "hygiene/binary.dat", message: "binary data, not text (NUL or control bytes)")) {
            _ = try SourceReader.readNotes(try Fixtures.bytes("hygiene/binary.dat"), format: .text, display: "hygiene/binary.dat")
        }
        let error = InputError(file: "hygiene/binary.dat", message: "binary data, not text (NUL or control bytes)")
        #expect(error.description == "hygiene/binary.dat: error: binary data, not text (NUL or control bytes)")
    }

    @Test("UTF-16 with a byte-order mark is decoded")
    func utf16() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Bells\n\n00:00 One\n01:00 Two\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let result = try SourceReader.readNotes(bytes, format: .text, display: "utf16.txt")
        #expect(rendered(try #require(result.episodes.first).chapters) == ["0:00 One", "1:00 Two"])
    }

    @Test("a lone carriage return ends a line too")
    func carriageReturns() {
        let episode = NotesParser.parse("Old Mac Notes\r\r00:00 One\r01:00 Two\r", format: .text, source: "cr.txt").episode
        #expect(episode.title == "Old Mac Notes")
        #expect(rendered(episode.chapters) == ["0:00 One", "1:00 Two"])
    }
}
