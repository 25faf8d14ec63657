/// Reading and writing the clock-style times podcasts use (`3:25`, `00:03:25`, `1:02:03.500`).
///
/// Show notes use the strict grammar: `M:SS`, `MM:SS` or `H:MM:SS` with two-digit
/// seconds (so `3:1` and `16:9` are never times) and an optional fraction of exactly
/// three digits (so race results such as `12:54.99` are not read as chapter starts).
/// Podlove's Normal Play Time (`npt`) also allows bare seconds and any fraction length.
public enum Timestamp {
    /// Hours above this are not a podcast's length but a typo or junk ("absurd timestamps").
    static let maximumHours = 99

    /// Parses a show-notes timestamp starting at `start` in `bytes`.
    /// Returns the seconds and the index just past the timestamp, or `nil`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (seconds: Double, end: Int)? {
        // Up to three fields: the ones closed by a colon, then `value`.
        var closed = 0
        var first = 0
        var second = 0
        var index = start
        var digits = 0
        var value = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte.isASCIIDigit {
                digits += 1
                if digits > 3 { return nil }
                value = value * 10 + Int(byte - 0x30)
                index += 1
            } else if byte == UInt8(ascii: ":"), digits > 0, closed < 2,
                      index + 1 < bytes.count, bytes[index + 1].isASCIIDigit {
                if closed == 0 { first = value } else { second = value }
                closed += 1
                if closed > 1 && digits != 2 { return nil }
                digits = 0
                value = 0
                index += 1
            } else {
                break
            }
        }
        guard closed > 0, digits == 2, value < 60 else { return nil }
        var seconds: Double
        if closed == 2 {
            guard first <= maximumHours, second < 60 else { return nil }
            seconds = Double(first * 3600 + second * 60 + value)
        } else {
            guard first < 1000 else { return nil }
            seconds = Double(first * 60 + value)
        }
        // Optional fraction: exactly three digits (milliseconds).
        if index + 3 < bytes.count, bytes[index] == UInt8(ascii: "."),
           bytes[index + 1].isASCIIDigit, bytes[index + 2].isASCIIDigit, bytes[index + 3].isASCIIDigit,
           !(index + 4 < bytes.count && bytes[index + 4].isASCIIDigit) {
            let ms = (1...3).reduce(0) { $0 * 10 + Int(bytes[index + $1] - 0x30) }
            seconds += Double(ms) / 1000
            index += 4
        }
        return (seconds, index)
    }

    /// Parses a whole string as a show-notes timestamp (`"39:23"` → 2363).
    public static func seconds(from text: some StringProtocol) -> Double? {
        var copy = String(text)
        return copy.withUTF8 { buffer in
            guard let (seconds, end) = parse(buffer, at: 0), end == buffer.count else { return nil }
            return seconds
        }
    }

    /// Parses Normal Play Time as Podlove Simple Chapters and `itunes:duration` write it:
    /// `HH:MM:SS(.f)`, `MM:SS(.f)` or bare seconds (`37`, `1234.5`). Fractions are kept.
    public static func npt(_ text: some StringProtocol) -> Double? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 3 else { return nil }
        var total = 0.0
        for (position, part) in parts.enumerated() {
            let isLast = position == parts.count - 1
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && ($0.isNumber || ($0 == "." && isLast)) }),
                  part.filter({ $0 == "." }).count <= 1, let value = Double(part), value.isFinite else { return nil }
            if position > 0 && value >= 60 { return nil }
            total = total * 60 + value
        }
        guard total <= Double(maximumHours * 3600 + 3599) + 1 else { return nil }
        return total
    }

    /// `39:23`, `1:02:03`, with `.250` when the time has a fraction: the way notes write times.
    public static func display(_ seconds: Double) -> String { ClockText.display(seconds) }

    /// `HH:MM:SS.mmm`, as WebVTT, Podlove and mp4chaps write times.
    public static func clock(_ seconds: Double, separator: String = ".") -> String { ClockText.clock(seconds, separator: separator) }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    static func threeDigits(_ value: Int) -> String { value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : "\(value)" }
}

extension UInt8 {
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
    var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
    var isASCIISpace: Bool { self == 0x20 || self == 0x09 }
}
