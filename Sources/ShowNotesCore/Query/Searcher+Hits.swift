extension Searcher {
    /// Builds the result line's data for a moment.
    func hit(_ moment: Int, score: Double, terms: [String]) throws(IndexCorruption) -> Hit {
        let stored = try reader.moment(moment)
        let fields = try reader.episodeFields(stored.episode)
        var title = stored.text
        var body = stored.text
        switch stored.kind {
        case .summary: title = "Summary"
        case .section:
            let parts = stored.text.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
            title = parts.first.map(String.init) ?? ""
            body = parts.count > 1 ? String(parts[1]) : ""
        default: break
        }
        let wanted = Set(terms)
        var snippet = Snippet.make(body, wanted: wanted, analyzer: analyzer)
        if !snippet.contains(where: \.matched), stored.kind == .chapter || stored.kind == .takeaway {
            // Matched through the episode's notes: show where, from its summary or takeaways.
            let first = try reader.firstMoment(ofEpisode: stored.episode)
            let end = try reader.firstMoment(ofEpisode: stored.episode + 1)
            for other in first..<end where other != moment {
                let candidate = try reader.moment(other)
                guard candidate.kind == .summary || candidate.kind == .takeaway else { continue }
                let found = Snippet.make(candidate.text, wanted: wanted, analyzer: analyzer)
                if found.contains(where: \.matched) {
                    snippet = found
                    break
                }
            }
        }
        let audio = fields[5]
        let link: String?
        if let start = stored.start, !audio.isEmpty {
            link = audio + "#t=" + JSONValue.number(start)
        } else {
            link = fields[4].isEmpty ? nil : fields[4]
        }
        return Hit(kind: stored.kind, start: stored.start, title: title, snippet: snippet,
                   episodeTitle: fields[0].isEmpty ? nil : fields[0], podcast: fields[1].isEmpty ? nil : fields[1],
                   source: fields[2], guid: fields[3].isEmpty ? nil : fields[3], link: link, score: score)
    }
}

/// A short window of text around the first matched word, with matched words marked.
enum Snippet {
    static let words = 24

    static func make(_ text: String, wanted: Set<String>, analyzer: Analyzer) -> [(text: String, matched: Bool)] {
        let pieces = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        var marks: [Bool] = []
        marks.reserveCapacity(pieces.count)
        for piece in pieces {
            let terms = analyzer.tokens(String(piece)).tokens.map(\.term)
            marks.append(terms.contains(where: wanted.contains))
        }
        let firstMatch = marks.firstIndex(of: true) ?? 0
        let start = max(0, min(firstMatch - 6, pieces.count - words))
        let end = min(pieces.count, start + words)
        var result: [(String, Bool)] = []
        if start > 0 { result.append(("…", false)) }
        for index in start..<end {
            if index > start { result.append((" ", false)) }
            result.append((String(pieces[index]), marks[index]))
        }
        if end < pieces.count { result.append(("…", false)) }
        return result
    }
}
