import ShowNotesSearch

/// How a result is printed: a human line, or a JSON object.
public enum ResultLine {
    /// What a human line shows besides the hit itself.
    public struct Style: Sendable {
        public var bold: Bool
        /// The episode's published date after the podcast (with `--sort date` and date filters).
        public var showDate: Bool

        public init(bold: Bool, showDate: Bool = false) {
            self.bold = bold
            self.showDate = showDate
        }
    }

    static func timestamp(_ hit: Searcher.Hit) -> String? {
        hit.start.map { ClockText.display($0.rounded(.down)) }
    }

    /// `39:23  The Role of Team Culture in Performance — Episode · Podcast` and an indented snippet.
    public static func text(_ hit: Searcher.Hit, bold: Bool) -> String {
        text(hit, style: Style(bold: bold))
    }

    public static func text(_ hit: Searcher.Hit, style: Style) -> String {
        let stamp = timestamp(hit) ?? hit.kind.name
        var parts = [hit.episodeTitle, hit.podcast].compactMap { $0 }
        if style.showDate { parts.append(hit.published.map { String($0.prefix(10)) } ?? "undated") }
        if let appearances = hit.appearances { parts.append("appears in \(appearances) episode" + (appearances == 1 ? "" : "s")) }
        var context = parts.joined(separator: " · ")
        if context.isEmpty { context = hit.source }
        let title: String
        switch hit.kind {
        case .chapter, .section, .summary: title = hit.title
        case .takeaway: title = "Takeaway: " + (hit.title.count > 80 ? hit.title.prefix(79) + "…" : hit.title)
        }
        let snippet = hit.snippet.map { piece in piece.matched && style.bold ? "\u{1B}[1m\(piece.text)\u{1B}[0m" : piece.text }.joined()
        return "\(stamp)  \(title) — \(context)\n        \(snippet)"
    }

    /// `--explain`: the score, then per query part its idf and what each field adds.
    public static func explanation(_ explanation: Explanation) -> String {
        let sum = explanation.parts.map { "\($0.terms) \(number($0.score))" }.joined(separator: " + ")
        let discounted = explanation.discount == 1 ? sum
            : "\(number(explanation.discount)) × (\(sum)), matched only through its episode"
        var lines = ["        score \(number(explanation.score)) = " + discounted
            + "   (BM25F: k1 \(number(Explanation.k1)), b \(number(Explanation.b)))"]
        for part in explanation.parts {
            let boost = part.boost == 1 ? "" : " × fuzzy \(number(part.boost))"
            lines.append("          \(part.terms): idf \(number(part.idf))\(boost) × tf/(k1+tf), tf \(number(part.pseudoFrequency)) =")
            for field in part.fields {
                lines.append("            \(field.name): \(number(field.frequency)) × \(number(field.weight)) / norm \(number(field.normaliser))"
                    + " (\(number(field.length)) words, average \(number(field.averageLength))) = \(number(field.pseudoFrequency))"
                    + " → \(number(field.share)) of the score")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func number(_ value: Double) -> String { JSONValue.numberText((value * 1000).rounded() / 1000) }

    public static func json(_ hit: Searcher.Hit) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("appearsIn", hit.appearances.map { .number(Double($0)) } ?? .null),
            ("episode", .optional(hit.episodeTitle)),
            ("guid", .optional(hit.guid)),
            ("kind", .string(hit.kind.name)),
            ("link", .optional(hit.link)),
            ("more", .number(Double(hit.more))),
            ("podcast", .optional(hit.podcast)),
            ("published", .optional(hit.published)),
            ("score", .number((hit.score * 10_000).rounded() / 10_000)),
            ("snippet", .string(hit.snippetText)),
            ("source", .string(hit.source)),
            ("startTime", .optional(hit.start)),
            ("timestamp", .optional(timestamp(hit))),
            ("title", .string(hit.title)),
        ]
        if let explanation = hit.explanation { pairs.append(("explain", json(explanation))) }
        return .sorted(pairs)
    }

    static func json(_ explanation: Explanation) -> JSONValue {
        func rounded(_ value: Double) -> JSONValue { .number((value * 10_000).rounded() / 10_000) }
        let parts: [JSONValue] = explanation.parts.map { part in
            let fields: [JSONValue] = part.fields.map { field in
                .sorted([("averageLength", rounded(field.averageLength)), ("field", .string(field.name)),
                         ("frequency", rounded(field.frequency)), ("length", rounded(field.length)),
                         ("normaliser", rounded(field.normaliser)), ("pseudoFrequency", rounded(field.pseudoFrequency)),
                         ("share", rounded(field.share)), ("weight", rounded(field.weight))])
            }
            return .sorted([("boost", rounded(part.boost)), ("fields", .array(fields)), ("idf", rounded(part.idf)),
                            ("pseudoFrequency", rounded(part.pseudoFrequency)), ("score", rounded(part.score)),
                            ("terms", .string(part.terms))])
        }
        return .sorted([("b", rounded(Explanation.b)), ("discount", rounded(explanation.discount)), ("k1", rounded(Explanation.k1)),
                        ("parts", .array(parts)), ("score", rounded(explanation.score))])
    }
}
