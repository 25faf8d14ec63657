/// Where one query clause (a word, a prefix, a phrase) matches: moments whose own text has
/// it (chapters, page sections) and episodes whose context has it, with the frequencies
/// BM25F needs. Takeaways and summaries are ranges of their episode's notes field, so their
/// own matches come from the notes positions (`notesPositions`), decoded only when needed.
struct ClauseMatch {
    var terms: [String] = []
    var isPhrase = false
    var idf = 0.0
    /// Multiplies the clause's score: 1, or less for a fuzzy neighbour of what was typed.
    var boost = 1.0
    /// For a fuzzy neighbour: the word it stands for (shown by `--explain`).
    var typed: String? = nil
    /// Frequencies are counts, kept in a byte each where they fit (`CompactCounts`): a
    /// one-word query at 100,000 episodes holds ~100,000 of them, and memory is page faults.
    var moments: [UInt32] = []
    var momentFrequency = CompactCounts()
    var episodes: [UInt32] = []
    /// Per matched episode, the frequency in each of the four fields (zero outside the allowed
    /// fields), flat: episode `i`'s field `f` is at `i * fieldCount + f`.
    var episodeFrequency = CompactCounts()
    /// Per matched episode, in `NotesCeilings.levels`ths of a frequency, a ceiling of what its
    /// best takeaway or summary holds of the clause, relative to its shortest one: each term's
    /// notes frequency times its level, summed (even when the clause's field leaves notes out
    /// of the context: `title:` still matches takeaways' own text). Only score bounds read it.
    var notesCeiling = CompactCounts()
    /// Whether the notes field may match (not for `title:`, `podcast:`, `person:`).
    var notesAllowed = true
    /// The term lists, for positions in the notes field.
    var episodeLists: [Postings] = []

    static let fieldCount = IndexFormat.EpisodeField.allCases.count

    /// The frequency in one context field of the `index`-th matched episode.
    func frequency(_ index: Int, field: Int) -> UInt32 { episodeFrequency[index * Self.fieldCount + field] }

    /// The context part of BM25F's pseudo-frequency in the `index`-th matched episode: each
    /// field's frequency, weighted, over that field's length normaliser.
    @inline(__always)
    func contextPseudoFrequency(_ index: Int, normaliser: (Int) -> Double) -> Double {
        var pseudo = 0.0
        let base = index * Self.fieldCount
        for field in 0..<Self.fieldCount {
            let frequency = episodeFrequency[base + field]
            if frequency > 0 { pseudo += Ranking.fieldWeights[field] * Double(frequency) / normaliser(field) }
        }
        return pseudo
    }

    /// The same for a score bound, given each field's weight over its normaliser (`scales`,
    /// the four from `start`): multiplications, not divisions, for the thousands of candidates
    /// bounded per query. It may differ from the above by rounding, which a bound's margin covers.
    @inline(__always)
    func contextPseudoFrequency(_ index: Int, scales: [Double], from start: Int) -> Double {
        var pseudo = 0.0
        let base = index * Self.fieldCount
        for field in 0..<Self.fieldCount { pseudo += Double(episodeFrequency[base + field]) * scales[start + field] }
        return pseudo
    }

    /// The four field frequencies of the `index`-th matched episode.
    func frequencies(_ index: Int) -> [UInt32] {
        (0..<Self.fieldCount).map { frequency(index, field: $0) }
    }

    /// Removes the last matched episode when none of its allowed fields has the clause.
    mutating func dropLastIfUnmatched() {
        guard let last = episodes.indices.last, (0..<Self.fieldCount).allSatisfy({ frequency(last, field: $0) == 0 }) else { return }
        episodes.removeLast()
        episodeFrequency.removeLast(Self.fieldCount)
        notesCeiling.removeLast()
    }

    static func find(_ sorted: [UInt32], _ value: UInt32) -> Int? {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value ? low : nil
    }
}

extension UInt32 {
    /// The sum, or `.max` where it would overflow: frequencies summed from a damaged index
    /// must not trap.
    func adding(saturating other: UInt32) -> UInt32 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}

/// A required or excluded part of a query: one clause, or alternatives joined by `OR`.
struct QueryPart {
    var alternatives: [ClauseMatch]

    /// How many entries its lists hold: the most episodes it can touch.
    var size: Int { alternatives.reduce(0) { $0 + $1.episodes.count + $1.moments.count } }

