#if canImport(Glibc)
import Glibc
#endif
import ShowNotesCore

/// `parse-bench PATH [--from-disk]`: the parse throughput benchmark behind
/// `Benchmarks/parse_throughput.sh` (a benchmark, not a test; nothing is printed per episode).
///
/// By default every notes file under PATH is read into memory first, then timed through
/// `SourceReader.readNotes` (decoding and parsing, exactly what `shownotes parse` does per file).
/// With `--from-disk` the timing includes reading the files (`SourceReader.read`).
/// Prints one line: `bytes=… files=… chapters=… seconds=… mbps=… cpu_seconds=… cpu_mbps=…`
/// (`mbps` from wall time; `cpu_mbps` from this thread's CPU time, which other processes on
/// a shared core do not inflate).
@main
struct ParseBench {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let path = arguments.first(where: { !$0.hasPrefix("--") }) else {
            print("usage: parse-bench PATH [--from-disk]")
            return
        }
        let fromDisk = arguments.contains("--from-disk")
        let sources = SourceFiles.discover([path]).sources.filter { $0.kind == .notes(.text) }
        var files: [(SourceFiles.Source, [UInt8])] = []
        files.reserveCapacity(sources.count)
        for source in sources {
            guard let bytes = try? SourceFiles.bytes(of: source.path, limit: SourceFiles.maximumNotesBytes) else { continue }
            files.append((source, bytes))
        }
        let totalBytes = files.reduce(0) { $0 + $1.1.count }

        var chapters = 0
        let clock = ContinuousClock()
        let started = clock.now
        let cpuStarted = threadCPUSeconds()
        for (source, bytes) in files {
            let result = fromDisk
                ? try? SourceReader.read(source)
                : try? SourceReader.readNotes(bytes, format: .text, display: source.display)
            chapters += result?.episodes.reduce(0) { $0 + $1.chapters.count } ?? 0
        }
        let elapsed = clock.now - started
        let cpuSeconds = threadCPUSeconds() - cpuStarted
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let mbps = Double(totalBytes) / 1_000_000 / seconds
        let cpuMBps = Double(totalBytes) / 1_000_000 / cpuSeconds
        print("bytes=\(totalBytes) files=\(files.count) chapters=\(chapters) seconds=\(seconds) mbps=\(mbps) cpu_seconds=\(cpuSeconds) cpu_mbps=\(cpuMBps)")
    }

    /// CPU time used by this thread, in seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
