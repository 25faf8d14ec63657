/// Links a person's page to the episodes the person appears in, at query time (no index
/// structure): a page (an entry with sections, like a biography) whose title some episode
/// lists among its people is that person's page, and it "appears in" every episode that
/// `person:"<title>"` matches — the people or the title name them; pages are not counted.
struct PersonPages {
    private let searcher: Searcher
    /// Pages already looked at and their answer (-1: none); a handful per search, so a list.
    private var known: [(page: Int, appearances: Int)] = []

    init(searcher: Searcher) {
        self.searcher = searcher
    }

    /// For a page's hit: the number of episodes its person appears in; nil for other entries
    /// and for pages that are not about a person.
    mutating func appearances(ofPage episode: Int, title: String?) throws(IndexCorruption) -> Int? {
        if let cached = known.first(where: { $0.page == episode }) { return cached.appearances < 0 ? nil : cached.appearances }
        var result: Int? = nil
        if let title, !title.isEmpty, try isPage(episode) {
            let match = try searcher.match(.phrase(title, .person))
            let people = IndexFormat.EpisodeField.people.rawValue
            var listed = false
            var count = 0
            for (index, other) in match.episodes.enumerated() where try !isPage(Int(other)) {
                count += 1
                if match.frequency(index, field: people) > 0 { listed = true }
            }
            result = listed ? count : nil
        }
        known.append((episode, result ?? -1))
        return result
    }

    /// Whether an entry is a page: it has sections, which episodes never have.
    private func isPage(_ episode: Int) throws(IndexCorruption) -> Bool {
        try searcher.reader.momentRecords(ofEpisode: episode).contains { $0.kind == .section }
    }
}
