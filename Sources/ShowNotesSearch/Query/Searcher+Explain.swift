extension Searcher {
    /// Re-scores one moment, keeping every term of the BM25F sum (only for the few hits shown,
    /// with fresh cursors, so the search itself pays nothing for `--explain`).
    func explain(_ moment: Int, plan: MatchPlan) throws(IndexCorruption) -> Explanation {
        let episode = try reader.episode(ofMoment: moment)
        let first = try reader.firstMoment(ofEpisode: episode)
        let records = try reader.momentRecords(ofEpisode: episode)
        guard moment - first >= 0, moment - first < records.count else { throw IndexCorruption("moment id out of range") }
        let record = records[moment - first]
        var evaluation = EpisodeEvaluation(searcher: self, parts: plan.required + plan.optional, scoring: true)
        evaluation.start(UInt32(episode))
        try evaluation.load(first: first, records: records)
        var parts: [Explanation.Part] = []
        // As in the ranking: no discount when any alternative occurs in the moment's own text,
        // even where another alternative of its part scores more (`a OR b`).
        var ownMatch = false
        for alternatives in evaluation.parts {
            var best: Explanation.Part? = nil
            for index in alternatives {
                let own = evaluation.ownFrequency(index, moment: moment)
                let state = evaluation.states[index]
                guard own > 0 || state.context != nil else { continue }
                if own > 0 { ownMatch = true }
                let part = explainPart(state, own: own, moment: moment, episode: episode, lengths: evaluation.lengths,
                                       ownNormaliser: evaluation.ownNormaliser(moment))
                if part.score > best?.score ?? -1 { best = part }
            }
            if let best { parts.append(best) }
        }
        let discount = ownMatch ? 1 : Ranking.inheritedWeight(record.kind)
        return Explanation(score: discount * parts.reduce(0) { $0 + $1.score }, parts: parts, discount: discount)
    }

    private func explainPart(_ state: ClauseState, own: Double, moment: Int, episode: Int, lengths: [Double],
                             ownNormaliser: Double) -> Explanation.Part {
        var fields: [Explanation.Field] = []
        if own > 0 {
            fields.append(Explanation.Field(name: "own", frequency: own, weight: Ranking.ownWeight, length: reader.momentNorm(moment),
                                            averageLength: reader.averageMomentLength, normaliser: ownNormaliser,
                                            pseudoFrequency: Ranking.ownWeight * own / ownNormaliser, share: 0))
        }
        let names = ["title", "podcast", "people", "notes"]
        for (field, count) in (state.contextFrequencies ?? []).enumerated() where count > 0 && field < names.count {
            let frequency = Double(count)
            let average = field < reader.averageEpisodeLengths.count ? reader.averageEpisodeLengths[field] : 1
            fields.append(Explanation.Field(name: names[field], frequency: frequency, weight: Ranking.fieldWeights[field],
                                            length: reader.episodeNorm(episode, field: field), averageLength: average,
                                            normaliser: lengths[field],
                                            pseudoFrequency: Ranking.fieldWeights[field] * frequency / lengths[field], share: 0))
        }
        let pseudo = fields.reduce(0) { $0 + $1.pseudoFrequency }
        let match = state.match
        let score = Ranking.score(pseudo, boost: match.boost, idf: match.idf)
        for index in fields.indices { fields[index].share = pseudo > 0 ? score * fields[index].pseudoFrequency / pseudo : 0 }
        var terms = match.terms.joined(separator: match.isPhrase ? " " : "|")
        if match.isPhrase { terms = "\"" + terms + "\"" }
        if let typed = match.typed { terms += " (for \(typed))" }
        return Explanation.Part(terms: terms, idf: match.idf, boost: match.boost, pseudoFrequency: pseudo, score: score, fields: fields)
    }
}
