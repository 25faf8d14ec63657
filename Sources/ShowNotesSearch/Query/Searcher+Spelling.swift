extension Searcher {
    /// Corrections for the required words the index does not know (letters only, four or
    /// more), each replaced by its best vocabulary neighbour; nil when none has one.
    public func correction(for query: SearchQuery) throws(IndexCorruption) -> Correction? {
        var replacements: [Correction.Replacement] = []
        var corrected = query
        corrected.required = try query.required.map { clause throws(IndexCorruption) in try correctedClause(clause, &replacements) }
        return replacements.isEmpty ? nil : Correction(replacements: replacements, query: corrected)
    }

    private func correctedClause(_ clause: SearchQuery.Clause, _ replacements: inout [Correction.Replacement]) throws(IndexCorruption) -> SearchQuery.Clause {
        switch clause {
        case .word(let text, let field):
            return .word(try correctedWord(text, &replacements) ?? text, field)
        case .phrase(let text, let field):
            var changed = false
            var words: [String] = []
            for word in text.split(whereSeparator: \.isWhitespace).map(String.init) {
                if let better = try correctedWord(word, &replacements) {
                    words.append(better)
                    changed = true
                } else {
                    words.append(word)
                }
            }
            return changed ? .phrase(words.joined(separator: " "), field) : clause
        case .any(let alternatives):
            return .any(try alternatives.map { alternative throws(IndexCorruption) in try correctedClause(alternative, &replacements) })
        case .prefix:
            return clause
        }
    }

    /// The replacement for a typed word the index does not know, if any.
    private func correctedWord(_ typed: String, _ replacements: inout [Correction.Replacement]) throws(IndexCorruption) -> String? {
        guard let folded = Self.foldedWord(typed), let term = analyzer.queryTerms(typed).first,
              try reader.lookup(term) == nil,
              let best = try near(folded, limit: 1).first
        else { return nil }
        replacements.append(Correction.Replacement(typed: Self.trimmed(typed), suggested: best.word))
        return best.word
    }

    /// A fuzzy word's neighbours in the vocabulary, as extra alternatives at a discount
    /// (`Ranking.fuzzyBoost`), never with a higher idf than the word itself has.
    func neighbours(of clause: SearchQuery.Clause, typedMatch: ClauseMatch) throws(IndexCorruption) -> [ClauseMatch] {
        guard case .word(let typed, let field) = clause, let folded = Self.foldedWord(typed),
              let own = analyzer.queryTerms(typed).first
        else { return [] }
        let ownIDF: Double? = typedMatch.moments.isEmpty && typedMatch.episodes.isEmpty ? nil : typedMatch.idf
        var result: [ClauseMatch] = []
        var stems: Set<String> = [own]
        for candidate in try near(folded, limit: 24) where result.count < Ranking.fuzzyNeighbours {
            let stem = analyzer.normalise(candidate.word)
            guard stems.insert(stem).inserted else { continue }
            var neighbour = try match(.word(candidate.word, field))
            neighbour.boost = candidate.distance == 1 ? Ranking.fuzzyBoost[0] : Ranking.fuzzyBoost[1]
            if let ownIDF { neighbour.idf = min(neighbour.idf, ownIDF) }
            neighbour.typed = Self.trimmed(typed)
            result.append(neighbour)
        }
        return result
    }

    /// Vocabulary words within the allowed distance of `word` (folded bytes), sharing its
    /// first letter (typos rarely hit the first letter, and this keeps the scan to one small
    /// range of the sorted vocabulary): nearest first, then the most frequent.
    func near(_ word: [UInt8], limit: Int) throws(IndexCorruption) -> [(word: String, distance: Int, frequency: Int)] {
        let letters = String(decoding: word, as: UTF8.self).unicodeScalars.count
        let bound = EditDistance.allowed(forLength: letters)
        guard bound > 0, let first = word.first else { return [] }
        var found: [(word: [UInt8], distance: Int, frequency: Int)] = []
        var distance = EditDistance()
        distance.prepare(word)
        try Vocabulary(reader).forEachWord(startingWith: [first]) { candidate, frequency in
            if candidate != word, abs(candidate.count - word.count) <= bound, distance.mayBeWithin(candidate, bound: bound) {
                let d = distance.distance(word, candidate, bound: bound)
                if d <= bound { found.append((candidate, d, frequency)) }
            }
            return true
        }
        found.sort { a, b in
            if a.distance != b.distance { return a.distance < b.distance }
            if a.frequency != b.frequency { return a.frequency > b.frequency }
            return a.word.lexicographicallyPrecedes(b.word)
        }
        return found.prefix(limit).map { (String(decoding: $0.word, as: UTF8.self), $0.distance, $0.frequency) }
    }

    /// The folded bytes of a typed word made of letters only (`Culutre,` → `culutre`); nil otherwise.
    static func foldedWord(_ typed: String) -> [UInt8]? {
        let compounds = Analyzer.compounds(typed)
        guard compounds.count == 1, let parts = compounds.first?.parts, parts.count == 1, let part = parts.first,
              SurfaceWords.isWord(part)
        else { return nil }
        return Array(part.utf8)
    }

    /// The typed word without surrounding punctuation, as it appears in the query text.
    static func trimmed(_ typed: String) -> String {
        let letters = typed.drop { !($0.isLetter || $0.isNumber) }
        return String(letters.reversed().drop { !($0.isLetter || $0.isNumber) }.reversed())
    }
}
