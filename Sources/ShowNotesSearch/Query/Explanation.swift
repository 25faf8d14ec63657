/// Why a hit scored what it did (`--explain`): per required part of the query, the BM25F
/// sum that was saturated — each field's frequency, weight and length normaliser — and the
/// part's idf. Each field also gets its share of the part's score (in proportion to what it
/// added to the pseudo-frequency), so "which field made this rank" has a number.
public struct Explanation: Sendable {
    /// One field's addition to a part's pseudo-frequency: `weight · frequency / normaliser`.
    public struct Field: Sendable {
        /// `own` (the moment's own text), `title`, `podcast`, `people` or `notes`.
        public var name: String
        public var frequency: Double
        public var weight: Double
        /// The field's length in tokens (from its one-byte norm) and the index's average.
        public var length: Double
        public var averageLength: Double
        /// `1 - b + b · length / averageLength`.
        public var normaliser: Double
        public var pseudoFrequency: Double
        /// This field's share of the part's score.
        public var share: Double
    }

    /// One required part of the query, as it scored on this hit.
    public struct Part: Sendable {
        /// The analysed terms of the alternative that counted (a fuzzy neighbour says what was typed).
        public var terms: String
        public var idf: Double
        /// 1, or the discount of a fuzzy neighbour.
        public var boost: Double
        /// Σ field pseudo-frequencies.
        public var pseudoFrequency: Double
        /// `boost · idf · tf / (k1 + tf)`.
        public var score: Double
        /// Fields that added something, own text first.
        public var fields: [Field]
    }

    /// `discount · Σ part scores`.
    public var score: Double
    public var parts: [Part]
    /// 1, or `Ranking.inheritedWeight` of the moment's kind when no part matched in its own text.
    public var discount: Double
    public static var k1: Double { Ranking.k1 }
    public static var b: Double { Ranking.b }
}
