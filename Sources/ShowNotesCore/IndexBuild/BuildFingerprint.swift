/// What an index depends on besides its sources: the index format, the analyzer, the
/// parsers and the manifest's layout. Stored in the index (metadata key `fingerprint`) as
/// `key=value` words; an index with another fingerprint is stale however its sources look.
///
/// Bump `analyzer` when Analysis/ changes the terms it makes, `parser` when Parse/, Feed/
/// or Ingest/ change the episodes read from the same bytes. No build option changes the
/// bytes today (`--jobs` and the cache do not); one that does must be added here.
public enum BuildFingerprint {
    public static let analyzer = "snowball-english-1"
    public static let parser = "3"
    public static let manifest = "2"

    /// This build's fingerprint.
    public static var current: String {
        "format=\(IndexFormat.version) analyzer=\(analyzer) parser=\(parser) manifest=\(manifest)"
    }

    /// Why an index with fingerprint `recorded` needs a rebuild by this `shownotes`; nil when it does not.
    public static func difference(recorded: String?, current: String = current) -> String? {
        guard let recorded else { return "the index has no build fingerprint (this shownotes builds \(current))" }
        if recorded == current { return nil }
        let old = words(recorded), new = words(current)
        let keys = (Set(old.keys).union(new.keys)).sorted()
        let changes = keys.compactMap { key -> String? in
            let was = old[key], now = new[key]
            guard was != now else { return nil }
            return "\(key) \(was ?? "none") → \(now ?? "none")"
        }
        return "built by a different shownotes: " + (changes.isEmpty ? "\(recorded) → \(current)" : changes.joined(separator: ", "))
    }

    private static func words(_ fingerprint: String) -> [String: String] {
        var result: [String: String] = [:]
        for word in fingerprint.split(separator: " ") {
            let parts = word.split(separator: "=", maxSplits: 1)
            result[String(parts[0])] = parts.count == 2 ? String(parts[1]) : ""
        }
        return result
    }
}
