/// A search as asked: the parsed query and how its results are chosen, ordered and shown.
///
/// Filters that have a query form (`--podcast`, `--person`, `--kind`) are added to `query`
/// as clauses (`SearchQuery.requiring`), so they cost what the `field:` forms cost.
public struct SearchRequest: Sendable, Equatable {
    public var query: SearchQuery
    /// At most this many results.
    public var limit: Int
    /// At most this many results from one episode (0: no limit); the others are counted in `Hit.more`.
    public var perEpisode: Int
    public var order: ResultOrder
    /// Only episodes published in this range (episodes without a date are left out when it is set).
    public var dates: DateRange
    /// Whether each hit carries its score's breakdown (`Hit.explanation`).
    public var explain: Bool
    public var typos: TypoTolerance

    public init(_ query: SearchQuery, limit: Int = 10, perEpisode: Int = 3, order: ResultOrder = .relevance,
                dates: DateRange = DateRange(), explain: Bool = false, typos: TypoTolerance = .correctWhenEmpty) {
        self.query = query
        self.limit = limit
        self.perEpisode = perEpisode
        self.order = order
        self.dates = dates
        self.explain = explain
        self.typos = typos
    }
}

/// How results are ordered.
public enum ResultOrder: String, Sendable, Equatable, CaseIterable {
    /// Highest score first.
    case relevance
    /// Newest episode first (undated episodes last), then by score.
    case date
}

/// What happens to words the index does not know.
public enum TypoTolerance: Sendable, Equatable {
    /// Exactly what was typed; a query that finds nothing only gets a "did you mean".
    case exact
    /// The default: when nothing matches, unknown words are replaced by their closest frequent
    /// neighbour in the index's vocabulary and the search runs again (reported on stderr).
    case correctWhenEmpty
    /// Every word of four letters or more also matches its near neighbours, at a lower weight.
    case fuzzy
}

extension SearchQuery {
    /// The query with one more required clause (how `--podcast NAME` becomes `podcast:"NAME"`).
    public func requiring(_ clause: Clause) -> SearchQuery {
        var copy = self
        copy.required.append(clause)
        return copy
    }
}
