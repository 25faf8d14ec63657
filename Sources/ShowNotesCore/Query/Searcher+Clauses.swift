extension Searcher {
    /// Which context fields a clause may match in: all four by default.
    private func fields(_ field: SearchQuery.Field?) -> [Int] {
        switch field {
        case nil: return [0, 1, 2, 3]
        case .title: return [0]
        case .podcast: return [1]
        case .person: return [0, 2]
        }
    }

    private func matchesOwnText(_ field: SearchQuery.Field?) -> Bool { field == nil || field == .title }

    func match(_ clause: SearchQuery.Clause) throws(IndexCorruption) -> ClauseMatch {
        switch clause {
        case .word(let text, let field):
            let terms = analyzer.queryTerms(text)
            if terms.count == 1, let term = terms.first { return try termMatch([term], field: field) }
            return try phraseMatch(analyzer.phraseTerms(text), field: field)
        case .prefix(let text, let field):
            guard let term = Analyzer.compounds(text).last.map({ $0.parts.joined() }) else { return ClauseMatch() }
            let expanded = try reader.terms(withPrefix: term).map(\.term)
            return try termMatch(expanded.isEmpty ? [term] : expanded, field: field)
        case .phrase(let text, let field):
            let terms = analyzer.phraseTerms(text)
            return terms.count == 1 ? try termMatch(terms, field: field) : try phraseMatch(terms, field: field)
        case .any(let alternatives):
            return ClauseMatch.union(try alternatives.map { alternative throws(IndexCorruption) in try match(alternative) })
        }
    }

    /// One term (or the union of a prefix's terms).
    private func termMatch(_ terms: [String], field: SearchQuery.Field?) throws(IndexCorruption) -> ClauseMatch {
        var momentFrequency: [UInt32: Double] = [:]
        var episodeFields: [UInt32: [Double]] = [:]
        var documentFrequency = 0.0
        let fieldList = fields(field)
        for term in terms {
            guard let info = try reader.lookup(term) else { continue }
            if matchesOwnText(field) {
                let postings = try reader.momentPostings(info)
                for (index, moment) in postings.documents.enumerated() {
                    momentFrequency[moment, default: 0] += Double(postings.frequency(index))
                }
            }
            let postings = try reader.episodePostings(info)
            for (index, episode) in postings.documents.enumerated() {
                var counts = episodeFields[episode] ?? [0, 0, 0, 0]
                var any = false
                for field in fieldList where postings.frequency(index, field: field) > 0 {
                    counts[field] += Double(postings.frequency(index, field: field))
                    any = true
                }
                if any { episodeFields[episode] = counts }
            }
            documentFrequency += Double(info.momentCount) + Double(info.episodeCount) * momentsPerEpisode
        }
        var result = weigh(momentFrequency: momentFrequency, episodeFields: episodeFields)
        result.idf = idf(documentFrequency)
        result.terms = terms
        return result
    }

    /// Consecutive terms within one field.
    private func phraseMatch(_ terms: [String], field: SearchQuery.Field?) throws(IndexCorruption) -> ClauseMatch {
        guard !terms.isEmpty else { return ClauseMatch() }
        var infos: [IndexReader.TermInfo] = []
        for term in terms {
            guard let info = try reader.lookup(term) else { return ClauseMatch() }
            infos.append(info)
        }
        var momentFrequency: [UInt32: Double] = [:]
        var episodeFields: [UInt32: [Double]] = [:]
        if matchesOwnText(field) {
            let lists = try infos.map { info throws(IndexCorruption) in try reader.momentPostings(info) }
            for (document, count) in try phraseOccurrences(lists) {
                momentFrequency[document] = Double(count.reduce(0, +))
            }
        }
        let lists = try infos.map { info throws(IndexCorruption) in try reader.episodePostings(info) }
        let allowed = fields(field)
        for (document, counts) in try phraseOccurrences(lists) {
            var weights = [0.0, 0.0, 0.0, 0.0]
            for field in allowed where field < counts.count { weights[field] = Double(counts[field]) }
            if weights.contains(where: { $0 > 0 }) { episodeFields[document] = weights }
        }
        var result = weigh(momentFrequency: momentFrequency, episodeFields: episodeFields)
        result.idf = infos.reduce(0.0) { total, info in
            total + idf(Double(info.momentCount) + Double(info.episodeCount) * momentsPerEpisode)
        }
        result.terms = terms
        return result
    }

    /// Documents where the lists' terms occur at consecutive positions, with the count per field
    /// (positions of field `f` start at `f × 1,000,000`).
    private func phraseOccurrences(_ lists: [Postings]) throws(IndexCorruption) -> [(UInt32, [Int])] {
        guard var common = lists.first?.documents else { return [] }
        for list in lists.dropFirst() { common = common.filter { Set(list.documents).contains($0) } }
        guard !common.isEmpty else { return [] }
        let wanted = Set(common)
        var positionMaps: [[UInt32: [UInt32]]] = []
        for list in lists {
            let positions = try reader.positions(list)
            var map: [UInt32: [UInt32]] = [:]
            for (index, document) in list.documents.enumerated() where wanted.contains(document) { map[document] = positions[index] }
            positionMaps.append(map)
        }
        var result: [(UInt32, [Int])] = []
        for document in common {
            var counts = [0, 0, 0, 0]
            let firstPositions = positionMaps[0][document] ?? []
            for start in firstPositions {
                var ok = true
                for offset in 1..<lists.count {
                    guard let next = positionMaps[offset][document], next.contains(start + UInt32(offset)) else { ok = false; break }
                }
                if ok { counts[min(3, Int(start / 1_000_000))] += 1 }
            }
            if counts.contains(where: { $0 > 0 }) { result.append((document, counts)) }
        }
        return result
    }

    private var momentsPerEpisode: Double {
        reader.episodeCount == 0 ? 1 : Double(reader.momentCount) / Double(reader.episodeCount)
    }

    private func idf(_ documentFrequency: Double) -> Double {
        let total = Double(max(1, reader.momentCount))
        let df = min(documentFrequency, total)
        return log(1 + (total - df + 0.5) / (df + 0.5))
    }

    /// Length-normalised, field-weighted frequencies (BM25F's pseudo term frequency).
    private func weigh(momentFrequency: [UInt32: Double], episodeFields: [UInt32: [Double]]) -> ClauseMatch {
        var result = ClauseMatch()
        for moment in momentFrequency.keys.sorted() {
            let length = reader.momentNorm(Int(moment))
            let normaliser = 1 - Ranking.b + Ranking.b * length / max(1, reader.averageMomentLength)
            result.moments.append(moment)
            result.momentWeight.append(Ranking.ownWeight * (momentFrequency[moment] ?? 0) / normaliser)
        }
        for episode in episodeFields.keys.sorted() {
            let counts = episodeFields[episode] ?? []
            var weight = 0.0
            for (field, count) in counts.enumerated() where count > 0 {
                let length = reader.episodeNorm(Int(episode), field: field)
                let average = field < reader.averageEpisodeLengths.count ? reader.averageEpisodeLengths[field] : 1
                weight += Ranking.fieldWeights[field] * count / (1 - Ranking.b + Ranking.b * length / max(1, average))
            }
            result.episodes.append(episode)
            result.episodeWeight.append(weight)
        }
        return result
    }
}

/// Natural logarithm without Foundation (the search path avoids it for start-up time).
func log(_ x: Double) -> Double {
    guard x > 0 else { return -.infinity }
    // Reduce to m·2^e with m in [1, 2), then a series for ln(m).
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
