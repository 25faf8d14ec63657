import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ShowNotesCore
import Testing

/// Golden files for every chapter format (issue 2 §7; syntax in `shared/research/formats.md` §5).
///
/// To see a difference, the test prints both texts; a golden file changes only by hand,
/// after checking the new text against the format's published syntax.
@Suite("Chapter export")
struct ChapterExportTests {
    /// Whole and fractional starts, an hour-plus start, a URL, and every character some format escapes.
    static let night: [Chapter] = [
        Chapter(startTime: 0, title: "Cold open"),
        Chapter(startTime: 155, title: "Who works at night?", url: "https://example.org/night?a=1&b=2"),
        Chapter(startTime: 590.25, title: "Fish & chips <late>"),
        Chapter(startTime: 3723.4, title: "Q&A; \"quotes\" = #1 \\ back"),
    ]

    static func golden(_ name: String) throws -> String {
        String(decoding: try Fixtures.bytes("golden/" + name), as: UTF8.self)
    }

    @Test("each format writes its published syntax, byte for byte",
          arguments: [
              (ChapterFormat.json, "night.chapters.json"), (.webvtt, "night.chapters.vtt"),
              (.podlove, "night.chapters.psc.xml"), (.ffmetadata, "night.ffmetadata.txt"),
              (.mp4chaps, "night.chapters.txt"), (.text, "night.description.txt"),
          ])
    func golden(_ format: ChapterFormat, _ file: String) throws {
        let (text, _) = try ChapterExporter.export(Self.night, format: format, duration: 4000)
        // JSON is one line; the CLI adds the newline when it writes a file.
        let written = format == .json ? text + "\n" : text
        #expect(written == (try Self.golden(file)))
    }

    @Test("a parsed episode exports to the same JSON document as its golden file")
    func parsedSeedToJSON() throws {
        let episode = try Fixtures.parse("seeds/001_2eff8da3e8fc761c.txt").episode
        let (text, warnings) = try ChapterExporter.export(episode.chapters, format: .json, duration: nil)
        #expect(text + "\n" == (try Self.golden("seed-001.chapters.json")))
        #expect(warnings.isEmpty)
    }

    @Test("the text format without hours writes M:SS lines, and a good list has no warnings")
    func textWithoutHours() throws {
        let episode = try Fixtures.parse("notes/colon-after-time.txt").episode
        let (text, warnings) = try ChapterExporter.export(episode.chapters, format: .text, duration: nil)
        #expect(text == (try Self.golden("bakery.description.txt")))
        #expect(warnings.isEmpty)
    }

    @Test("formats that need end times refuse when no duration is known", arguments: [ChapterFormat.webvtt, .ffmetadata])
    func refusesWithoutDuration(_ format: ChapterFormat) {
        #expect(format.needsEndTimes)
        let error = #expect(throws: ExportError.self) {
            _ = try ChapterExporter.export(Self.night, format: format, duration: nil)
        }
        #expect(error?.message == "this format needs the episode's duration for the last chapter's end; none is known: pass --duration SECONDS")
    }

    @Test("formats that need end times refuse a duration that ends before the last chapter", arguments: [ChapterFormat.webvtt, .ffmetadata])
    func refusesShortDuration(_ format: ChapterFormat) {
        let error = #expect(throws: ExportError.self) {
            _ = try ChapterExporter.export(Self.night, format: format, duration: 3600)
        }
        #expect(error?.message == "the duration (1:00:00) ends before the last chapter starts (1:02:03.400)")
    }

    @Test("formats without end times need no duration", arguments: [ChapterFormat.json, .podlove, .mp4chaps, .text])
    func noDurationNeeded(_ format: ChapterFormat) throws {
        #expect(!format.needsEndTimes)
        let (text, _) = try ChapterExporter.export(Self.night, format: format, duration: nil)
        #expect(!text.isEmpty)
    }

    @Test("the text format writes chapters as they are and warns about each platform rule it breaks")
    func textWarnings() throws {
        let chapters = [Chapter(startTime: 5, title: "Late start"), Chapter(startTime: 9, title: "Too soon")]
        let (text, warnings) = try ChapterExporter.export(chapters, format: .text, duration: nil)
        #expect(text == "0:05 Late start\n0:09 Too soon\n")
        #expect(warnings == [
            "the first chapter starts at 0:05, not 0:00 (YouTube and Spotify require 0:00)",
            "only 2 chapter(s); YouTube and Spotify need at least 3",
            "'Too soon' starts 4 s after the previous chapter; YouTube needs 10 s",
        ])
    }

    @Test("the JSON document is valid JSON with version first and integer start times when whole")
    func jsonIsValid() throws {
        let (text, _) = try ChapterExporter.export(Self.night, format: .json, duration: nil)
        #expect(text.hasPrefix("{\"version\":\"1.2.0\",\"chapters\":["))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let chapters = try #require(object["chapters"] as? [[String: Any]])
        #expect(chapters.compactMap { $0["title"] as? String } == Self.night.map(\.title))
        #expect(chapters.compactMap { ($0["startTime"] as? NSNumber)?.doubleValue } == Self.night.map(\.startTime))
    }

    @Test("the Podlove document is well-formed XML")
    func podloveIsXML() throws {
        let (text, _) = try ChapterExporter.export(Self.night, format: .podlove, duration: nil)
        let parser = XMLParser(data: Data(text.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test("an empty chapter list still makes a valid document in every format", arguments: ChapterFormat.allCases)
    func emptyList(_ format: ChapterFormat) throws {
        let (text, _) = try ChapterExporter.export([], format: format, duration: nil)
        if format == .json { #expect(text == "{\"version\":\"1.2.0\",\"chapters\":[]}") }
    }
}
