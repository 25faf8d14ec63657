import Foundation
@testable import ShowNotesCore
import Testing

/// Issue 6 §3: hostile XML and HTML, in feeds and in HTML notes, ends in bounded time and
/// memory with a clear error or warning, and reads no file and no URL it was not given.
@Suite("Hostile XML and HTML", .serialized)
struct HostileMarkupTests {
    /// What a reading shows a user (episodes as JSON, diagnostics, or the error), and how long it took.
    static func feed(_ bytes: [UInt8]) -> (text: String, episodes: [Episode], seconds: Double) {
        var text = ""
        var episodes: [Episode] = []
        let elapsed = ContinuousClock().measure {
            do {
                let result = try FeedReader.read(bytes: bytes, display: "hostile.xml")
                episodes = result.episodes
                text = result.episodes.map(\.json.text).joined() + result.diagnostics.map(\.description).joined(separator: "\n")
            } catch {
                text = String(describing: error)
            }
        }
        return (text, episodes, seconds(elapsed))
    }

    static func notes(_ html: String) -> (text: String, seconds: Double) {
        var text = ""
        let elapsed = ContinuousClock().measure {
            do {
                let result = try SourceReader.readNotes(Array(html.utf8), format: .html, display: "hostile.html")
                text = result.episodes.map(\.json.text).joined() + result.diagnostics.map(\.description).joined(separator: "\n")
            } catch {
                text = String(describing: error)
            }
        }
        return (text, seconds(elapsed))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static let entityRefusal = "the DOCTYPE declares entities"

    // MARK: Entity expansion

    /// 10⁹ "lol"s if expanded.
    static let laughs = (1...9).map { level in
        " <!ENTITY lol\(level) \"\(String(repeating: "&lol\(level - 1);", count: 10))\">"
    }.joined(separator: "\n")

    @Test("billion laughs in HTML notes: nothing expanded, at once")
    func billionLaughsInNotes() {
        let html = "<!DOCTYPE html [\n <!ENTITY lol0 \"lol\">\n\(Self.laughs)\n]>\n<html><body><h1>&lol9;</h1><p>Text &lol9;</p></body></html>"
        let (text, seconds) = Self.notes(html)
        #expect(seconds < 2)
        #expect(!text.contains("lollol"))
    }

    /// One 50,000-byte entity used 50,000 times: 2.5 GB if expanded (no nesting for a depth limit to catch).
    static let quadratic: String = {
        let big = String(repeating: "a", count: 50_000)
        let uses = String(repeating: "&big;", count: 50_000)
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY big \"\(big)\">]>\n"
            + "<rss><channel><title>Quadratic</title><item><title>\(uses)</title><guid>q1</guid><description>\(uses)</description></item></channel></rss>\n"
    }()

    @Test("quadratic blow-up in a feed: refused with the entity error, nothing expanded, bounded time")
    func quadraticFeed() {
        let (text, episodes, seconds) = Self.feed(Array(Self.quadratic.utf8))
        #expect(seconds < 5)
        #expect(text.contains(Self.entityRefusal))
        #expect(!text.contains(String(repeating: "a", count: 50_001)))
        #expect(episodes.allSatisfy { ($0.title?.utf8.count ?? 0) < 1_000_000 })
    }

    @Test("quadratic blow-up in HTML notes: nothing expanded, bounded time")
    func quadraticNotes() {
        let big = String(repeating: "a", count: 50_000)
        let html = "<!DOCTYPE html [<!ENTITY big \"\(big)\">]><html><body><p>\(String(repeating: "&big;", count: 50_000))</p></body></html>"
        let (text, seconds) = Self.notes(html)
        #expect(seconds < 5)
        #expect(!text.contains(String(repeating: "a", count: 50_001)))
    }
}
