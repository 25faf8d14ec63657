#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShowNotesCLI
import ShowNotesCore

/// What `shownotes index` shows on stderr while it builds: diagnostics as they come, and on
/// a terminal, once the build has run for a second, one live line (files, episodes per
/// second, time left) rewritten in place. Not on a terminal: no progress at all.
final class BuildDisplay {
    private let index: String
    private let live: Bool
    private let started = BuildDisplay.seconds()
    private var total = 0
    private var lastDrawn = 0.0
    private var lineShown = false

    init(index: String) {
        self.index = index
        live = Console.stderrIsTerminal
    }

    func show(_ event: IndexBuildEvent) {
        switch event {
        case .diagnostic(let diagnostic):
            clear()
            Console.error(diagnostic.description)
        case .cacheUnavailable(let reason):
            clear()
            Console.error("warning: building without the cache: \(reason)")
        case .started(let files):
            total = files
        case .progress(let files, let episodes):
            let elapsed = Self.seconds() - started
            guard live, elapsed >= 1, elapsed - lastDrawn >= 0.1 else { return }
            lastDrawn = elapsed
            let rate = Double(episodes) / elapsed
            let left = files > 0 ? elapsed * Double(total - files) / Double(files) : 0
            draw("indexing \(files)/\(total) files · \(Int(rate)) episodes/s · ETA \(Self.clock(left))")
        case .writing:
            if live, Self.seconds() - started >= 1 { draw("writing \(IndexStore.filePath(in: index))…") }
        }
    }

    /// Removes the live line, if shown.
    func finish() { clear() }

    func summaryLine(_ summary: IndexBuildSummary) -> String {
        let seconds = Self.seconds() - started
        var line = "indexed \(summary.files) files, \(summary.episodes) episodes, \(summary.moments) moments into \(summary.path) (\(summary.bytes) bytes) in \(Self.decimal(seconds)) s"
        if summary.fromCache > 0 { line += "; \(summary.fromCache) files unchanged, from the cache" }
        if summary.leftovers > 0 { line += "; removed \(summary.leftovers) temporary file\(summary.leftovers == 1 ? "" : "s") of a killed build" }
        return line
    }

    private func draw(_ text: String) {
        emit("\r" + text + (Self.plainTerminal ? "   " : "\u{1B}[K"))
        lineShown = true
    }

    private func clear() {
        guard lineShown else { return }
        emit(Self.plainTerminal ? "\r" + String(repeating: " ", count: 79) + "\r" : "\r\u{1B}[K")
        lineShown = false
    }

    private func emit(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            _ = write(STDERR_FILENO, base, bytes.count)
        }
    }

    /// `TERM=dumb`: no escape sequences.
    private static let plainTerminal: Bool = {
        guard let term = getenv("TERM") else { return false }
        return String(cString: term) == "dumb"
    }()

    private static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// `m:ss`.
    private static func clock(_ seconds: Double) -> String {
        let whole = max(0, Int(seconds.rounded()))
        return "\(whole / 60):" + (whole % 60 < 10 ? "0" : "") + "\(whole % 60)"
    }

    /// One decimal.
    private static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
