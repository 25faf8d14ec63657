import ArgumentParser
import ShowNotesCore

/// `shownotes stats`: what an index holds and how big each part is.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Show what an index holds.")

    @Option(help: "The index folder.")
    var index: String?

    func run() throws {
        let reader = try IndexLocation.open(index)
        do {
            let stats = try IndexStatistics(reader)
            Console.out("podcasts   \(stats.podcasts)")
            Console.out("episodes   \(reader.episodeCount)")
            for kind in MomentKind.allCases {
                let label = kind == .summary ? "summaries" : kind.name + "s"
                Console.out(label + String(repeating: " ", count: max(1, 11 - label.count)) + "\(stats.moments[kind] ?? 0)")
            }
            Console.out("terms      \(reader.termCount)")
            Console.out("bytes      \(reader.fileSize)  \(IndexStore.filePath(in: IndexLocation.folder(index)))")
            for (name, bytes) in reader.sectionSizes { Console.out("  \(name)\(String(repeating: " ", count: max(1, 16 - name.count)))\(bytes)") }
        } catch {
            Console.error("error: index corrupted: \(reader.path): \(error.what)")
            throw ExitCode(ExitStatus.error)
        }
    }
}
