/// How much of a term's notes frequency its best takeaway or summary can claim, stored with
/// each episode posting so that a search bounds those moments' scores without decoding
/// positions (`EpisodeBounds`).
///
/// Without it the bound must assume every occurrence in the notes sits in the episode's
/// shortest takeaway or summary: `tf / normaliser(shortest)`. At 100,000 episodes that
/// assumption is what keeps most candidates of a one-word query above the threshold (1,236
/// of 1,238 for `people`; only 8 episodes really reach it). The level says, in sevenths, how
/// much of that ceiling the best such moment reaches: `ceil(7 · best / ceiling)`, where
/// `best` is the largest `tf(m) / normaliser(m)` over the episode's takeaways and summary —
/// the own-text part of their scores. It shares the notes frequency's varint
/// (`tf << 3 | level`), so it costs a byte only where a term occurs 16 times or more in one
/// episode's notes.
///
/// The builder computes it with the normalisers a search uses (the same norm bytes, the same
/// average moment length), so `level / 7 · ceiling` is never below `best` but by rounding,
/// which the bound's margin covers.
struct NotesCeilings {
    /// Levels run from 0 (no takeaway or summary holds the term) to `levels` (the ceiling).
    static let levels = 7
    static let levelBits = 3
    static let levelMask = (1 << levelBits) - 1

    /// Per episode, where its notes moments start in `ranges` (one more entry than episodes).
    private var starts: [Int] = [0]
    /// Each takeaway's and summary's range of its episode's notes field, and its norm byte.
    private var ranges: [(first: UInt32, end: UInt32, norm: UInt8)] = []

    /// Adds a takeaway or summary of the episode being added.
    mutating func addMoment(first: UInt32, end: UInt32, norm: UInt8) {
        ranges.append((first, end, norm))
    }

    /// Closes the episode being added (after its moments).
    mutating func endEpisode() {
        starts.append(ranges.count)
    }

    /// Appends the episodes of `other`, which come after these (`IndexWriter`'s segments).
    mutating func append(_ other: NotesCeilings) {
        let base = ranges.count
        starts += other.starts.dropFirst().map { $0 + base }
        ranges += other.ranges
    }

    /// The level of a term in `episode` whose notes positions (ascending) are `positions`,
    /// `normaliser` giving a moment norm byte's BM25 length normaliser.
    func level(episode: Int, positions: UnsafeBufferPointer<UInt32>, normaliser: (UInt8) -> Double) -> Int {
        guard !positions.isEmpty, episode + 1 < starts.count else { return 0 }
        var best = 0.0
        var shortest = UInt8.max
        for index in starts[episode]..<starts[episode + 1] {
            let range = ranges[index]
            shortest = min(shortest, range.norm)
            let count = Self.lowerBound(positions, range.end) - Self.lowerBound(positions, range.first)
            if count > 0 { best = max(best, Double(count) / normaliser(range.norm)) }
        }
        guard best > 0 else { return 0 }
        let ceiling = Double(positions.count) / normaliser(shortest)
        return min(Self.levels, Int((Double(Self.levels) * best / ceiling).rounded(.up)))
    }

    /// The first index of `sorted` whose value is `value` or more.
    private static func lowerBound(_ sorted: UnsafeBufferPointer<UInt32>, _ value: UInt32) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// Writing the episode postings: the notes frequency of a posting with its level beside it.
struct NotesFrequencyWriter {
    let ceilings: NotesCeilings
    /// Per moment norm byte, BM25's length normaliser with the index's average moment length.
    let normalisers: [Double]
    /// Which field of an episode posting is the notes field.
    let field = IndexFormat.EpisodeField.notes.rawValue

    /// `frequency << 3 | level` of a term in `episode` at notes `positions`.
    func word(episode: UInt32, positions: UnsafeBufferPointer<UInt32>) -> Int {
        let level = normalisers.withUnsafeBufferPointer { table in
            ceilings.level(episode: Int(episode), positions: positions) { table[Int($0)] }
        }
        return positions.count << NotesCeilings.levelBits | level
    }
}
