import Foundation
@testable import ShowNotesCore
import Testing

@Suite("Damaged feeds are read as far as a person could read them")
struct FeedDamageTests {
    @Test("BOMs, UTF-16/32 with and without BOM, and wrong declarations all give the same text", arguments: [
        ("damaged/utf8-bom.xml", [String]()),
        ("damaged/utf16le-bom.xml", []),
        ("damaged/utf16be.xml", []),
        ("damaged/utf32le-bom.xml", []),
        ("damaged/latin1-declared-utf8.xml", ["feeds/damaged/latin1-declared-utf8.xml:1: warning: declares encoding 'ISO-8859-1', but the text is UTF-8; read as UTF-8"]),
    ])
    func encodings(file: String, warnings: [String]) throws {
        let feed = try FeedFixtures.readFeed(file)
        #expect(feed.title == "Läufer – 5 km")
        #expect(feed.episodes.map(\.title) == ["Über den Berg"])
        #expect(feed.diagnostics.map(\.description) == warnings)
    }

    @Test("a real Latin-1 feed is read as declared, without a warning")
    func latin1() throws {
        let feed = try FeedFixtures.readFeed("damaged/latin1.xml")
        #expect(feed.title == "Läufer - 5 km")
        #expect(feed.episodes.first?.title == "Über den Berg")
        #expect(feed.diagnostics.isEmpty)
    }

