import ShowNotesSearch

/// `shownotes stats`: what an index holds and how big each part is.
public enum StatsRunner {
    public static let help = """
    OVERVIEW: Show what an index holds.

    USAGE: shownotes stats [--index DIR]

    Prints podcasts, episodes, moments by kind, distinct terms, and bytes per index section.
    """

    public static func run(index: String?) -> Int32 {
        guard let reader = IndexLocation.open(index) else { return ExitStatus.error }
        do {
            let stats = try IndexStatistics(reader)
            var lines = ["podcasts   \(stats.podcasts)", "episodes   \(reader.episodeCount)"]
            for kind in MomentKind.allCases {
                let label = kind == .summary ? "summaries" : kind.name + "s"
                lines.append(label + String(repeating: " ", count: max(1, 11 - label.count)) + "\(stats.moments[kind] ?? 0)")
            }
            lines.append("terms      \(reader.termCount)")
            lines.append("bytes      \(reader.fileSize)  \(reader.path)")
            for (name, bytes) in reader.sectionSizes { lines.append("  \(name)\(String(repeating: " ", count: max(1, 16 - name.count)))\(bytes)") }
            Console.out(lines.joined(separator: "\n"))
            return ExitStatus.found
        } catch {
            Console.error("error: index corrupted: \(reader.path): \(error.what)")
            return ExitStatus.error
        }
    }
}
