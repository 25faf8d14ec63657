extension Searcher {
    /// Which context fields a clause may match in: all four by default.
    func fields(_ field: SearchQuery.Field?) -> [Int] {
        switch field {
        case nil: return [0, 1, 2, 3]
        case .title: return [0]
        case .podcast: return [1]
        case .person: return [0, 2]
        }
    }

    /// Whether a clause may match a moment's own text (chapter titles, sections, takeaways, summaries).
    func matchesOwnText(_ field: SearchQuery.Field?) -> Bool { field == nil || field == .title }

    func match(_ clause: SearchQuery.Clause) throws(IndexCorruption) -> ClauseMatch {
        switch clause {
        case .word(let text, let field):
            let terms = analyzer.queryTerms(text)
            if terms.count == 1 { return try termMatch(terms, field: field) }
            return try phraseMatch(analyzer.phraseTerms(text), field: field)
        case .prefix(let text, let field):
            guard let compound = Analyzer.compounds(text).last else { return ClauseMatch() }
            var stem = ""
            for scalar in compound.parts.joined().unicodeScalars { _ = Folding.appendFolded(scalar, to: &stem) }
            let expanded = try reader.terms(withPrefix: stem).map(\.term)
            return try termMatch(expanded, field: field)
        case .phrase(let text, let field):
            let terms = analyzer.phraseTerms(text)
            return terms.count == 1 ? try termMatch(terms, field: field) : try phraseMatch(terms, field: field)
        case .any:
            return ClauseMatch()   // flattened by `part`
        }
    }

    /// One term, or the union of a prefix's terms.
    private func termMatch(_ terms: [String], field: SearchQuery.Field?) throws(IndexCorruption) -> ClauseMatch {
        var result = ClauseMatch()
        result.terms = terms
        result.notesAllowed = matchesOwnText(field)
        let allowed = fields(field)
        var documentFrequency = 0.0
        var momentLists: [Postings] = []
        for term in terms {
            guard let info = try reader.lookup(term) else { continue }
            if matchesOwnText(field) { momentLists.append(try reader.momentPostings(info)) }
            result.episodeLists.append(try reader.episodePostings(info))
            documentFrequency += Double(info.momentCount) + Double(info.episodeCount) * momentsPerEpisode
        }
        (result.moments, result.momentFrequency) = Self.merge(momentLists)
        let fieldCount = ClauseMatch.fieldCount
        var allowedMask = 0
        for field in allowed { allowedMask |= 1 << field }
        if result.episodeLists.count == 1, let list = result.episodeLists.first, allowedMask == (1 << fieldCount) - 1 {
            // One term in every field (the common case): the list as it is.
            result.episodes = list.documents
            result.episodeFrequency = list.frequencies
            result.notesCeiling = list.notesCeilings
        } else {
            // Each list's allowed field counts, appended episode by episode; several lists (a
            // prefix's terms) are gathered, sorted by episode and summed.
            var entries: [(episode: UInt32, list: Int32, index: Int32)] = []
            for (number, list) in result.episodeLists.enumerated() {
                for index in list.documents.indices { entries.append((list.documents[index], Int32(number), Int32(index))) }
            }
            if result.episodeLists.count > 1 { entries.sort { $0.episode < $1.episode } }
            for entry in entries {
                let list = result.episodeLists[Int(entry.list)]
                if result.episodes.last != entry.episode {
                    result.dropLastIfUnmatched()
                    result.episodes.append(entry.episode)
                    for _ in 0..<fieldCount { result.episodeFrequency.append(0) }
                    result.notesCeiling.append(0)
                }
                let base = result.episodeFrequency.count - fieldCount
                for field in 0..<fieldCount where allowedMask & (1 << field) != 0 {
                    result.episodeFrequency[base + field] = result.episodeFrequency[base + field].adding(saturating: list.frequency(Int(entry.index), field: field))
                }
                result.notesCeiling[result.notesCeiling.count - 1] = result.notesCeiling[result.notesCeiling.count - 1]
                    .adding(saturating: list.notesCeilings[Int(entry.index)])
            }
            result.dropLastIfUnmatched()
        }
        result.idf = idf(documentFrequency)
        return result
    }

    /// Where a clause starts in an episode's notes field (for takeaway and summary ranges),
    /// ascending, into `starts` (emptied first; its storage is reused episode after episode).
    func notesStarts(_ clause: ClauseMatch, episode: UInt32, cursors: inout [PositionsCursor],
                     into starts: inout [UInt32]) throws(IndexCorruption) {
        starts.removeAll(keepingCapacity: true)
        let notes = IndexFormat.EpisodeField.notes.rawValue
        if clause.isPhrase {
            var lists: [[UInt32]] = []
            for (number, var list) in clause.episodeLists.enumerated() {
                guard let index = list.index(of: episode) else { return }
                var positions: [UInt32] = []
                try reader.appendPositions(&list, at: index, field: notes, cursor: &cursors[number], to: &positions)
                lists.append(positions)
            }
            starts = Self.phraseStarts(lists)
            return
        }
        for (number, var list) in clause.episodeLists.enumerated() {
            guard let index = list.index(of: episode) else { continue }
            try reader.appendPositions(&list, at: index, field: notes, cursor: &cursors[number], to: &starts)
        }
        if clause.episodeLists.count > 1 { starts.sort() }
    }

    /// The sorted union of the lists' documents, with their frequencies summed per document
    /// (one list: its own arrays, shared, not copied).
    static func merge(_ lists: [Postings]) -> ([UInt32], CompactCounts) {
        if lists.count == 1, let list = lists.first, list.fields == 1 { return (list.documents, list.frequencies) }
        var pairs: [(UInt32, UInt32)] = []
        for list in lists {
            for index in list.documents.indices { pairs.append((list.documents[index], UInt32(clamping: list.totalFrequency(index)))) }
        }
        pairs.sort { $0.0 < $1.0 }
        var documents: [UInt32] = []
        var values = CompactCounts()
        for (document, amount) in pairs {
            if documents.last == document, values.count > 0 { values[values.count - 1] = values[values.count - 1].adding(saturating: amount) } else {
                documents.append(document)
                values.append(amount)
            }
        }
        return (documents, values)
    }

    var momentsPerEpisode: Double {
        reader.episodeCount == 0 ? 1 : Double(reader.momentCount) / Double(reader.episodeCount)
    }

    func idf(_ documentFrequency: Double) -> Double {
        let total = Double(max(1, reader.momentCount))
        let df = min(documentFrequency, total)
        return log(1 + (total - df + 0.5) / (df + 0.5))
    }
}

/// Natural logarithm without Foundation (the search path avoids it for start-up time).
func log(_ x: Double) -> Double {
    guard x > 0 else { return -.infinity }
    var exponent = 0.0
    var mantissa = x
    while mantissa >= 2 { mantissa /= 2; exponent += 1 }
    while mantissa < 1 { mantissa *= 2; exponent -= 1 }
    let y = (mantissa - 1) / (mantissa + 1)
    var term = y
    var sum = 0.0
    var n = 1.0
    for _ in 0..<20 {
        sum += term / n
        term *= y * y
        n += 2
    }
    return 2 * sum + exponent * 0.6931471805599453
}
