/// The byte-level halves of `Headings`: for the plain text most lines are (ASCII and
/// `PlainPunctuation`, where each scalar is a Character of its own and lower-casing is
/// ASCII folding), the answers of the Character-level code, computed on UTF-8 bytes;
/// `nil` where bytes cannot tell, and the Character-level code decides.
extension Headings {
    /// The `runInNames` the text starts with, ignoring case, when its first 21 bytes are ASCII
    /// (so `prefix(20).lowercased()` is their folded bytes); `nil` for other text.
    static func asciiRunInNames(_ text: String) -> [(String, HeadingKind)]? {
        var copy = text
        return copy.withUTF8 { bytes in
            let head = UnsafeBufferPointer(rebasing: bytes.prefix(21))
            guard head.allSatisfy({ $0 < 0x80 }) else { return nil }
            return runInNames.filter { name, _ in
                name.utf8.count <= head.count && zip(head, name.utf8).allSatisfy { $0.asciiLowercased == $1 }
            }
        }
    }

    /// A cheap necessary condition for `runIn`: the text could start with one of `runInNames`,
    /// ignoring case. Bytes before the first non-ASCII one (less the last, which may be part of
    /// its Character) are single Characters and must fold to the name's.
    static func mayRunIn(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            let head = UnsafeBufferPointer(rebasing: bytes.prefix(21))
            guard let firstOther = head.firstIndex(where: { $0 >= 0x80 }) else { return runInStarts.isPrefix(of: head) }
            let known = UnsafeBufferPointer(rebasing: head.prefix(max(firstOther - 1, 0)))
            return runInNames.contains { name, _ in
                zip(known, name.utf8).allSatisfy { $0.asciiLowercased == $1 }
            }
        }
    }

    /// `names[normalised(text)]` computed on bytes when what follows the leading symbols is
    /// plain (ASCII and `PlainPunctuation`, each scalar a Character, none changed by lower-casing);
    /// `.some(nil)` for no heading, `nil` when bytes cannot tell.
    static func plainKnown(_ bytes: UnsafeBufferPointer<UInt8>) -> HeadingKind?? {
        // Leading scalars that are neither alphabetic nor numeric (for ASCII: letters and digits).
        var start = 0
        while start < bytes.count {
            if bytes[start] < 0x80 {
                if bytes[start].isASCIILetter || bytes[start].isASCIIDigit { break }
                start += 1
            } else {
                guard let (scalar, length) = bytes.scalar(at: start),
                      !scalar.properties.isAlphabetic, scalar.properties.numericType == nil else { return nil }
                start += length
            }
        }
        guard UnsafeBufferPointer(rebasing: bytes[start...]).isPlain else { return nil }
        var end = bytes.count
        func trimEnd() { while end > start, bytes[end - 1].isASCIIWhitespace { end -= 1 } }
        trimEnd()
        while end > start, bytes[end - 1] == UInt8(ascii: ":") || bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "!") {
            end -= 1
            trimEnd()
        }
        guard end > start, end - start <= longestName + 2 * mostApostrophes else { return .some(nil) }
        // The name is these bytes lower-cased, `’` as `'` (in plain text, `99` only ends a `’`):
        // its shape first, a quick "no" for most lines, then the name itself.
        let apostrophes = bytes[start..<end].reduce(0) { $1 == 0x99 ? $0 + 1 : $0 }
        let last = bytes[end - 1] == 0x99 ? UInt8(ascii: "'") : bytes[end - 1].asciiLowercased
        guard nameShapes.contains(shape(bytes[start].asciiLowercased, last, end - start - 2 * apostrophes)) else { return .some(nil) }
        var name: [UInt8] = []
        name.reserveCapacity(end - start)
        var index = start
        while index < end {
            if bytes[index] == 0xE2, index + 2 < end, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                name.append(UInt8(ascii: "'"))
                index += 3
            } else {
                name.append(bytes[index].asciiLowercased)
                index += 1
            }
        }
        return .some(names[String(decoding: name, as: UTF8.self)])
    }

    /// First byte, last byte and length of every name in `names`: a quick "no".
    static let nameShapes: Set<Int> = Set(names.keys.compactMap { name in
        name.utf8.first.flatMap { first in name.utf8.last.map { shape(first, $0, name.utf8.count) } }
    })

    static func shape(_ first: UInt8, _ last: UInt8, _ length: Int) -> Int {
        Int(first) << 16 | Int(last) << 8 | min(length, 255)
    }

    /// `isShortLabel` on bytes for plain text without line breaks (each scalar a Character); else `nil`.
    static func isPlainShortLabel(_ text: String) -> Bool? {
        var copy = text
        return copy.withUTF8 { bytes -> Bool? in
            guard bytes.isPlain, !bytes.contains(0x0A), !bytes.contains(0x0D) else { return nil }
            guard bytes.last == UInt8(ascii: ":"), bytes.count <= 80, let first = bytes.first else { return false }
            // Upper case or no letter: anything but `a`–`z` (`PlainPunctuation` is neither).
            guard !(first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")), bytes.firstIndex(of: http, from: 0) == nil else { return false }
            let body = UnsafeBufferPointer(rebasing: bytes.dropLast())
            guard !body.contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "?") }) else { return false }
            let words = body.split(separator: 0x20).count
            return words >= 1 && words <= 6
        }
    }

    /// The bytes of `http`.
    static var http: UnsafeBufferPointer<UInt8> {
        let word: StaticString = "http"
        return UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    }
}
