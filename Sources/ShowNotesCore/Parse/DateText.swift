/// Reads the dates show notes and feeds write and renders them as ISO 8601:
/// a date (`2024-03-01`) when only the day is known, else a date-time with its offset.
///
/// Hand-written on purpose: no locale, no time-zone database, no Foundation on this path.
public enum DateText {
    /// `2024-03-01`, `2024-03-01T10:00:00Z`, or an epoch number (seconds, or milliseconds
    /// when it is too large for seconds) as Markdown front matter writes it.
    static func iso8601(fromFrontMatter value: String) -> String? {
        if !value.isEmpty, value.allSatisfy(\.isASCIIDigit), let number = Int64(value.prefix(15)), value.count <= 15 {
            let seconds = number > 100_000_000_000 ? number / 1000 : number
            return dateTime(epochSeconds: seconds, offsetMinutes: 0)
        }
        return iso8601(fromISO: value) ?? iso8601(fromWords: value)
    }

    /// Accepts `YYYY-MM-DD` optionally followed by `THH:MM[:SS][.f](Z|±HH:MM)`.
    static func iso8601(fromISO value: String) -> String? {
        let bytes = Array(value.utf8)
        guard bytes.count >= 10, let year = number(bytes, 0, 4), bytes[4] == UInt8(ascii: "-"),
              let month = number(bytes, 5, 2), bytes[7] == UInt8(ascii: "-"), let day = number(bytes, 8, 2),
              isValid(year: year, month: month, day: day) else { return nil }
        let date = "\(year)-\(Timestamp.twoDigits(month))-\(Timestamp.twoDigits(day))"
        if bytes.count == 10 { return date }
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              let hour = number(bytes, 11, 2), bytes[13] == UInt8(ascii: ":"), let minute = number(bytes, 14, 2),
              hour < 24, minute < 60 else { return nil }
        var index = 16
        var second = 0
        if index + 2 < bytes.count + 1, index < bytes.count, bytes[index] == UInt8(ascii: ":"), let s = number(bytes, index + 1, 2), s < 61 {
            second = min(s, 59)
            index += 3
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
        }
        let zone = String(decoding: bytes[index...], as: UTF8.self).trimmingWhitespace()
        guard let offset = zone.isEmpty ? 0 : zoneOffset(String(zone)) else { return nil }
        return "\(date)T\(Timestamp.twoDigits(hour)):\(Timestamp.twoDigits(minute)):\(Timestamp.twoDigits(second))\(offsetText(offset))"
    }

    /// `March 3, 2024`, `Mar 3 2024`, `3 March 2024`, `3. März 2024` is not handled (English only).
    static func iso8601(fromWords value: String) -> String? {
        let words = value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." }).map { String($0) }
        guard words.count == 3 else { return nil }
        let (day, month, year): (Int?, Int?, Int?)
        if let m = monthNumber(words[0]) {
            (day, month, year) = (Int(ordinal(words[1])), m, Int(words[2]))
        } else if let m = monthNumber(words[1]) {
            (day, month, year) = (Int(ordinal(words[0])), m, Int(words[2]))
        } else {
            return nil
        }
        guard let day, let month, let year, isValid(year: year, month: month, day: day) else { return nil }
        return "\(year)-\(Timestamp.twoDigits(month))-\(Timestamp.twoDigits(day))"
    }

    /// RFC 822 / RFC 2822 as feeds write it, with the real-world variants: day name
    /// optional, named zones, numeric offsets, missing seconds, two-digit years.
    public static func iso8601(fromRFC822 value: String) -> String? {
        var words = value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map { String($0) }
        if let first = words.first, first.count >= 3, first.first?.isLetter == true, monthNumber(first) == nil { words.removeFirst() }
        guard words.count >= 3 else { return iso8601(fromISO: value.trimmingWhitespace().description) }
        var day = Int(ordinal(words[0])), month = monthNumber(words[1])
        if day == nil || month == nil, let m = monthNumber(words[0]), let d = Int(ordinal(words[1])) { (day, month) = (d, m) }
        guard let day, let month, var year = Int(words[2]) else { return iso8601(fromISO: value.trimmingWhitespace().description) }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        guard isValid(year: year, month: month, day: day) else { return nil }
        let date = "\(year)-\(Timestamp.twoDigits(month))-\(Timestamp.twoDigits(day))"
        guard words.count >= 4 else { return date }
        let clock = words[3].split(separator: ":").map { Int($0) }
        guard clock.count >= 2, clock.allSatisfy({ $0 != nil }), let hour = clock[0], let minute = clock[1], hour < 24, minute < 60 else {
            return date
        }
        let second = clock.count > 2 ? min(clock[2] ?? 0, 59) : 0
        let offset = words.count >= 5 ? (zoneOffset(words[4]) ?? 0) : 0
        return "\(date)T\(Timestamp.twoDigits(hour)):\(Timestamp.twoDigits(minute)):\(Timestamp.twoDigits(second))\(offsetText(offset))"
    }

    // MARK: Pieces

    private static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
        guard start + length <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<start + length] {
            guard byte.isASCIIDigit else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1000...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    private static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    private static func ordinal(_ word: String) -> String {
        var text = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where text.lowercased().hasSuffix(suffix) {
            text = text.dropLast(2)
        }
        return String(text)
    }

    static func monthNumber(_ word: String) -> Int? {
        let lower = word.lowercased()
        guard lower.count >= 3 else { return nil }
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        if let index = months.firstIndex(where: { $0.hasPrefix(lower) || (lower == "sept" && $0 == "september") }) { return index + 1 }
        return nil
    }

    /// Minutes east of UTC for `Z`, `+0100`, `-05:00`, `GMT`, `EST`, `PDT`, …
    private static func zoneOffset(_ zone: String) -> Int? {
        let named: [String: Int] = [
            "Z": 0, "UT": 0, "UTC": 0, "GMT": 0, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300,
            "MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "CET": 60, "CEST": 120, "BST": 60,
            "EET": 120, "EEST": 180, "IST": 330, "JST": 540, "AEST": 600, "AEDT": 660,
        ]
        if let minutes = named[zone.uppercased()] { return minutes }
        var text = Substring(zone)
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        text = text.dropFirst()
        let digits = text.filter(\.isNumber)
        guard digits.count == 4 || digits.count == 2, text.allSatisfy({ $0.isNumber || $0 == ":" }),
              let hours = Int(digits.prefix(2)), let minutes = Int(digits.dropFirst(2).isEmpty ? "0" : String(digits.dropFirst(2))),
              hours < 24, minutes < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
    }

    private static func offsetText(_ minutes: Int) -> String {
        if minutes == 0 { return "Z" }
        let sign = minutes < 0 ? "-" : "+"
        return "\(sign)\(Timestamp.twoDigits(abs(minutes) / 60)):\(Timestamp.twoDigits(abs(minutes) % 60))"
    }

    private static func dateTime(epochSeconds: Int64, offsetMinutes: Int) -> String {
        let days = Int(epochSeconds.dividedRoundingDown(by: 86_400))
        let secondsOfDay = Int(epochSeconds - Int64(days) * 86_400)
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let time = "\(Timestamp.twoDigits(secondsOfDay / 3600)):\(Timestamp.twoDigits(secondsOfDay / 60 % 60)):\(Timestamp.twoDigits(secondsOfDay % 60))"
        return "\(year)-\(Timestamp.twoDigits(month))-\(Timestamp.twoDigits(day))T\(time)\(offsetText(offsetMinutes))"
    }
}

private extension Int64 {
    func dividedRoundingDown(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
