/// One episode, analysed for the index: its stored strings, its context terms with
/// field-local positions, and its moments. Building this is the expensive part of
/// indexing (tokenising, stemming); it depends only on the episode, so it can be cached.
public struct EpisodeAnalysis: Sendable, Equatable {
    /// Title, podcast, source, guid, link, audio, published, people (joined by U+001F).
    public var strings: [String]
    /// Token counts of the four context fields (title, podcast, people, notes).
    public var fieldLengths: [Int]
    /// Context terms, sorted, each with its positions per field.
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

    /// Finds the moments' texts in `source`, the bytes of the file the episode was read from
    /// (see `StoredText`). Bounded: at most 16 passes over the source for the whole episode.
    public mutating func locateTexts(in source: UnsafeRawBufferPointer) {
        var cursor = 0
        var budget = 16 * source.count
        for index in moments.indices {
            moments[index].spans = StoredText.find(moments[index].text, in: source, from: &cursor, budget: &budget)
        }
    }
}

/// Analyses episodes for the index. Not thread-safe (it owns a stemmer); use one per thread.
public final class EpisodeAnalyzer {
    private let analyzer = Analyzer()

    public init() {}

    public func analyze(_ episode: Episode, source: String) -> EpisodeAnalysis {
        let people = episode.people.map(\.name)
        let strings = [episode.title ?? "", episode.podcast ?? "", source, episode.guid ?? "", episode.link ?? "",
                       episode.audio ?? "", episode.published ?? "", people.joined(separator: "\u{1F}")]

        // Notes: the summary, then each takeaway, one position apart so no phrase spans two.
        var moments: [EpisodeAnalysis.Moment] = []
        var notesTokens: [Analyzer.Token] = []
        var position = 0
        var notesMoments: [EpisodeAnalysis.Moment] = []
        if !episode.summary.isEmpty {
            let (tokens, next) = analyzer.tokens(episode.summary, firstPosition: position)
            notesTokens += tokens
            notesMoments.append(.init(kind: .summary, first: UInt32(position), end: UInt32(next), text: episode.summary,
                                      length: next - position, terms: []))
            position = next + 1
        }
        var takeaways: [EpisodeAnalysis.Moment] = []
        for takeaway in episode.takeaways {
            let (tokens, next) = analyzer.tokens(takeaway, firstPosition: position)
            notesTokens += tokens
            takeaways.append(.init(kind: .takeaway, first: UInt32(position), end: UInt32(next), text: takeaway,
                                   length: next - position, terms: []))
            position = next + 1
        }

        let fieldTokens = [
            analyzer.tokens(episode.title ?? "").tokens,
            analyzer.tokens(episode.podcast ?? "").tokens,
            analyzer.tokens(people.joined(separator: " , ")).tokens,
            notesTokens,
        ]
        var byTerm: [String: [[UInt32]]] = [:]
        for (field, tokens) in fieldTokens.enumerated() {
            for token in tokens { byTerm[token.term, default: [[], [], [], []]][field].append(UInt32(token.position)) }
        }
        // Each field's positions were appended in ascending order (a compound's joined form
        // shares its first part's position): no sorting needed.
        let contextTerms = Array(byTerm.keys).sortedByUTF8().map { term in
            EpisodeAnalysis.ContextTerm(term: term, positions: byTerm[term] ?? [])
        }
        let lengths = [
            fieldTokens[0].last.map { $0.position + 1 } ?? 0,
            fieldTokens[1].last.map { $0.position + 1 } ?? 0,
            fieldTokens[2].last.map { $0.position + 1 } ?? 0,
            notesTokens.filter { !$0.isJoined }.count,
        ]

        for chapter in episode.chapters {
            let millis = UInt32(clamping: Int((chapter.startTime * 1000).rounded()))
            moments.append(ownMoment(.chapter, text: chapter.title, first: millis))
        }
        moments += notesMoments   // the summary, then the takeaways: notes-field order
        moments += takeaways
        for section in episode.sections {
            moments.append(ownMoment(.section, text: section.heading + "\u{1F}" + section.text, first: UInt32.max))
        }
        var words = SurfaceWords.List()
        for text in [episode.title ?? "", episode.podcast ?? ""] + people { SurfaceWords.collect(text, into: &words) }
        for moment in moments { SurfaceWords.collect(moment.text, into: &words) }
        return EpisodeAnalysis(strings: strings, fieldLengths: lengths, contextTerms: contextTerms, moments: moments,
                               words: words.words)
    }

    /// A chapter's or section's own terms: its tokens ordered by term bytes, then position, and
    /// grouped. (A title has a handful of tokens: sorting them in place beats building a
    /// dictionary and sorting its keys, which was a tenth of the whole build.)
    private func ownMoment(_ kind: MomentKind, text: String, first: UInt32) -> EpisodeAnalysis.Moment {
        // Only a section joins heading and text with U+001F (replacing costs where it finds nothing).
        var (tokens, next) = analyzer.tokens(kind == .section ? text.replacing("\u{1F}", with: " ") : text)
        let before: (Analyzer.Token, Analyzer.Token) -> Bool = { a, b in
            a.term == b.term ? a.position < b.position : a.term.precedesInUTF8(b.term)
        }
        if tokens.count <= 24 {
            for index in tokens.indices.dropFirst() {
                var place = index
                while place > 0, before(tokens[index], tokens[place - 1]) { place -= 1 }
                if place != index { tokens.insert(tokens.remove(at: index), at: place) }
            }
        } else {
            tokens.sort(by: before)
        }
        var terms: [(term: String, positions: [UInt32])] = []
        for token in tokens {
            if terms.last?.term == token.term {
                terms[terms.count - 1].positions.append(UInt32(token.position))
            } else {
                terms.append((token.term, [UInt32(token.position)]))
            }
        }
        return .init(kind: kind, first: first, end: 0, text: text, length: next, terms: terms)
    }

    static func byteOrder(_ a: String, _ b: String) -> Bool { a.precedesInUTF8(b) }
}
