import Foundation
@testable import ShowNotesCore
import Testing

/// Hostile markup that points outside the input: external entities and DTDs by `file:///`
/// and `http://`. A local listening socket proves no connection is even attempted.
extension HostileMarkupTests {
    /// A TCP socket listening on 127.0.0.1 (any free port); `connections` says whether anyone knocked.
    final class Listener {
        let descriptor: Int32
        let port: UInt16

        init?() {
            let listening = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard listening >= 0 else { return nil }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listening, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let named = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listening, $0, &length) }
            }
            guard bound == 0, named == 0, listen(listening, 8) == 0 else {
                close(listening)
                return nil
            }
            _ = fcntl(listening, F_SETFL, fcntl(listening, F_GETFL) | O_NONBLOCK)
            descriptor = listening
            port = UInt16(bigEndian: address.sin_port)
        }

        deinit { close(descriptor) }

        /// Whether a connection is waiting (accepted and closed at once).
        var wasContacted: Bool {
            let connection = accept(descriptor, nil, nil)
            if connection >= 0 { close(connection) }
            return connection >= 0
        }
    }

    /// A file outside the input whose content must never show up.
    static func secretFile() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "shownotes-secret-\(UUID().uuidString).txt")
        try Data("TOP-SECRET-CONTENT".utf8).write(to: url)
        return url
    }

    @Test("external entities and DTDs by file:/// and http:// in a feed: refused or ignored, no file read, no connection")
    func outsideReferencesInFeed() throws {
        let listener = try #require(Listener())
        let secret = try Self.secretFile()
        defer { try? FileManager.default.removeItem(at: secret) }
        let http = "http://127.0.0.1:\(listener.port)"
        let feeds = [
            "<!DOCTYPE rss [<!ENTITY leak SYSTEM \"file://\(secret.path)\">]>",
            "<!DOCTYPE rss [<!ENTITY leak SYSTEM \"\(http)/entity\">]>",
            "<!DOCTYPE rss [<!ENTITY % remote SYSTEM \"\(http)/remote.dtd\"> %remote;]>",
            "<!DOCTYPE rss SYSTEM \"\(http)/external.dtd\">",
            "<!DOCTYPE rss SYSTEM \"file://\(secret.path)\">",
            "<!DOCTYPE rss PUBLIC \"-//Evil//DTD\" \"\(http)/public.dtd\">",
        ].map { doctype in
            "<?xml version=\"1.0\"?>\n\(doctype)\n<rss><channel><title>Outside</title><item><title>Leak &leak; here</title><guid>o1</guid>"
                + "<description>&leak;</description><enclosure url=\"\(http)/audio.mp3\" type=\"audio/mpeg\"/></item></channel></rss>\n"
        }
        for feed in feeds {
            let (text, _, seconds) = Self.feed(Array(feed.utf8))
            #expect(seconds < 2, "\(feed)")
            #expect(!text.contains("TOP-SECRET"), "\(feed)")
            #expect(text.contains("external") || text.contains(Self.entityRefusal) || text.contains("not loaded"), "\(feed): \(text)")
        }
        #expect(!listener.wasContacted)
    }

    @Test("external entities and DTDs by file:/// and http:// in HTML notes: no file read, no connection")
    func outsideReferencesInNotes() throws {
        let listener = try #require(Listener())
        let secret = try Self.secretFile()
        defer { try? FileManager.default.removeItem(at: secret) }
        let http = "http://127.0.0.1:\(listener.port)"
        let pages = [
            "<!DOCTYPE html [<!ENTITY leak SYSTEM \"file://\(secret.path)\">]>",
            "<!DOCTYPE html [<!ENTITY leak SYSTEM \"\(http)/entity\">]>",
            "<!DOCTYPE html [<!ENTITY % remote SYSTEM \"\(http)/remote.dtd\"> %remote;]>",
            "<!DOCTYPE html SYSTEM \"\(http)/external.dtd\">",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"\(http)/xhtml1-strict.dtd\">",
            "<!DOCTYPE html SYSTEM \"file://\(secret.path)\">",
        ].map { doctype in
            "\(doctype)\n<html><head><title>Outside &leak;</title><link rel=\"stylesheet\" href=\"\(http)/style.css\"></head>"
                + "<body><h1>Leak &leak;</h1><img src=\"\(http)/pixel.png\"><iframe src=\"file://\(secret.path)\"></iframe>"
                + "<ul><li>0:00 Intro</li><li>1:00 More &leak;</li></ul></body></html>"
        }
        for page in pages {
            let (text, seconds) = Self.notes(page)
            #expect(seconds < 2, "\(page)")
            #expect(!text.contains("TOP-SECRET"), "\(page)")
        }
        #expect(!listener.wasContacted)
    }
}
