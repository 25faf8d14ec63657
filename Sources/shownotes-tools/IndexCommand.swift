import ArgumentParser
import ShowNotesCLI
import ShowNotesCore

/// `shownotes index`: build the search index from show-notes sources, or check it (`--check`).
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build the search index from show notes and feeds.",
        discussion: """
        Reads every source under the given paths (default: Feeds) and writes one index \
        file, DIR/shownotes.idx (default DIR: Index), beside the old one and renamed into \
        place: a search never sees a half-written index, and a killed build leaves the old \
        one. The same sources give the same bytes, wherever they are and however many \
        threads read them. Two builds of one index cannot run at once (the second exits 2).

        Incremental builds: --incremental caches the analysed episodes in \
        .shownotes-cache/DIR-NAME beside DIR (keep it out of git), and every later build of \
        DIR uses and updates that cache, reading again only the sources whose content \
        changed, until it is deleted or --no-cache is given. Writing the cache makes a \
        cold build about 1.5x slower, so none is made unless asked: a build in CI, from \
        a fresh clone, would only pay for it.

        --check compares the index's manifest of source hashes and its build fingerprint \
        with the sources and this shownotes: exit 0 when up to date, 1 when stale (lines \
        `rebuild:`, `added:`, `changed:`, `removed:` on stdout), 2 on error.

        --verify reads the whole index and checks every section's checksum and every \
        invariant (sorted terms, increasing document ids, offsets, counts, moment layouts, \
        compressed texts): exit 0 when sound, 2 with one line per problem otherwise.
        """
    )

    @Argument(help: "Source files or folders.")
    var paths: [String] = ["Feeds"]

    @Option(help: "The index folder.")
    var index: String = "Index"

    @Flag(help: "Only report whether the index is up to date with the sources.")
    var check = false

    @Flag(help: "Check the index's checksums and structure instead of building it (exit 2 on any damage).")
    var verify = false

    @Flag(help: "No summary line.")
    var quiet = false

    @Flag(help: "Keep a build cache in .shownotes-cache/NAME beside the index folder (made if missing; later builds use it too).")
    var incremental = false

    @Option(help: ArgumentHelp("Keep the build cache in this folder instead.", valueName: "dir"))
    var cache: String?

    @Flag(help: "Read every source again; do not use or write any build cache.")
    var noCache = false

    @Option(help: "Threads reading sources (default: the number of cores, at most 8).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs takes a number of threads, 1 or more") }
        if [noCache, cache != nil, incremental].filter({ $0 }).count > 1 {
            throw ValidationError("--incremental, --cache and --no-cache exclude each other")
        }
        if verify, check { throw ValidationError("--check and --verify exclude each other") }
    }

    func run() throws {
        if verify { throw ExitCode(VerifyRunner.run(index: index)) }
        let cacheChoice: IndexBuildOptions.Cache = noCache ? .none : incremental ? .beside : cache.map { .folder($0) } ?? .besideIfPresent
        let options = IndexBuildOptions(sources: paths, index: index, cache: cacheChoice,
                                        workers: jobs ?? IndexBuildOptions.defaultWorkers)
        if check { throw ExitCode(runCheck(options)) }

        let display = BuildDisplay(index: index)
        do {
            let summary = try IndexBuild.run(options) { display.show($0) }
            display.finish()
            if !quiet { Console.error(display.summaryLine(summary)) }
        } catch {
            display.finish()
            Console.error(error.description)
            throw ExitCode(ExitStatus.error)
        }
    }

    /// 0 when the index matches the sources, 1 when stale (differences on stdout), 2 on error.
    private func runCheck(_ options: IndexBuildOptions) -> Int32 {
        do {
            let report = try IndexCheck.run(sources: paths, index: index, cache: options.cacheFolder)
            for line in report.lines { Console.out(line) }
            return report.isUpToDate ? ExitStatus.found : ExitStatus.nothing
        } catch {
            Console.error(error.description)
            return ExitStatus.error
        }
    }
}
