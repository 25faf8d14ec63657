/// One episode, analysed for the index: its stored strings, its context terms with
/// field-local positions, and its moments. The build never makes this value: the
/// analyzer writes its encoding directly (`EpisodeAnalyzer.encode`), and the builder and
/// the cache take that; tests and tools decode it.
public struct EpisodeAnalysis: Sendable, Equatable {
    /// Title, podcast, source, guid, link, audio, published, people (joined by U+001F).
    public var strings: [String]
    /// Token counts of the four context fields (title, podcast, people, notes).
    public var fieldLengths: [Int]
    /// Context terms in order of first appearance, each with its positions per field.
    public var contextTerms: [ContextTerm]
    public var moments: [Moment]
    /// The distinct surface words of all the indexed text (folded, unstemmed, letters only),
    /// in order of first appearance: the episode's share of the spelling vocabulary (`SurfaceWords`).
    public var words: [String] = []

    public struct ContextTerm: Sendable, Equatable {
        public var term: String
        /// Positions within each of the four fields.
        public var positions: [[UInt32]]
    }

    public struct Moment: Sendable, Equatable {
        public var kind: MomentKind
        /// Chapters: start in milliseconds (`UInt32.max` when none). Takeaways and summaries:
        /// the first position of their text in the episode's notes field.
        public var first: UInt32
        /// Takeaways and summaries: the position just past their text in the notes field.
        public var end: UInt32
        public var text: String
        /// Token count of the moment's text.
        public var length: Int
        /// Own-text terms with positions (chapters and page sections; the others live in the notes field).
        public var terms: [(term: String, positions: [UInt32])]
        /// The pieces of `text` found verbatim in the episode's source (`locateTexts`), which
        /// the index stores as references (`StoredText`).
        public var spans: [SourceSpan] = []

        public static func == (lhs: Moment, rhs: Moment) -> Bool {
            lhs.kind == rhs.kind && lhs.first == rhs.first && lhs.end == rhs.end && lhs.text == rhs.text
                && lhs.length == rhs.length && lhs.terms.elementsEqual(rhs.terms, by: { $0.term == $1.term && $0.positions == $1.positions })
                && lhs.spans == rhs.spans
        }
    }
}
