extension Searcher {
    /// Consecutive terms within one field: the moments whose own text holds the phrase and
    /// the episodes whose context does, found by reading the positions of every document that
    /// holds all the terms. With long lists, the second half of the documents (by episode, and
    /// the moments of those episodes) is read on a second thread: that reading is most of a
    /// phrase query (`"team culture"` at 100,000 episodes: 37,000 episodes hold both words).
    func phraseMatch(_ terms: [String], field: SearchQuery.Field?) throws(IndexCorruption) -> ClauseMatch {
        var result = ClauseMatch()
        result.terms = terms
        result.isPhrase = true
        result.notesAllowed = matchesOwnText(field)
        guard !terms.isEmpty else { return result }
        var infos: [IndexReader.TermInfo] = []
        for term in terms {
            guard let info = try reader.lookup(term) else { return result }
            infos.append(info)
        }
        result.idf = infos.reduce(0.0) { $0 + idf(Double($1.momentCount) + Double($1.episodeCount) * momentsPerEpisode) }
        let momentLists = matchesOwnText(field) ? try infos.map { info throws(IndexCorruption) in try reader.momentPostings(info) } : []
        let episodeLists = try infos.map { info throws(IndexCorruption) in try reader.episodePostings(info) }
        result.episodeLists = episodeLists
        let allowed = fields(field)
        let shortest = infos.map { $0.episodeCount + $0.momentCount }.min() ?? 0
        let split = shortest >= Self.episodesWorthASecondThread ? UInt32(reader.episodeCount / 2) : nil
        try appendPhrases(momentLists, episodeLists, allowed: allowed, splitAt: split, to: &result)
        return result
    }

    /// Appends to `result` the phrase's matches in every episode and moment; with `splitAt`,
    /// those from that episode on are found on a second thread (`PhraseSplitTests`: the
    /// same matches wherever the cut).
    func appendPhrases(_ momentLists: [Postings], _ episodeLists: [Postings], allowed: [Int], splitAt middle: UInt32?,
                       to result: inout ClauseMatch) throws(IndexCorruption) {
        let end = UInt32(reader.episodeCount)
        guard let middle, middle > 0, middle < end else {
            try appendPhrases(momentLists, episodeLists, episodes: 0..<end, allowed: allowed, to: &result)
            return
        }
        var second = ClauseMatch()
        try Self.inParallel({ () throws(IndexCorruption) in
            try self.appendPhrases(momentLists, episodeLists, episodes: middle..<end, allowed: allowed, to: &second)
        }, alongside: { () throws(IndexCorruption) in
            try self.appendPhrases(momentLists, episodeLists, episodes: 0..<middle, allowed: allowed, to: &result)
        })
        result.moments += second.moments
        result.momentFrequency.append(contentsOf: second.momentFrequency)
        result.episodes += second.episodes
        result.episodeFrequency.append(contentsOf: second.episodeFrequency)
        result.notesCeiling.append(contentsOf: second.notesCeiling)
    }

    /// Appends to `result` the phrase's matches among `episodes` and their moments: per
    /// moment holding it, its count; per episode, its count in each allowed context field and
    /// its notes ceiling. Reads only the index (both halves of a phrase run at once).
    private func appendPhrases(_ momentLists: [Postings], _ episodeLists: [Postings], episodes: Range<UInt32>, allowed: [Int],
                               to result: inout ClauseMatch) throws(IndexCorruption) {
        if !momentLists.isEmpty {
            var momentLists = momentLists
            let moments = try reader.moments(ofEpisodes: episodes)
            var cursors = [PositionsCursor](repeating: PositionsCursor(), count: momentLists.count)
            var positions = [[UInt32]](repeating: [], count: momentLists.count)
            var common = CommonDocuments(momentLists, in: moments)
            while let document = common.next() {
                for term in momentLists.indices {
                    positions[term].removeAll(keepingCapacity: true)
                    try reader.appendPositions(&momentLists[term], at: common.indices[term], field: 0, cursor: &cursors[term], to: &positions[term])
                }
                let count = Self.phraseCount(positions)
                if count > 0 {
                    result.moments.append(document)
                    result.momentFrequency.append(UInt32(clamping: count))
                }
            }
        }
        let notes = IndexFormat.EpisodeField.notes.rawValue
        var lists = episodeLists
        var cursors = [PositionsCursor](repeating: PositionsCursor(), count: lists.count)
        // Per term, per field, that term's positions in the current document (storage reused).
        var positions = [[[UInt32]]](repeating: [[UInt32]](repeating: [], count: ClauseMatch.fieldCount), count: lists.count)
        var fieldPositions = [[UInt32]](repeating: [], count: lists.count)
        var counts = [UInt32](repeating: 0, count: ClauseMatch.fieldCount)
        // A loop, not a closure over these buffers: mutable captures cost a runtime
        // exclusivity check on every access (a third of a phrase query's time).
        var common = CommonDocuments(lists, in: episodes)
        let firstWordCeilings = lists[0].notesCeilings
        while let document = common.next() {
            for term in lists.indices {
                try reader.readPositions(&lists[term], at: common.indices[term], cursor: &cursors[term], into: &positions[term])
            }
            for index in counts.indices { counts[index] = 0 }
            for field in allowed { counts[field] = UInt32(clamping: Self.phraseCount(field, in: &positions, scratch: &fieldPositions)) }
            if counts.contains(where: { $0 > 0 }) {
                result.episodes.append(document)
                for count in counts { result.episodeFrequency.append(count) }
                // A phrase starts where its first word is: it is in no takeaway more often than that word.
                let phrases = UInt32(clamping: Self.phraseCount(notes, in: &positions, scratch: &fieldPositions))
                let levels = UInt32(NotesCeilings.levels)
                result.notesCeiling.append(min(phrases.multipliedReportingOverflow(by: levels).overflow ? .max : phrases * levels,
                                               firstWordCeilings[common.indices[0]]))
            }
        }
    }

    /// How many positions `p` have list `k` holding `p + k` for every `k` (`phraseStarts`, counted).
    static func phraseCount(_ lists: [[UInt32]]) -> Int {
        lists.first?.reduce(0) { count, start in isPhraseStart(start, lists) ? count + 1 : count } ?? 0
    }

    /// Positions `p` where list `k` holds `p + k` for every `k`.
    static func phraseStarts(_ lists: [[UInt32]]) -> [UInt32] {
        lists.first?.filter { isPhraseStart($0, lists) } ?? []
    }

    private static func isPhraseStart(_ start: UInt32, _ lists: [[UInt32]]) -> Bool {
        lists.indices.dropFirst().allSatisfy { offset in ClauseMatch.find(lists[offset], start &+ UInt32(truncatingIfNeeded: offset)) != nil }
    }

    /// Phrases in one field of per-term, per-field position lists (`readPositions`); the
    /// field's lists are moved into `scratch` and back, not copied.
    static func phraseCount(_ field: Int, in positions: inout [[[UInt32]]], scratch: inout [[UInt32]]) -> Int {
        for term in positions.indices { swap(&scratch[term], &positions[term][field]) }
        defer { for term in positions.indices { swap(&scratch[term], &positions[term][field]) } }
        return phraseCount(scratch)
    }
}
