@testable import ShowNotesCore
import Testing

/// The byte-level shortcuts of the feed path give what the Character-level rules give
/// (the HTML notes of every feed item go through them).
@Suite("Feed path byte shortcuts agree with Characters")
struct HTMLTextTests {
    /// Pieces to build text from: ASCII, white space, `PlainPunctuation`, and Characters
    /// the bytes cannot tell (no-break and em spaces, a combining accent, an Arabic
    /// prepended mark, CR LF, an emoji with a joiner).
    static let pieces = ["a", "Bc", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "…", "“", "”", "–", "—", "•", "·",
                         "\u{A0}", "\u{2003}", "\u{301}", "\u{600}", "\u{85}", "é", "#", "-", "|", "\u{200D}", "👍"]

    /// Reproducible pseudo-random texts of up to 12 pieces.
    static func texts(count: Int, plainOnly: Bool) -> [String] {
        var generator = SplitMix64(seed: plainOnly ? 7 : 11)
        let alphabet = plainOnly ? Array(pieces.prefix(18)) : pieces
        return (0..<count).map { _ in
            let length = Int(generator.next() % 13)
            return (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
        }
    }

    @Test("an ASCII byte is white space exactly when its Character is")
    func asciiWhitespace() {
        for byte in UInt8(0)..<0x80 {
            #expect(byte.isASCIIWhitespace == Character(Unicode.Scalar(byte)).isWhitespace, "byte \(byte)")
        }
    }

    @Test("collapsing on bytes gives the Character-level result", arguments: [true, false])
    func collapse(_ plainOnly: Bool) {
        for text in Self.texts(count: 3000, plainOnly: plainOnly) {
            for keepEdges in [true, false] {
                #expect(HTMLText.collapsed(text, keepEdges: keepEdges) == HTMLText.collapsedCharacters(text, keepEdges: keepEdges),
                        "\(Array(text.unicodeScalars))")
            }
        }
    }

    @Test("appending a text node on bytes gives what appending its collapsed String gives")
    func append() {
        let texts = Self.texts(count: 800, plainOnly: true)
        let befores = ["", "x", "x ", "… ", "\u{600} ", "é ", "a\u{301} ", " "]
        for text in texts {
            var copy = text
            for before in befores {
                var bytes = Array(before.utf8)
                let drop = bytes.isEmpty || HTMLText.endsWithSpace(bytes)
                let hasText = copy.withUTF8 { HTMLText.appendCollapsed($0, to: &bytes, dropLeadingSpace: drop) }
                #expect(hasText == text.contains { !$0.isWhitespace })
                var expected = before
                let piece = HTMLText.collapsedCharacters(text, keepEdges: true)
                expected += before.isEmpty || before.hasSuffix(" ") ? String(piece.drop(while: { $0 == " " })) : piece
                #expect(String(decoding: bytes, as: UTF8.self) == expected)
            }
        }
    }

    @Test("ending with a space is read from bytes as String.hasSuffix reads it")
    func endsWithSpace() {
        for text in Self.texts(count: 3000, plainOnly: false) + ["\u{600} ", " \u{301}", "… ", "a ", " ", ""] {
            #expect(HTMLText.endsWithSpace(Array(text.utf8)) == text.hasSuffix(" "), "\(Array(text.unicodeScalars))")
        }
    }

    @Test("only ASCII and the plain punctuation count as plain; other text is left to Characters, untouched")
    func plain() {
        for text in Self.texts(count: 2000, plainOnly: false) {
            var copy = text
            let expected = text.unicodeScalars.allSatisfy { $0.isASCII || "…“”–—•·‘’".unicodeScalars.contains($0) }
            #expect(copy.withUTF8 { HTMLText.isPlain($0) } == expected)
            var bytes = Array("x".utf8)
            let appended = copy.withUTF8 { HTMLText.appendCollapsed($0, to: &bytes, dropLeadingSpace: false) }
            #expect((appended != nil) == expected || text.isEmpty)
            if appended == nil { #expect(bytes == Array("x".utf8)) }
        }
    }

    @Test("a deep link's base is the URL up to its first '#' Character")
    func fragments() {
        let urls = ["https://a.example/x.mp3", "https://a.example/x.mp3#t=5", "#", "", "a#b#c", "https://é.example/x#y",
                    "https://a.example/#\u{301}x#t=1", "https://a.example/\u{600}#x"]
        for url in urls {
            let expected = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? url
            #expect(String(FeedEpisode.withoutFragment(url)) == expected, "\(url)")
        }
    }

    @Test("counting notes stops early only when the count is already too large to matter")
    func visibleSizeEarlyStop() {
        var generator = SplitMix64(seed: 3)
        let parts = ["<p>", "</p>", "<br>", "word ", "\n", "<li>x</li>", "<B>", "<DIV>", "<h2>", "<span>", "a long sentence of notes. ",
                     "<tr>", "<brx>", "é"]
        for index in 0..<2000 {
            let length = Int(generator.next() % 60)
            let text = (0..<length).map { _ in parts[Int(generator.next() % UInt64(parts.count))] }.joined()
            let notes = FeedItem.Notes(field: .contentEncoded, text: text, isHTML: index % 3 != 0, line: 1)
            let full = NotesChoice.visibleSize(notes)
            let early = NotesChoice.visibleSize(notes, enough: (300, 2))
            #expect((full.lines <= 1 && full.length < 300) == (early.lines <= 1 && early.length < 300))
            if full.lines <= 1 && full.length < 300 { #expect(early == full) }
        }
    }
}
