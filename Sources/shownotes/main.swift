#if canImport(Glibc)
import CLinuxIO
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShowNotesCLI

// The fast front door: `search` and `stats` run here, with no libxml2, Foundation or
// ArgumentParser to load; every other command runs in `shownotes-tools`, beside this binary.

#if canImport(Glibc)
// A search lives for milliseconds and decodes a few MB of posting lists into arrays of
// 0.1–1 MB. Left to glibc, each such array was a mapping of its own, and freeing it an
// `munmap` that (with the second search thread's CPU in the same address space) flushes the
// other CPU's TLB: taking them from the heap, and never handing the heap back, made the
// four-word query of the 100k benchmark ~6% faster (0.94x, 61 alternating pairs).
_ = mallopt(Int32(CLINUXIO_M_MMAP_THRESHOLD), 32 << 20)   // glibc's largest
_ = mallopt(Int32(CLINUXIO_M_TRIM_THRESHOLD), Int32.max)
#endif

let arguments = Array(CommandLine.arguments.dropFirst())

// Invalid UTF-8 in any argument is a usage error for every command (`shownotes-tools` included).
if let problem = ArgumentEncoding.problem() {
    Console.error("error: \(problem)")
    exit(ExitStatus.usage)
}

let overview = """
OVERVIEW: Search podcast show notes: where in which episode a topic is discussed.

USAGE: shownotes <command> [options]

COMMANDS:
  search QUERY...        Ranked chapters, takeaways, summaries and page sections.
  index [SOURCES...]     Build the index (default: Feeds → Index); --check for CI.
  parse PATH...          Show what ShowNotes reads in show-notes files and feeds.
  chapters PATH...       Export chapter lists (Podcasting 2.0 JSON, WebVTT, Podlove, …).
  stats                  What an index holds.

  See 'shownotes <command> --help' for a command's options.

EXAMPLES:
  shownotes search "team culture"
  shownotes index Feeds --index Index
  shownotes parse Feeds --json
"""

func wantsHelp(_ rest: ArraySlice<String>) -> Bool {
    rest.contains { $0 == "--help" || $0 == "-h" }
}

func runSearch(_ rest: ArraySlice<String>) -> Int32 {
    switch SearchArguments.parse(rest) {
    case .help:
        Console.out(SearchOptions.help)
        return ExitStatus.found
    case .usage(let problem):
        Console.error("error: \(problem)\n\n\(SearchOptions.usage)")
        return ExitStatus.usage
    case .run(let options):
        return SearchRunner.run(options)
    }
}

func runStats(_ rest: ArraySlice<String>) -> Int32 {
    if wantsHelp(rest) {
        Console.out(StatsRunner.help)
        return ExitStatus.found
    }
    var folder: String? = nil
    var index = rest.startIndex
    while index < rest.endIndex {
        let argument = rest[index]
        if argument == "--index", index + 1 < rest.endIndex {
            folder = rest[index + 1]
            index += 2
        } else if argument.hasPrefix("--index=") {
            folder = String(argument.dropFirst(8))
            index += 1
        } else {
            Console.error("error: unexpected argument '\(argument)'\n\n\(StatsRunner.help)")
            return ExitStatus.usage
        }
    }
    return StatsRunner.run(index: folder)
}

/// Replaces this process with `shownotes-tools` (same folder) running the same arguments.
func runTools(_ arguments: [String]) -> Int32 {
    var buffer = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    let own = length > 0 ? String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    let folder = own.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    let tools = (folder.isEmpty ? "." : folder) + "/shownotes-tools"
    let argv = (["shownotes"] + arguments).map { strdup($0) } + [nil]
    execv(tools, argv)
    Console.error("error: cannot run \(tools) for 'shownotes \(arguments.first ?? "")': build it with `swift build -c release` (it sits beside shownotes)")
    return ExitStatus.error
}

let status: Int32
switch arguments.first {
case "search":
    status = runSearch(arguments.dropFirst())
case "stats":
    status = runStats(arguments.dropFirst())
case nil:
    Console.out(overview)
    status = ExitStatus.usage
case "-h" where arguments.count == 1, "--help" where arguments.count == 1, "help" where arguments.count == 1:
    Console.out(overview)
    status = ExitStatus.found
default:
    status = runTools(arguments)
}
exit(status)
