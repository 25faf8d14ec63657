/// The cached form of one `SourceOutcome`: its diagnostics (those about the source itself
/// stored without its display path, which depends on how the build was started), its
/// dependencies and how many analyses follow (the head), then the analyses
/// (`EpisodeAnalysis.encode`). Deterministic.
enum CacheRecord {
    private static let severities: [Diagnostic.Severity] = [.warning, .error, .note]

    /// The head of a record: everything before the analyses, which follow it in the same
    /// buffer (`SourceOutcome.read(_:bytes:analyzer:adding:record:)`).
    static func head(diagnostics: [Diagnostic], dependencies: [SourceManifest.Dependency], count: Int, display: String) -> [UInt8] {
        var writer = CacheWriter()
        writer.varint(diagnostics.count)
        for diagnostic in diagnostics {
            let own = diagnostic.file == display
            writer.u8((own ? 1 : 0) | (diagnostic.line == nil ? 0 : 2))
            if !own { writer.string(diagnostic.file) }
            if let line = diagnostic.line { writer.varint(line) }
            writer.u8(UInt8(severities.firstIndex(of: diagnostic.severity) ?? 0))
            writer.string(diagnostic.message)
        }
        writer.varint(dependencies.count)
        for dependency in dependencies {
            writer.string(dependency.path)
            writer.string(dependency.hash)
        }
        writer.varint(count)
        return writer.bytes
    }

    /// Reads the record at `place` in `pack` (its checksum already verified); diagnostics about
    /// the source name it `display`. The analyses are left encoded: `IndexBuilder` adds them
    /// straight from the pack (and a record that fails there stops the build, see
    /// `IndexBuildError.damagedCache`; with the checksum verified it cannot).
    static func decode(_ pack: MappedBytes, at place: CacheTable.Place, display: String) throws(CacheDamage) -> SourceOutcome {
        let end = place.offset + place.length
        let bytes = UnsafeRawBufferPointer(rebasing: pack.bytes[..<end])
        var reader = CacheReader(bytes, offset: place.offset)
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try reader.count()) {
            let flags = try reader.u8()
            let file = flags & 1 != 0 ? display : try reader.string()
            let line = flags & 2 != 0 ? try reader.int() : nil
            let severity = Int(try reader.u8())
            guard severity < severities.count else { throw CacheDamage("unknown severity") }
            diagnostics.append(Diagnostic(file: file, line: line, severity: severities[severity], message: try reader.string()))
        }
        var dependencies: [SourceManifest.Dependency] = []
        for _ in 0..<(try reader.count()) {
            let path = try reader.string()
            dependencies.append(SourceManifest.Dependency(path: path, hash: try reader.string()))
        }
        let count = try reader.count()
        let start = reader.offset
        guard count == 0 ? start == end : start < end else { throw CacheDamage("record length mismatch") }
        return SourceOutcome(episodes: .cached(pack: pack, offset: start, count: count), diagnostics: diagnostics, dependencies: dependencies)
    }
}
