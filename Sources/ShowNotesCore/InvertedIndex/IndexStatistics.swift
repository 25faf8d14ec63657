/// Counts over a whole index, for `shownotes stats`.
public struct IndexStatistics {
    public var podcasts = 0
    public var moments: [MomentKind: Int] = [:]

    public init(_ reader: IndexReader) throws(IndexCorruption) {
        var names: Set<String> = []
        for episode in 0..<reader.episodeCount { names.insert(try reader.episodeFields(episode)[1]) }
        podcasts = names.subtracting([""]).count
        for moment in 0..<reader.momentCount { moments[try reader.moment(moment).kind, default: 0] += 1 }
    }
}
