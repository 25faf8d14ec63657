/// Where one query clause matches: moments whose own text has it, and episodes whose
/// context (title, podcast, people, notes) has it, with BM25F-weighted frequencies.
struct ClauseMatch {
    var episodes: [UInt32] = []
    /// Per matched episode, its fields' frequencies already weighted and length-normalised.
    var episodeWeight: [Double] = []
    var moments: [UInt32] = []
    /// Per matched moment, its own text's frequency, length-normalised.
    var momentWeight: [Double] = []
    var idf = 0.0
    /// Analysed terms, for snippets.
    var terms: [String] = []
}

/// BM25F parameters: a moment's own text counts most; its episode's context less.
public enum Ranking {
    static let k1 = 1.2
    static let b = 0.75
    static let ownWeight = 1.0
    /// title, podcast, people, notes
    static let fieldWeights = [0.4, 0.2, 0.3, 0.25]
}

extension ClauseMatch {
    /// Merges alternatives (`a OR b`): a document matches when any alternative does.
    static func union(_ parts: [ClauseMatch]) -> ClauseMatch {
        var episodeScores: [UInt32: Double] = [:]
        var momentScores: [UInt32: Double] = [:]
        for part in parts {
            for (episode, weight) in zip(part.episodes, part.episodeWeight) { episodeScores[episode] = max(episodeScores[episode] ?? 0, weight * part.idf) }
            for (moment, weight) in zip(part.moments, part.momentWeight) { momentScores[moment] = max(momentScores[moment] ?? 0, weight * part.idf) }
        }
        var result = ClauseMatch()
        result.idf = 1
        for episode in episodeScores.keys.sorted() {
            result.episodes.append(episode)
            result.episodeWeight.append(episodeScores[episode] ?? 0)
        }
        for moment in momentScores.keys.sorted() {
            result.moments.append(moment)
            result.momentWeight.append(momentScores[moment] ?? 0)
        }
        result.terms = parts.flatMap(\.terms)
        return result
    }
}
