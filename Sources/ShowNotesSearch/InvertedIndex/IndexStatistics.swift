/// Counts over a whole index, for `shownotes stats`.
public struct IndexStatistics {
    public var podcasts = 0
    public var moments: [MomentKind: Int] = [:]

    public init(_ reader: IndexReader) throws(IndexCorruption) {
        var names: Set<String> = []
        var texts = try reader.episodeTexts()
        for episode in 0..<reader.episodeCount {
            names.insert(try texts.text(episode * EpisodeString.allCases.count + EpisodeString.podcast.rawValue))
        }
        podcasts = names.subtracting([""]).count
        for episode in 0..<reader.episodeCount {
            for record in try reader.momentRecords(ofEpisode: episode) { moments[record.kind, default: 0] += 1 }
        }
    }
}