    @Test("feedparser's encoding tests: BOMs, UTF-16/32, EUC-KR read without complaint", arguments: [
        "feedparser/encoding_utf-16be.xml", "feedparser/encoding_utf-16le-bom.xml", "feedparser/encoding_utf-32be-bom.xml",
        "feedparser/encoding_utf-8-bom.xml", "feedparser/encoding_euc-kr.xml",
    ])
    func feedparserEncodings(file: String) throws {
        let feed = try FeedFixtures.readFeed(file)
        #expect(feed.diagnostics.isEmpty)
        if file.hasSuffix("euc-kr.xml") { #expect(feed.title == "\u{B144}") }
    }

    @Test("&#146; means Windows-1252's ’ (feedparser's demoronize test)")
    func demoronize() throws {
        let episode = try #require(try FeedFixtures.read("feedparser/encoding_demoronize-1.xml").episodes.first)
        #expect(episode.summary == "don\u{2019}t")
    }

    @Test("Windows-1252 bytes in a UTF-8 feed are read as Windows-1252, with one warning")
    func windows1252() throws {
        let feed = try FeedFixtures.readFeed("damaged/no-declaration-cp1252.xml")
        #expect(feed.title == "Café “Runners”")
        #expect(feed.episodes.first?.title == "It’s 10\u{A0}km — fast")
        #expect(feed.diagnostics.map(\.description) == ["feeds/damaged/no-declaration-cp1252.xml:1: warning: 5 byte(s) that are not UTF-8, first here; read as Windows-1252"])
    }

    @Test("an unknown declared encoding is read as UTF-8 with a warning")
    func bogusEncoding() throws {
        let feed = try FeedFixtures.readFeed("feedparser/encoding_bozo_bogus_encoding.xml")
        #expect(feed.diagnostics.map(\.description) == ["feeds/feedparser/encoding_bozo_bogus_encoding.xml:1: warning: the declared encoding 'bogus' does not fit these bytes or is unknown; read as UTF-8"])
    }

    @Test("HTML entities, undefined entities, bare & and stray < keep their text, one warning each; &amp; survives later errors")
    func entities() throws {
        let result = try FeedFixtures.read("damaged/entities.xml")
        #expect(result.episodes.map(\.title) == ["Intervals\u{A0}& tempo", "Q&A with coaches", "After errors <still> & decoded"])
        #expect(result.episodes[0].summary == "400\u{A0}m repeats élan &bogus; done")
        #expect(result.episodes[1].link == "https://x.example/?a=1&b=2")
        #expect(result.episodes[1].audio == "https://x.example/e2.mp3?a=1&b=2")
        #expect(result.episodes[1].summary == "Pace < 4:00/km and 5 > 4 & fine")
        #expect(result.episodes[0].podcast == "Track & Field")
        #expect(result.diagnostics.map(\.description) == [
            "feeds/damaged/entities.xml:3: warning: HTML entity '&nbsp;' is not defined in XML (2 times); read as HTML",
            "feeds/damaged/entities.xml:4: warning: HTML entity '&eacute;' is not defined in XML; read as HTML",
            "feeds/damaged/entities.xml:4: warning: undefined entity '&bogus;'; kept as text",
            "feeds/damaged/entities.xml:5: warning: '&' not written as '&amp;' (3 times); kept as text",
            "feeds/damaged/entities.xml:7: warning: '<' that starts no tag; kept as text",
        ])
    }

    @Test("a truncated feed keeps every item, the cut one included, and says so")
    func truncated() throws {
        let result = try FeedFixtures.read("damaged/truncated.xml")
        #expect(result.episodes.map(\.guid) == ["t1", "t2", "t3"])
        #expect(result.diagnostics.map(\.description).contains("feeds/damaged/truncated.xml:5: warning: the feed breaks off inside this item; kept what was read"))
    }

    @Test("when libxml2 cannot go on, the items lost are counted")
    func lostItems() throws {
        let mismatched = try FeedFixtures.read("damaged/mismatched.xml")
        #expect(mismatched.episodes.map(\.title) == ["One", "Two"])
        #expect(mismatched.diagnostics.map(\.description).contains("feeds/damaged/mismatched.xml: warning: 1 of 3 items could not be read (reading stopped at line 4)"))
        let twoRoots = try FeedFixtures.read("damaged/stops-early.xml")
        #expect(twoRoots.episodes.map(\.title) == ["One"])
        #expect(twoRoots.diagnostics.map(\.description) == [
            "feeds/damaged/stops-early.xml: warning: 2 of 3 items could not be read (reading stopped at line 5)",
            "feeds/damaged/stops-early.xml:5: warning: XML: Extra content at the end of the document; recovered",
        ])
    }

    @Test("text before the XML declaration, and control characters, are repaired with a warning")
    func declarationAndControls() throws {
        let late = try FeedFixtures.read("damaged/leading-newline.xml")
        #expect(late.episodes.map(\.title) == ["Fine"])
        #expect(late.diagnostics.map(\.description) == ["feeds/damaged/leading-newline.xml:3: warning: text before the XML declaration; declaration ignored"])
        let controls = try FeedFixtures.read("damaged/controls.xml")
        #expect(controls.episodes.first?.title == "Bell  and  tab")
        #expect(controls.diagnostics.map(\.description) == ["feeds/damaged/controls.xml:3: warning: control character(s) that XML does not allow, first here (2 times); read as spaces"])
    }

    @Test("an empty document is an error naming the file")
    func empty() {
        #expect(throws: InputError(file: "feeds/feedparser/illformed_rss_empty_document.xml", message: "not a feed: no XML element in the file (empty or not XML)")) {
            try FeedFixtures.read("feedparser/illformed_rss_empty_document.xml")
        }
    }

    @Test("feedparser's ill-formed feeds: truncated CDATA and corrupted ampersands do not stop the reader")
    func feedparserIllFormed() throws {
        let cdata = try FeedFixtures.read("feedparser/illformed_rss_incomplete_cdata.xml")
        #expect(cdata.diagnostics.map(\.description).contains("feeds/feedparser/illformed_rss_incomplete_cdata.xml: warning: 1 of 1 items could not be read (reading stopped at line 13)"))
        let ampersands = try FeedFixtures.read("feedparser/illformed_rss_item_link_corrupted_ampersands.xml")
        #expect(ampersands.episodes.count == 1)
    }

    @Test("the repair pass gives the same bytes whatever the chunk boundaries")
    func chunkBoundaries() throws {
        let bytes = try Fixtures.bytes("feeds/damaged/entities.xml") + Array("x &#233; é \u{1F3C3} <![CDATA[ & ]]> <!-- & -->".utf8) + [0x92]
        func repaired(chunk: Int) -> [UInt8] {
            var repair = ByteRepair(validatesUTF8: true)
            var output: [UInt8] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + chunk)
                bytes[start..<end].withUnsafeBufferPointer { repair.repair($0, isLast: false, into: &output) }
                start = end
            }
            [UInt8]().withUnsafeBufferPointer { repair.repair($0, isLast: true, into: &output) }
            return output
        }
        let whole = repaired(chunk: bytes.count)
        for size in [1, 2, 3, 5, 7, 64] { #expect(repaired(chunk: size) == whole, "chunk size \(size)") }
    }
}
