extension Searcher {
    /// Builds the result line's data for a moment.
    func hit(_ moment: Int, score: Double, terms: [String], texts: inout MomentTextReader,
             episodeTexts: inout TextStoreReader) throws(IndexCorruption) -> Hit {
        let record = try reader.momentRecord(moment)
        let episode = try reader.episode(ofMoment: moment)
        let fieldCount = EpisodeString.allCases.count
        let fields = try episodeTexts.texts(episode * fieldCount..<(episode + 1) * fieldCount)
        let source = fields[EpisodeString.source.rawValue]
        let stored = try texts.text(moment, episode: episode, path: source) ?? Self.unavailableText
        var title = stored
        var body = stored
        switch record.kind {
        case .summary: title = "Summary"
        case .section:
            let parts = stored.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
            title = parts.first.map(String.init) ?? ""
            body = parts.count > 1 ? String(parts[1]) : ""
        default: break
        }
        let wanted = Set(terms)
        var snippet = Snippet.make(body, wanted: wanted, analyzer: analyzer)
        if !snippet.contains(where: \.matched), record.kind == .chapter || record.kind == .takeaway {
            // Matched through the episode's notes: show where, from its summary or takeaways.
            let first = try reader.firstMoment(ofEpisode: episode)
            for (offset, other) in try reader.momentRecords(ofEpisode: episode).enumerated() where first + offset != moment {
                guard other.kind == .summary || other.kind == .takeaway else { continue }
                guard let text = try texts.text(first + offset, episode: episode, path: source) else { break }
                let found = Snippet.make(text, wanted: wanted, analyzer: analyzer)
                if found.contains(where: \.matched) {
                    snippet = found
                    break
                }
            }
        }
        let audio = fields[EpisodeString.audio.rawValue]
        let page = fields[EpisodeString.link.rawValue]
        var link: String? = page.isEmpty ? nil : page
        if let start = record.start, !audio.isEmpty { link = audio + "#t=" + JSONValue.numberText(start) }
        func optional(_ field: EpisodeString) -> String? { fields[field.rawValue].isEmpty ? nil : fields[field.rawValue] }
        return Hit(kind: record.kind, start: record.start, title: title, snippet: snippet,
                   episodeTitle: optional(.title), podcast: optional(.podcast),
                   source: source, guid: optional(.guid), link: link, score: score,
                   published: optional(.published))
    }
}

extension Searcher {
    /// What a result shows for a text whose source is missing or changed (`MomentTextReader`).
    static let unavailableText = "[text unavailable: its source is missing or changed since the index was built]"
}

/// A short window of text around the first matched word, with matched words marked.
enum Snippet {
    static let words = 24

    static func make(_ text: String, wanted: Set<String>, analyzer: Analyzer) -> [(text: String, matched: Bool)] {
        // Split on the bytes (a space or a line feed), not on Characters: grapheme breaking
        // was most of the snippet's cost.
        let pieces = text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A }).map { Substring($0) }
        // A word can only match a term that starts with its first (folded) letter: check that
        // cheaply before analysing the word.
        let initials = Set(wanted.compactMap { $0.utf8.first })
        func matches(_ piece: Substring) -> Bool {
            let first = piece.utf8.first(where: { !($0 < 0x80 && !(($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) && !($0 >= 0x30 && $0 <= 0x39)) })
            if let first, first < 0x80, !initials.contains(first | (first >= 0x41 && first <= 0x5A ? 0x20 : 0)) { return false }
            return analyzer.tokens(String(piece)).tokens.contains { wanted.contains($0.term) }
        }
        // Only the words up to the first match and those of the window are analysed.
        let firstMatch = pieces.firstIndex(where: matches)
        let start = max(0, min((firstMatch ?? 0) - 6, pieces.count - words))
        let end = min(pieces.count, start + words)
        func marked(_ index: Int) -> Bool {
            guard let firstMatch, index >= firstMatch else { return false }
            return index == firstMatch || matches(pieces[index])
        }
        var result: [(String, Bool)] = []
        if start > 0 { result.append(("…", false)) }
        for index in start..<end {
            if index > start { result.append((" ", false)) }
            result.append((String(pieces[index]), marked(index)))
        }
        if end < pieces.count { result.append(("…", false)) }
        return result
    }
}
