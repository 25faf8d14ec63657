import ShowNotesCore

/// Small, fixed indexes for the query and index targets: the repository's `Feeds/` (the
/// shipped sample podcast), and a two-episode index small enough for mutations to matter.
public enum SampleIndex {
    /// The repository's root, found from this file's path (`Fuzz/Sources/FuzzSupport/…`).
    static let repository: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/")
    }()

    /// The bytes of an index of everything under `Feeds/`.
    public static func feeds() -> [UInt8] {
        let found = SourceFiles.discover([repository + "/Feeds"])
        var episodes: [(Episode, String)] = []
        for source in found.sources {
            guard let result = try? SourceReader.read(source) else { continue }
            for episode in result.episodes { episodes.append((episode, source.display)) }
        }
        return build(episodes)
    }

    /// The bytes of a tiny index: two short episodes with chapters, takeaways, a summary and people.
    public static func tiny() -> [UInt8] {
        let notes = [
            """
            # Building a Team Culture That Wins
            With coach Maria Santos.

            Summary: why team culture beats talent, and how to build it in the easy miles.

            Key takeaways:
            - Team culture is built in the easy miles.
            - Praise effort in public.

            0:00 Intro
            9:15 Why team culture beats talent
            44:10 What a culture looks like on race day
            """,
            """
            Altitude Training Without the Mountain
            Guest: Dr. Ken Okafor

            00:00 Cold open
            01:12 How thin air changes the blood
            12:40 Heat training: altitude's cheaper cousin
            """,
        ]
        let episodes = notes.enumerated().map { number, text in
            (NotesParser.parse(text, format: .markdown, source: "tiny/\(number).md", podcast: "The Long Run").episode, "tiny/\(number).md")
        }
        return build(episodes)
    }

    static func build(_ episodes: [(Episode, String)]) -> [UInt8] {
        var builder = IndexBuilder()
        let analyzer = EpisodeAnalyzer()
        for (episode, source) in episodes { builder.add(episode, source: source, analyzer: analyzer) }
        builder.metadata["fingerprint"] = "fuzz"
        builder.metadata["manifest"] = episodes.map(\.1).joined(separator: "\n")
        return builder.serialize()
    }

    /// Queries that reach every clause kind: words, phrases, OR, exclusion, prefixes, fields, kinds.
    public static let queries = [
        "team culture", "\"team culture\"", "altitude OR heat -tent", "cult*", "title:race kind:chapter",
        "person:okafor", "podcast:\"long run\" kind:takeaway", "kind:summary culture", "-culture team", "blood",
    ]
}
