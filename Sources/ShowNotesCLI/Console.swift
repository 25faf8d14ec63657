#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShowNotesSearch

/// Writes data to stdout and diagnostics to stderr; colour only on a TTY without `NO_COLOR`.
public enum Console {
    public static func out(_ text: String) {
        var line = text
        line += "\n"
        writeAll(STDOUT_FILENO, line)
    }

    public static func error(_ text: String) {
        writeAll(STDERR_FILENO, text + "\n")
    }

    public static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { error(diagnostic.description) }
    }

    public static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    public static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    public static var colorAllowed: Bool {
        guard stdoutIsTerminal else { return false }
        if getenv("NO_COLOR") != nil { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }

    private static func writeAll(_ descriptor: Int32, _ text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                guard let base = bytes.baseAddress else { return }
                let written = write(descriptor, base + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
