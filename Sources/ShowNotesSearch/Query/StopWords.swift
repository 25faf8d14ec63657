/// Common English function words. In the ranked list they are optional — a moment that has
/// them scores higher, one that lacks them still matches — so `honing versus sharpening`
/// finds the takeaway that never says "versus". The index keeps them (phrases need them), a
/// quoted phrase or a field (`title:the`) still requires them, a query made only of them
/// requires them all, and `--count` (the chapter contract) always requires every word.
enum StopWords {
    /// Whether a folded word is a stop word (a switch: no set to build at start-up).
    static func contains(_ word: String) -> Bool {
        switch word {
        case "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "did", "do", "does", "for", "from",
             "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not",
             "of", "on", "or", "our", "so", "such", "than", "that", "the", "their", "then", "there", "these",
             "they", "this", "to", "us", "versus", "vs", "was", "we", "were", "what", "when", "where", "which",
             "who", "why", "will", "with", "you", "your":
            true
        default:
            false
        }
    }

    /// Whether a clause is a bare stop word (not quoted, not restricted to a field).
    static func isOptional(_ clause: SearchQuery.Clause) -> Bool {
        guard case .word(let text, nil) = clause, let folded = Searcher.foldedWord(text) else { return false }
        return contains(String(decoding: folded, as: UTF8.self))
    }
}
