/// Recognises one line of a chapter list, in the shapes podcasts publish:
/// `00:32: Title`, `(3:25) Title`, `[00:03:25] Title`, `• 12:34 – Title`,
/// `00:00–05:00 Title` (a range: its start counts), `⌨️ (00:00) Intro`, and the
/// trailing form `Title — 12:34`.
///
/// The recogniser only looks at one line; whether a document's candidate lines form
/// a chapter list (two or more, not a transcript, ascending) is `ChapterList`'s job.
struct ChapterLine: Equatable {
    enum Form: Equatable {
        /// The timestamp opens the line.
        case leading
        /// The timestamp closes the line.
        case trailing
        /// The line holds only a timestamp; the title is on the next line.
        case bare
    }

    var start: Double
    var title: String
    var form: Form

    /// Reads `text` as a chapter line, or returns `nil`.
    static func recognise(_ text: String) -> ChapterLine? {
        var copy = text
        return copy.withUTF8 { bytes in
            leading(bytes) ?? trailing(bytes)
        }
    }

    // MARK: Leading form

    private static func leading(_ bytes: UnsafeBufferPointer<UInt8>) -> ChapterLine? {
        var index = skipListMarker(bytes, from: skipSpaces(bytes, from: 0))
        index = skipBold(bytes, from: index)
        var opener: UInt8? = nil
        if index < bytes.count, bytes[index] == UInt8(ascii: "(") || bytes[index] == UInt8(ascii: "[") {
            opener = bytes[index]
            index += 1
        }
        guard index < bytes.count, bytes[index].isASCIIDigit,
              let (start, stampEnd) = Timestamp.parse(bytes, at: index) else { return nil }
        index = skipRangeEnd(bytes, from: stampEnd)
        if let opener {
            let closer = opener == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
            guard index < bytes.count, bytes[index] == closer else { return nil }
            index += 1
        }
        index = skipBold(bytes, from: index)
        guard endsCleanly(bytes, at: index) else { return nil }
        if index == bytes.count || skipSpaces(bytes, from: index) == bytes.count {
            return ChapterLine(start: start, title: "", form: .bare)
        }
        let afterSeparator = skipSeparator(bytes, from: index)
        guard afterSeparator > index || opener != nil else { return nil }
        let title = titleText(bytes, from: afterSeparator, to: bytes.count)
        // `6:30 pm`, `01:15 CET`: a time of day reads as one phrase. A bracketed stamp or a
        // separator mark ends the stamp, so `(4:53) Am I Wrong?` and `07:56: Am…` are chapters.
        let markedOff = opener != nil || afterSeparator != skipSpaces(bytes, from: index)
        guard isTitle(title), markedOff || !startsWithClockWord(title) else { return nil }
        return ChapterLine(start: start, title: title, form: .leading)
    }

    /// After a timestamp: no letter, digit, `%`, `/`, or `.`/`,`/`:` followed by a digit
    /// (`10:30am`, `12:54.99`, `00:00:01,000`, `3:16/17`).
    private static func endsCleanly(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count else { return true }
        let next = bytes[index]
        if next.isASCIILetter || next.isASCIIDigit || next == UInt8(ascii: "%") || next == UInt8(ascii: "/") { return false }
        if next == UInt8(ascii: ".") || next == UInt8(ascii: ",") || next == UInt8(ascii: ":") {
            return !(index + 1 < bytes.count && bytes[index + 1].isASCIIDigit)
        }
        return true
    }

