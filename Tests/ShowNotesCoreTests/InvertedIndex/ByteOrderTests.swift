@testable import ShowNotesSearch
import Testing

/// `precedesInUTF8` is the byte order every sorted part of the index relies on.
@Suite("Byte order of strings")
struct ByteOrderTests {
    @Test("precedesInUTF8 agrees with comparing the UTF-8 bytes, on ASCII, accents, emoji, prefixes and empty strings")
    func agreesWithBytes() {
        let samples = ["", "a", "ab", "abc", "b", "B", "é", "e\u{301}", "z", "zz", "ä", "日本", "🎙", "a\u{0}", "Ω", "10000meter", "10000"]
        var state: UInt64 = 7
        var strings = samples
        for _ in 0..<300 {   // random pairs from the samples, glued
            state = state &* 6364136223846793005 &+ 1442695040888963407
            strings.append(samples[Int(state >> 33) % samples.count] + samples[Int(state >> 13) % samples.count])
        }
        for a in strings {
            for b in strings {
                #expect(a.precedesInUTF8(b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a.debugDescription) \(b.debugDescription)")
            }
        }
    }

    @Test("sortedByUTF8 sorts like comparing the UTF-8 bytes, prefixes of eight bytes and more included")
    func sortsLikeBytes() {
        let samples = ["", "a", "ab", "b", "é", "e\u{301}", "日本", "🎙", "a\u{0}", "10000meter", "10000", "abcdefgh", "abcdefghi",
                       "abcdefgh\u{0}", "abcdefgz", "abcdefgha", "zzzzzzzzzzzz"]
        var state: UInt64 = 11
        var strings = samples
        for _ in 0..<500 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            strings.append(samples[Int(state >> 33) % samples.count] + samples[Int(state >> 13) % samples.count])
        }
        let unique = Array(Set(strings))
        #expect(unique.sortedByUTF8() == unique.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }
}