    /// Episodes this part can match in (through context or through one of their moments),
    /// ascending: each alternative's two sorted lists are merged, alternatives are united.
    /// Only those in `range`, when given.
    func touchedEpisodes(reader: IndexReader, in range: Range<UInt32>? = nil) throws(IndexCorruption) -> [UInt32] {
        let momentRange = try range.map { range throws(IndexCorruption) in try reader.moments(ofEpisodes: range) }
        var touched: [UInt32] = []
        for clause in alternatives {
            var episodes = clause.episodes[...]
            if let range { episodes = episodes[Self.slice(clause.episodes, range)] }
            var moments = clause.moments[...]
            if let momentRange { moments = clause.moments[Self.slice(clause.moments, momentRange)] }
            var ofMoments: [UInt32] = []
            try reader.appendEpisodes(ofSortedMoments: moments, to: &ofMoments)
            touched = Self.union(touched, Self.union(Array(episodes), ofMoments))
        }
        return touched
    }

    /// Those of ascending `episodes` this part can match in (`touchedEpisodes`, without listing
    /// all of them): each alternative's lists are searched forward by galloping.
    func touched(among episodes: [UInt32], reader: IndexReader) throws(IndexCorruption) -> [UInt32] {
        var firsts = [UInt32](repeating: 0, count: episodes.count)
        var ends = [UInt32](repeating: 0, count: episodes.count)
        for (index, episode) in episodes.enumerated() {
            firsts[index] = UInt32(try reader.firstMoment(ofEpisode: Int(episode)))
            ends[index] = UInt32(try reader.firstMoment(ofEpisode: Int(episode) + 1))
        }
        var keep = [Bool](repeating: false, count: episodes.count)
        for clause in alternatives {
            let contexts = clause.episodes, moments = clause.moments
            var contextCursor = 0, momentCursor = 0
            for (index, episode) in episodes.enumerated() where !keep[index] {
                contextCursor = Self.gallop(contexts, from: contextCursor, to: episode)
                if contextCursor < contexts.count && contexts[contextCursor] == episode {
                    keep[index] = true   // its moments need not be looked at
                    continue
                }
                momentCursor = Self.gallop(moments, from: momentCursor, to: firsts[index])
                keep[index] = momentCursor < moments.count && moments[momentCursor] < ends[index]
            }
        }
        return episodes.indices.filter { keep[$0] }.map { episodes[$0] }
    }

    /// Where the values of ascending `sorted` within `range` are.
    static func slice(_ sorted: [UInt32], _ range: Range<UInt32>) -> Range<Int> {
        let start = gallop(sorted, from: 0, to: range.lowerBound)
        return start..<gallop(sorted, from: start, to: range.upperBound)
    }

    /// The first index at or after `start` whose value is `value` or more: steps of 1, 2, 4…
    /// past it, then a binary search back (cheap for near values, logarithmic for far ones).
    static func gallop(_ sorted: [UInt32], from start: Int, to value: UInt32) -> Int {
        var low = start
        var step = 1
        var high = start
        while high < sorted.count, sorted[high] < value {
            low = high + 1
            high += step
            step *= 2
        }
        high = min(high, sorted.count)
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The sorted union of two ascending lists without repeats.
    static func union(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var result: [UInt32] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let next = j == b.count || (i < a.count && a[i] <= b[j]) ? a[i] : b[j]
            if i < a.count, a[i] == next { i += 1 }
            if j < b.count, b[j] == next { j += 1 }
            result.append(next)
        }
        return result
    }
}

/// BM25F parameters: a moment's own text counts most; its episode's context less.
public enum Ranking {
    static let k1 = 1.2
    static let b = 0.75
    static let ownWeight = 1.0
    /// title, podcast, people, notes
    static let fieldWeights = [0.4, 0.2, 0.3, 0.25]
    /// `--fuzzy`: how much a neighbour one (two) edits away counts, and how many are tried per word.
    static let fuzzyBoost = [0.7, 0.5]
    static let fuzzyNeighbours = 4

    /// BM25's length normaliser `1 - b + b · length / average`.
    @inline(__always)
    static func lengthNormaliser(_ length: Double, average: Double) -> Double {
        1 - b + b * length / average
    }

    /// `lengthNormaliser` of every norm byte's length (`IndexFormat.decodedNorms`), by byte:
    /// the table a search reads and the builder computes notes levels with.
    static func lengthNormalisers(average: Double) -> [Double] {
        IndexFormat.decodedNorms.map { lengthNormaliser($0, average: average) }
    }

    /// A clause's BM25F score for a pseudo-frequency: saturated by `k1`, times its idf and boost.
    @inline(__always)
    static func score(_ pseudo: Double, boost: Double, idf: Double) -> Double {
        boost * idf * pseudo / (k1 + pseudo)
    }
    /// A moment that matches only through its episode's context (no query word in its own
    /// text) is weaker evidence than one that says it: chapters and sections count 0.8,
    /// takeaways 0.9; the summary stands for the whole episode, so it is not discounted.
    /// (A switch, not a table: this runs for every such moment.)
    @inline(__always)
    static func inheritedWeight(_ kind: MomentKind) -> Double {
        switch kind {
        case .chapter, .section: 0.8
        case .takeaway: 0.9
        case .summary: 1.0
        }
    }
}
