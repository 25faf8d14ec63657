/// The chapter-list formats ShowNotes writes, each to its published syntax.
public enum ChapterFormat: String, Sendable, CaseIterable {
    /// Podcasting 2.0 JSON chapters, version 1.2.0.
    case json
    /// WebVTT chapters track (needs end times).
    case webvtt
    /// Podlove Simple Chapters XML.
    case podlove
    /// FFmpeg FFMETADATA1 with `[CHAPTER]` sections (needs end times).
    case ffmetadata
    /// mp4v2's `mp4chaps` text: `HH:MM:SS.mmm Title`.
    case mp4chaps
    /// The YouTube/Spotify description style: `M:SS Title`.
    case text

    /// Whether the format states where each chapter ends, so the last needs the episode's duration.
    public var needsEndTimes: Bool { self == .webvtt || self == .ffmetadata }

    /// The file-name ending used with `--out`.
    public var fileSuffix: String {
        switch self {
        case .json: ".chapters.json"
        case .webvtt: ".chapters.vtt"
        case .podlove: ".chapters.psc.xml"
        case .ffmetadata: ".ffmetadata.txt"
        case .mp4chaps: ".chapters.txt"
        case .text: ".description.txt"
        }
    }
}

/// Why a chapter list cannot be written in a format.
public struct ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Writes an episode's chapters in a `ChapterFormat`.
public enum ChapterExporter {
    /// The document's text (one line for JSON) and any platform-rule warnings (`text` format).
    public static func export(_ chapters: [Chapter], format: ChapterFormat, duration: Double?) throws(ExportError) -> (text: String, warnings: [String]) {
        switch format {
        case .json:
            return (jsonDocument(chapters).text, [])
        case .podlove:
            return (podlove(chapters), [])
        case .mp4chaps:
            return (chapters.map { "\(Timestamp.clock($0.startTime)) \(oneLine($0.title))\n" }.joined(), [])
        case .text:
            return youtube(chapters)
        case .webvtt:
            let ends = try endTimes(chapters, duration: duration)
            var output = "WEBVTT\n"
            for (chapter, end) in zip(chapters, ends) {
                output += "\n\(Timestamp.clock(chapter.startTime)) --> \(Timestamp.clock(end))\n\(vttText(chapter.title))\n"
            }
            return (output, [])
        case .ffmetadata:
            let ends = try endTimes(chapters, duration: duration)
            var output = ";FFMETADATA1\n"
            for (chapter, end) in zip(chapters, ends) {
                output += "\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=\(millis(chapter.startTime))\nEND=\(millis(end))\ntitle=\(ffEscape(chapter.title))\n"
            }
            return (output, [])
        }
    }

    /// `{"version":"1.2.0","chapters":[…]}` as the Podcasting 2.0 spec writes it (version first).
    public static func jsonDocument(_ chapters: [Chapter]) -> JSONValue {
        .object([("version", .string("1.2.0")), ("chapters", .array(chapters.map(\.json)))])
    }

    /// Each chapter ends where the next starts; the last at the episode's end.
    static func endTimes(_ chapters: [Chapter], duration: Double?) throws(ExportError) -> [Double] {
        guard let last = chapters.last else { return [] }
        guard let duration else {
            throw ExportError(message: "this format needs the episode's duration for the last chapter's end; none is known: pass --duration SECONDS")
        }
        guard duration > last.startTime else {
            throw ExportError(message: "the duration (\(Timestamp.display(duration))) ends before the last chapter starts (\(Timestamp.display(last.startTime)))")
        }
        return chapters.dropFirst().map(\.startTime) + [duration]
    }

    private static func podlove(_ chapters: [Chapter]) -> String {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<psc:chapters version=\"1.2\" xmlns:psc=\"http://podlove.org/simple-chapters\">\n"
        for chapter in chapters {
            output += "  <psc:chapter start=\"\(Timestamp.clock(chapter.startTime))\" title=\"\(xmlAttribute(chapter.title))\""
            if let url = chapter.url { output += " href=\"\(xmlAttribute(url))\"" }
            if let img = chapter.img { output += " image=\"\(xmlAttribute(img))\"" }
            output += "/>\n"
        }
        return output + "</psc:chapters>\n"
    }

    /// `0:00 Intro`: `H:MM:SS` for every line once any chapter is past an hour; whole seconds.
    private static func youtube(_ chapters: [Chapter]) -> (String, [String]) {
        let withHours = chapters.contains { $0.startTime >= 3600 }
        var output = ""
        for chapter in chapters {
            let whole = Int(chapter.startTime.rounded(.down))
            let stamp = withHours
                ? "\(whole / 3600):\(Timestamp.twoDigits(whole / 60 % 60)):\(Timestamp.twoDigits(whole % 60))"
                : "\(whole / 60):\(Timestamp.twoDigits(whole % 60))"
            output += "\(stamp) \(oneLine(chapter.title))\n"
        }
        var warnings: [String] = []
        if let first = chapters.first, first.startTime != 0 {
            warnings.append("the first chapter starts at \(Timestamp.display(first.startTime)), not 0:00 (YouTube and Spotify require 0:00)")
        }
        if chapters.count < 3 { warnings.append("only \(chapters.count) chapter(s); YouTube and Spotify need at least 3") }
        for (previous, next) in zip(chapters, chapters.dropFirst()) where next.startTime - previous.startTime < 10 {
            warnings.append("'\(next.title)' starts \(JSONValue.numberText(next.startTime - previous.startTime)) s after the previous chapter; YouTube needs 10 s")
        }
        return (output, warnings)
    }

    private static func millis(_ seconds: Double) -> Int { Int((seconds * 1000).rounded()) }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    /// Escapes `&`, `<`, `>` (and `"` for attribute values) on one line, for XML and WebVTT.
    static func xmlAttribute(_ text: String) -> String { markupEscaped(text, quotes: true) }

    private static func vttText(_ text: String) -> String { markupEscaped(text, quotes: false) }

    private static func markupEscaped(_ text: String, quotes: Bool) -> String {
        var output = ""
        for character in oneLine(text) {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }

    /// FFMETADATA escapes `=`, `;`, `#`, `\` and newlines with a backslash.
    private static func ffEscape(_ text: String) -> String {
        var output = ""
        for character in text {
            if "=;#\\\n".contains(character) { output += "\\" }
            output.append(character)
        }
        return output
    }
}
