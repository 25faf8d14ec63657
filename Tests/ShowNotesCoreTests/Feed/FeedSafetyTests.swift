import Foundation
@testable import ShowNotesCore
import Testing

@Suite("Hostile feeds: no entity expansion, no external files, no network")
struct FeedSafetyTests {
    static let secret = "SECRET-"

    /// Every byte a reading could show a user: episodes as JSON, diagnostics, the error.
    static func everything(_ file: String) -> (text: String, seconds: Double) {
        let clock = ContinuousClock()
        var text = ""
        let elapsed = clock.measure {
            do {
                let result = try FeedFixtures.read(file)
                text = result.episodes.map { $0.json.text + String(describing: $0.feed) }.joined() + result.diagnostics.map(\.description).joined()
            } catch {
                text = String(describing: error)
            }
        }
        return (text, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    @Test("billion laughs ends at once with a clear error and nothing expanded", arguments: ["hostile/billion-laughs.xml", "hostile/billion-laughs-bare.xml"])
    func billionLaughs(file: String) {
        let (text, seconds) = Self.everything(file)
        #expect(seconds < 1)
        #expect(text.contains("error: the DOCTYPE declares entities (lol, lol1, lol2, lol3, lol4, …); ShowNotes never expands entities a feed declares"))
        #expect(!text.contains("lollol"))
    }

    @Test("the bare bomb (no items) is an InputError")
    func bareBomb() {
        #expect(throws: InputError.self) { try FeedFixtures.read("hostile/billion-laughs-bare.xml") }
    }

    @Test("an external entity naming a local file is never read", arguments: ["hostile/xxe.xml", "hostile/parameter-entity.xml"])
    func externalEntity(file: String) {
        let (text, seconds) = Self.everything(file)
        #expect(seconds < 1)
        #expect(text.contains("error: the DOCTYPE declares external entities"))
        #expect(!text.contains(Self.secret))
        #expect(!text.contains("root:"))
    }

    @Test("an external DTD is never loaded, so its entities stay undefined")
    func externalDTD() throws {
        let (text, seconds) = Self.everything("hostile/external-dtd.xml")
        #expect(seconds < 1)
        #expect(!text.contains(Self.secret))
        let result = try FeedFixtures.read("hostile/external-dtd.xml")
        #expect(result.episodes.first?.title == "Leak &leak; and\u{A0}space")
        #expect(result.diagnostics.map(\.description).contains("feeds/hostile/external-dtd.xml: warning: the DOCTYPE names an external DTD 'evil.dtd'; it is not loaded"))
    }
}
