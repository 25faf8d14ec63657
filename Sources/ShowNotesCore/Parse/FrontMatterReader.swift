/// Reads the YAML-style front matter ShowNotes understands: `title`, `podcast`, `date`,
/// `audio`, `duration`, `guests` (a scalar, `[a, b]`, `- a` items or `name:` entries),
/// `link`/`url`, `guid`, `number`/`episode`. Other keys are ignored; this is not a YAML parser.
enum FrontMatterReader {
    /// Returns the values and, per line, the problems found (bad date or duration).
    static func read(_ lines: [Substring], firstLine: Int) -> (FrontMatter, [Int: String]) {
        var matter = FrontMatter()
        var problems: [Int: String] = [:]
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let lineNumber = firstLine + index
            index += 1
            guard indentation(of: line) == 0, let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingWhitespace().lowercased()
            let value = unquote(line[line.index(after: colon)...].trimmingWhitespace())
            // The indented block below the key (list items or nested keys).
            var block: [Substring] = []
            while index < lines.count, indentation(of: lines[index]) > 0 || lines[index].trimmingWhitespace().hasPrefix("- ") {
                block.append(lines[index].trimmingWhitespace())
                index += 1
            }
            switch key {
            case "title": matter.title = value.isEmpty ? nil : value
            case "podcast", "show", "podcast_name": matter.podcast = value.isEmpty ? nil : value
            case "date", "published", "pubdate":
                if let date = DateText.iso8601(fromFrontMatter: value) {
                    matter.date = date
                } else if !value.isEmpty {
                    problems[lineNumber] = "front matter date '\(value)' is not a date; ignored"
                }
            case "audio", "enclosure", "mp3": matter.audio = value.isEmpty ? nil : value
            case "url", "link":
                if isAudioURL(value) { matter.audio = matter.audio ?? value } else if !value.isEmpty { matter.link = value }
            case "duration":
                if let seconds = Timestamp.npt(value) {
                    matter.duration = seconds
                } else if !value.isEmpty {
                    problems[lineNumber] = "front matter duration '\(value)' is not a time; ignored"
                }
            case "guid", "id": matter.guid = value.isEmpty ? nil : value
            case "number", "episode": matter.number = Int(value)
            case "guest", "guests":
                matter.guests += names(value: value, block: block)
            default: break
            }
        }
        return (matter, problems)
    }

    private static func names(value: String, block: [Substring]) -> [String] {
        if value.hasPrefix("[") && value.hasSuffix("]") {
            return value.dropFirst().dropLast().split(separator: ",").map { unquote($0.trimmingWhitespace()) }.filter { !$0.isEmpty }
        }
        if !value.isEmpty { return value.split(separator: ",").map { unquote($0.trimmingWhitespace()) }.filter { !$0.isEmpty } }
        var names: [String] = []
        for entry in block {
            var item = entry
            if item.hasPrefix("- ") { item = item.dropFirst(2).trimmingWhitespace() }
            if item.lowercased().hasPrefix("name:") {
                names.append(unquote(item.dropFirst(5).trimmingWhitespace()))
            } else if entry.hasPrefix("- "), !item.contains(":") || item.hasPrefix("\"") {
                names.append(unquote(item))
            }
        }
        return names.filter { !$0.isEmpty }
    }

    static func unquote(_ value: Substring) -> String {
        if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
            return String(value.dropFirst().dropLast())
        }
        return String(value)
    }

    private static func isAudioURL(_ value: String) -> Bool {
        let lower = value.lowercased()
        return [".mp3", ".m4a", ".ogg", ".opus", ".aac", ".wav", ".flac"].contains(where: { lower.hasSuffix($0) })
    }
}
