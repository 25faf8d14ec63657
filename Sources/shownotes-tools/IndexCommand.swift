import ArgumentParser
import ShowNotesCLI
import ShowNotesCore

/// `shownotes index`: build the search index from show-notes sources.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build the search index from show notes and feeds.",
        discussion: """
        Reads every source under the given paths (default: Feeds) and writes one index \
        file, DIR/shownotes.idx (default DIR: Index), atomically: a search never sees a \
        half-written index. The same sources always give the same bytes.

        --check compares the index's manifest of source hashes with the sources and \
        exits 0 when up to date, 1 when stale (listing what changed), 2 on error.
        """
    )

    @Argument(help: "Source files or folders.")
    var paths: [String] = ["Feeds"]

    @Option(help: "The index folder.")
    var index: String = "Index"

    @Flag(help: "Only report whether the index is up to date with the sources.")
    var check = false

    @Flag(help: "No summary line.")
    var quiet = false

    func run() throws {
        let sources = Manifest.collect(paths)
        if sources.failed { throw ExitCode(ExitStatus.error) }
        if check { throw ExitCode(try Manifest.check(sources.entries, index: index)) }

        guard let lock = IndexStore.lock(index) else {
            Console.error("\(index): error: another `shownotes index` is writing this index; try again when it finishes")
            throw ExitCode(ExitStatus.error)
        }
        _ = lock
        var builder = IndexBuilder()
        let analyzer = EpisodeAnalyzer()
        var episodes = 0
        for entry in sources.entries {
            do {
                let result = try SourceReader.read(entry.source)
                Console.report(result.diagnostics)
                for episode in result.episodes {
                    builder.add(episode, source: entry.relative, analyzer: analyzer)
                    episodes += 1
                }
            } catch {
                Console.error(error.description)
            }
        }
        builder.metadata["manifest"] = sources.entries.map { "\($0.hash)\t\($0.relative)" }.joined(separator: "\n")
        builder.metadata["fingerprint"] = Manifest.fingerprint
        let bytes = builder.serialize()
        do {
            try IndexStore.write(bytes, to: index)
        } catch {
            Console.error(error.description)
            throw ExitCode(ExitStatus.error)
        }
        if !quiet {
            Console.error("indexed \(sources.entries.count) files, \(episodes) episodes, \(builder.momentCount) moments into \(IndexStore.filePath(in: index)) (\(bytes.count) bytes)")
        }
    }
}

/// The sources behind an index, with content hashes, and the staleness check.
enum Manifest {
    struct Entry {
        var source: SourceFiles.Source
        var relative: String
        var hash: String
    }

    /// What the index depends on besides its sources: format, analyzer and parser versions.
    static let fingerprint = "format=\(IndexFormat.version) analyzer=snowball-english-1 parser=1"

    static func collect(_ paths: [String]) -> (entries: [Entry], failed: Bool) {
        let found = SourceFiles.discover(paths)
        Console.report(found.diagnostics)
        for error in found.errors { Console.error(error.description) }
        var entries: [Entry] = []
        for source in found.sources {
            guard let bytes = try? SourceFiles.bytes(of: source.path, limit: Int.max) else {
                Console.error("\(source.display): error: cannot read this file")
                continue
            }
            entries.append(Entry(source: source, relative: relativePath(source.display, roots: paths), hash: ContentHash.hex(bytes)))
        }
        entries.sort { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }
        return (entries, !found.errors.isEmpty)
    }

    /// The path inside the folder it was found in (a file named directly keeps its name).
    static func relativePath(_ display: String, roots: [String]) -> String {
        for root in roots {
            let prefix = root.hasSuffix("/") ? root : root + "/"
            if display.hasPrefix(prefix) { return String(display.dropFirst(prefix.count)) }
        }
        return display.split(separator: "/").last.map(String.init) ?? display
    }

    /// 0 when the index matches the sources, 1 when stale (changes on stdout), 2 on error.
    static func check(_ entries: [Entry], index: String) throws -> Int32 {
        let reader: IndexReader
        do {
            reader = try IndexReader(path: IndexStore.filePath(in: index))
        } catch {
            Console.error(error.description)
            return ExitStatus.error
        }
        var stale = false
        let built: String?
        let manifest: String?
        do {
            built = try reader.metadata("fingerprint")
            manifest = try reader.metadata("manifest")
        } catch {
            Console.error("error: index corrupted: \(reader.path): \(error.what)")
            return ExitStatus.error
        }
        if built != fingerprint {
            Console.out("rebuild: index built by a different shownotes (\(built ?? "unknown"); this is \(fingerprint))")
            stale = true
        }
        var recorded: [String: String] = [:]
        for line in (manifest ?? "").split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { recorded[String(parts[1])] = String(parts[0]) }
        }
        for entry in entries {
            if let hash = recorded.removeValue(forKey: entry.relative) {
                if hash != entry.hash { Console.out("changed: \(entry.relative)"); stale = true }
            } else {
                Console.out("added: \(entry.relative)")
                stale = true
            }
        }
        for path in recorded.keys.sorted() {
            Console.out("removed: \(path)")
            stale = true
        }
        return stale ? ExitStatus.nothing : ExitStatus.found
    }
}
