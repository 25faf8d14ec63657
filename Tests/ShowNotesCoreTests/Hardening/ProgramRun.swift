import Foundation
import Testing

/// Runs a built executable (`shownotes`, `shownotes-tools`) with arguments given as raw bytes,
/// so a test can pass what `Process` cannot (invalid UTF-8), and with a deadline, so a hang is
/// a failed expectation instead of a stuck suite. Output goes to files, never a full pipe.
struct ProgramRun {
    /// The exit status, or nil when a signal ended the program (a crash) or it timed out.
    var status: Int32?
    var signal: Int32?
    var timedOut = false
    var stdout = ""
    var stderr = ""
    /// The child's peak resident memory, from `wait4`.
    var peakMegabytes = 0
    var seconds = 0.0

    /// `shownotes` beside the test bundle (as `CLITests` finds it).
    static var shownotes: String? { CLITests.binary?.path }

    static func run(_ arguments: [[UInt8]], program: String? = shownotes, timeout: Double = 30,
                    environment extra: [String: String] = [:]) throws -> ProgramRun {
        let executable = try #require(program, "shownotes binary not found next to the test bundle; build it with swift build")
        let folder = FileManager.default.temporaryDirectory.appending(path: "shownotes-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appending(path: "out").path, errPath = folder.appending(path: "err").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "SHOWNOTES_INDEX")
        for (key, value) in extra { environment[key] = value }
        let argv = ([Array(executable.utf8)] + arguments).map(Self.cString) + [nil]
        let envp = environment.map { Self.cString(Array("\($0.key)=\($0.value)".utf8)) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var result = ProgramRun()
        var waitStatus: Int32 = 0
        var usage = rusage()
        let started = ContinuousClock.now
        let deadline = started + .milliseconds(Int(timeout * 1000))
        while wait4(pid, &waitStatus, WNOHANG, &usage) == 0 {
            if ContinuousClock.now > deadline {
                kill(pid, SIGKILL)
                wait4(pid, &waitStatus, 0, &usage)
                result.timedOut = true
                break
            }
            usleep(1000)
        }
        result.seconds = HostileMarkupTests.seconds(ContinuousClock.now - started)
        result.peakMegabytes = usage.ru_maxrss / 1024
        if !result.timedOut {
            // WIFEXITED / WEXITSTATUS / WTERMSIG, spelled out (the C macros are not imported).
            if waitStatus & 0x7F == 0 { result.status = (waitStatus >> 8) & 0xFF } else { result.signal = waitStatus & 0x7F }
        }
        result.stdout = Self.text(of: outPath)
        result.stderr = Self.text(of: errPath)
        return result
    }

    /// A file's text, read with `read(2)` (FoundationEssentials leaks a buffer per empty file
    /// read, which LeakSanitizer would report).
    static func text(of path: String) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether this test process (and so the binaries built beside it) runs under AddressSanitizer
    /// or ThreadSanitizer: time and memory bounds then mean little, crashes and hangs still do.
    static let isSanitized: Bool = ["__asan_init", "__tsan_init"].contains { (name: String) in dlsym(nil, name) != nil }

    /// Same, with ordinary strings.
    static func run(_ arguments: [String], timeout: Double = 30, environment: [String: String] = [:]) throws -> ProgramRun {
        try run(arguments.map { Array($0.utf8) }, timeout: timeout, environment: environment)
    }

    private static func cString(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar>? {
        let pointer = malloc(bytes.count + 1)?.assumingMemoryBound(to: CChar.self)
        for (index, byte) in bytes.enumerated() { pointer?[index] = CChar(bitPattern: byte) }
        pointer?[bytes.count] = 0
        return pointer
    }

    /// stderr as lines, without the final newline.
    var errorLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast(stderr.hasSuffix("\n") ? 1 : 0).map { $0 } }
}
