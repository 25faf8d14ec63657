/// The content hash of the running program: part of the build cache's identity, so a
/// cache written by any other build of shownotes (say, with a changed parser whose
/// version nobody bumped) is never trusted.
enum ProgramIdentity {
    /// Nil when the program file cannot be read (the cache is then not used).
    static let hash: String? = {
        guard let (hash, _) = try? FileBytes.hash("/proc/self/exe", display: "/proc/self/exe") else { return nil }
        return hash
    }()
}