    /// `–05:00`, ` - 05:00`, ` to 05:00`: the end of a range, which is skipped.
    private static func skipRangeEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = skipSpaces(bytes, from: start)
        if let dash = dashLength(bytes, at: index) {
            index += dash
        } else if index + 2 < bytes.count, bytes[index] == UInt8(ascii: "t"), bytes[index + 1] == UInt8(ascii: "o"),
                  bytes[index + 2].isASCIISpace {
            index += 2
        } else {
            return start
        }
        index = skipSpaces(bytes, from: index)
        guard index < bytes.count, bytes[index].isASCIIDigit, let (_, end) = Timestamp.parse(bytes, at: index) else {
            return start
        }
        return end
    }

    // MARK: Trailing form

    private static func trailing(_ bytes: UnsafeBufferPointer<UInt8>) -> ChapterLine? {
        var end = bytes.count
        while end > 0, bytes[end - 1].isASCIISpace { end -= 1 }
        var closer: UInt8? = nil
        if end > 0, bytes[end - 1] == UInt8(ascii: ")") || bytes[end - 1] == UInt8(ascii: "]") {
            closer = bytes[end - 1]
            end -= 1
        }
        var begin = end
        while begin > 0, bytes[begin - 1].isASCIIDigit || bytes[begin - 1] == UInt8(ascii: ":") || bytes[begin - 1] == UInt8(ascii: ".") {
            begin -= 1
        }
        guard begin < end, bytes[begin].isASCIIDigit,
              let (start, stampEnd) = Timestamp.parse(bytes, at: begin), stampEnd == end else { return nil }
        var titleEnd = begin
        if let closer {
            let opener = closer == UInt8(ascii: ")") ? UInt8(ascii: "(") : UInt8(ascii: "[")
            guard titleEnd > 0, bytes[titleEnd - 1] == opener else { return nil }
            titleEnd -= 1
        } else if titleEnd > 0, !bytes[titleEnd - 1].isASCIISpace, !isSeparatorByte(bytes[titleEnd - 1]) {
            return nil
        }
        // Walk back over white space and one separator.
        var hadSeparator = closer != nil
        while titleEnd > 0, bytes[titleEnd - 1].isASCIISpace { titleEnd -= 1 }
        if titleEnd > 0, isSeparatorByte(bytes[titleEnd - 1]) {
            titleEnd -= 1
            hadSeparator = true
        } else if titleEnd >= 3, let dash = dashLength(bytes, at: titleEnd - 3), dash == 3 {
            titleEnd -= 3
            hadSeparator = true
        }
        let titleStart = skipListMarker(bytes, from: skipSpaces(bytes, from: 0))
        guard titleStart < titleEnd else { return nil }
        let title = titleText(bytes, from: titleStart, to: titleEnd)
        guard isTitle(title) else { return nil }
        let words = title.split(whereSeparator: { $0 == " " })
        guard let lastWord = words.last?.lowercased() else { return nil }
        if timeWords.contains(lastWord) { return nil }
        if !hadSeparator && (words.count < 2 || scriptureBooks.contains(lastWord)) { return nil }
        return ChapterLine(start: start, title: title, form: .trailing)
    }

    // MARK: Pieces

    static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index].isASCIISpace {
                index += 1
            } else if index + 1 < bytes.count, bytes[index] == 0xC2, bytes[index + 1] == 0xA0 {
                index += 2   // no-break space
            } else {
                break
            }
        }
        return index
    }

    private static func skipBold(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index + 1 < bytes.count, bytes[index] == bytes[index + 1],
              bytes[index] == UInt8(ascii: "*") || bytes[index] == UInt8(ascii: "_") {
            index += 2
        }
        return index
    }

    /// Skips `-`, `*`, `+`, `1.`, `1)`, and runs of non-letter symbols such as `•`, `▶️`, `⌨️`, each followed by white space.
    static func skipListMarker(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count else { return start }
        let first = bytes[start]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            if start + 1 < bytes.count, bytes[start + 1].isASCIISpace { return skipSpaces(bytes, from: start + 1) }
            return start
        }
        if first.isASCIIDigit {
            var index = start
            while index < bytes.count, bytes[index].isASCIIDigit, index - start < 3 { index += 1 }
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")"),
               bytes[index + 1].isASCIISpace {
                return skipSpaces(bytes, from: index + 1)
            }
            return start
        }
        guard first >= 0x80 else { return start }
        // A run of symbols (bullets, dashes, emoji): decode scalars until white space.
        var index = start
        var sawSymbol = false
        while index < bytes.count, bytes[index] >= 0x80 {
            if let length = PlainPunctuation.length(startingAt: index, in: bytes) {   // a symbol, no letter
                sawSymbol = true
                index += length
                continue
            }
            guard let (scalar, length) = bytes.scalar(at: index) else { return start }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return start }
            if scalar == "\u{A0}" { break }
            sawSymbol = true
            index += length
        }
        guard sawSymbol else { return start }
        let after = skipSpaces(bytes, from: index)
        if after > index { return after }
        // A symbol directly before `(`/`[` or a digit still reads as a marker (`▶(00:00)`).
        if index < bytes.count, bytes[index] == UInt8(ascii: "(") || bytes[index] == UInt8(ascii: "[") { return index }
        return start
    }

    /// Length of `-`, `–` or `—` at `index`, if one is there.
    static func dashLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "-") { return 1 }
        if index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80,
           bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94 {
            return 3
        }
        return nil
    }

    private static func isSeparatorByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "|") || byte == UInt8(ascii: ">")
    }

    /// White space and at most one separator (`:`, `-`, `–`, `—`, `|`, `·`, `>`), then white space.
    private static func skipSeparator(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = skipSpaces(bytes, from: start)
        if index < bytes.count, isSeparatorByte(bytes[index]) {
            index += 1
        } else if let dash = dashLength(bytes, at: index) {
            index += dash
        } else if index + 1 < bytes.count, bytes[index] == 0xC2, bytes[index + 1] == 0xB7 {
            index += 2   // middle dot
        }
        return skipSpaces(bytes, from: index)
    }

    private static func titleText(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
        guard start < end else { return "" }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        var title: String
        if let range = slice.trimmedRange() {
            title = String(decoding: UnsafeBufferPointer(rebasing: slice[range]), as: UTF8.self)
        } else {
            title = String(String(decoding: slice, as: UTF8.self).trimmingWhitespace())
        }
        guard title.utf8.first == UInt8(ascii: "*") else { return title }   // no `**` to remove
        while title.hasPrefix("**") && title.hasSuffix("**") && title.count > 4 {
            title = String(title.dropFirst(2).dropLast(2)).trimmingWhitespace().description
        }
        if title.hasPrefix("**") { title = String(title.dropFirst(2)).trimmingWhitespace().description }
        return title
    }

    private static func isTitle(_ title: String) -> Bool {
        !title.isEmpty && (title.utf8.first != UInt8(ascii: "-") || (!title.hasPrefix("->") && !title.hasPrefix("-->")))
            && (title.utf8.contains(where: { $0.isASCIILetter || $0.isASCIIDigit })   // alphabetic or numeric ASCII
                || title.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }

    /// `6:30 pm`, `01:15 CET`, `18:00 Uhr`: a time of day, not a chapter.
    private static func startsWithClockWord(_ title: String) -> Bool {
        let word = title.prefix(while: { $0.isLetter || $0 == "." })
        guard !word.isEmpty else { return false }
        if word.count < title.count, let next = title.dropFirst(word.count).first, next.isLetter { return false }
        let lower = word.lowercasedFast()
        if ["am", "pm", "a.m.", "p.m.", "a.m", "p.m", "h", "hrs", "uhr", "o'clock"].contains(lower) { return true }
        return timeZones.contains(String(word))
    }

    private static let timeZones: Set<String> = [
        "UTC", "GMT", "CET", "CEST", "EET", "EEST", "WET", "WEST", "BST", "IST", "ET", "EST", "EDT",
        "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "AEST", "AEDT", "JST", "KST", "Z",
    ]

    /// Words that put a time of day, not a chapter, before a trailing time (`doors open at 19:30`).
    private static let timeWords: Set<String> = [
        "at", "from", "until", "till", "by", "around", "before", "after", "since", "to", "doors", "about", "approx",
    ]

    /// Book names that precede a chapter:verse reference (`John 3:16`).
    private static let scriptureBooks: Set<String> = [
        "genesis", "exodus", "leviticus", "numbers", "deuteronomy", "joshua", "judges", "ruth", "samuel", "kings",
        "chronicles", "ezra", "nehemiah", "esther", "job", "psalm", "psalms", "proverbs", "ecclesiastes", "song",
        "isaiah", "jeremiah", "lamentations", "ezekiel", "daniel", "hosea", "joel", "amos", "obadiah", "jonah",
        "micah", "nahum", "habakkuk", "zephaniah", "haggai", "zechariah", "malachi", "matthew", "mark", "luke",
        "john", "acts", "romans", "corinthians", "galatians", "ephesians", "philippians", "colossians",
        "thessalonians", "timothy", "titus", "philemon", "hebrews", "james", "peter", "jude", "revelation",
    ]
}
