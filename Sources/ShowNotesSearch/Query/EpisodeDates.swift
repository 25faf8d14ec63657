/// Reads candidate episodes' published days, only when a date filter or date order needs
/// them (the default search never touches the stored texts before ranking). Candidates come
/// in increasing order, so the text store inflates each block once.
struct EpisodeDates {
    private let range: DateRange
    private let order: ResultOrder
    private let needed: Bool
    private var texts: TextStoreReader

    init(reader: IndexReader, range: DateRange, order: ResultOrder) throws(IndexCorruption) {
        self.range = range
        self.order = order
        needed = !range.isUnbounded || order == .date
        texts = try reader.episodeTexts()
    }

    /// Whether episodes rank by score (so a score bound can leave one out).
    var ranksByScore: Bool { order != .date }

    /// nil: leave the episode out; else its rank key (its day under date order, else 0).
    mutating func admit(_ episode: Int) throws(IndexCorruption) -> Int? {
        guard needed else { return 0 }
        let published = try texts.text(episode * EpisodeString.allCases.count + EpisodeString.published.rawValue)
        let day = DateRange.publishedDay(published)
        guard range.contains(published: day) else { return nil }
        return order == .date ? day ?? 0 : 0
    }
}
