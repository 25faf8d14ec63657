/// Checks a whole index file, for `shownotes index --verify`: every section's CRC32, then every
/// structural invariant the query path relies on without checking (sorted terms, increasing
/// document ids, offsets in range and contiguous, counts consistent, every moment layout
/// decodes, every text block inflates).
///
/// Opening an index checks only the header and the counts, so a search stays fast; this reads
/// every byte once. It never crashes on damage: each problem becomes one line of the report.
public enum IndexVerifier {
    /// What a verification found.
    public struct Report: Sendable {
        public var path: String
        /// Why the file could not be opened at all (missing, unreadable, another format version).
        public var openError: IndexReader.OpenError?
        /// Each damage found, as `<where>: <what>`.
        public var problems: [String] = []
        /// What was checked, for the line printed when all is well.
        public var summary = ""

        public var isSound: Bool { openError == nil && problems.isEmpty }

        /// The lines to show: `error: index corrupted: <file>: <what>` per problem.
        public var errorLines: [String] {
            if let openError { return [openError.description] }
            return problems.map { "error: index corrupted: \(path): \($0)" }
        }
    }

    /// Verifies the index file at `path`.
    public static func verify(path: String) -> Report {
        var report = Report(path: path)
        let reader: IndexReader
        do {
            reader = try IndexReader(path: path)
        } catch {
            report.openError = error
            return report
        }
        report.problems += checksumProblems(reader)
        let checks: [(String, (IndexReader) throws(IndexCorruption) -> Void)] = [
            ("meta", checkMeta),
            ("dictionary", checkDictionary),
            ("moments", checkMoments),
            ("momentTexts", { reader throws(IndexCorruption) in try checkTexts(reader, .momentTexts, items: reader.momentCount) }),
            ("episodeTexts", { reader throws(IndexCorruption) in
                try checkTexts(reader, .episodeTexts, items: reader.episodeCount * EpisodeString.allCases.count)
            }),
            ("words", checkWords),
        ]
        for (name, check) in checks {
            do { try check(reader) } catch { report.problems.append("\(name): \(error.what)") }
        }
        report.summary = "\(IndexFormat.Section.allCases.count) sections, \(reader.termCount) terms, "
            + "\(reader.episodeCount) episodes, \(reader.momentCount) moments, \(reader.fileSize) bytes"
        return report
    }

    /// Sections whose bytes do not match the CRC32 the header holds for them.
    static func checksumProblems(_ reader: IndexReader) -> [String] {
        IndexFormat.Section.allCases.compactMap { section in
            let place = reader.place(section)
            let computed = CRC32.checksum(UnsafeRawBufferPointer(rebasing: reader.bytes[place.offset..<place.offset + place.length]))
            guard computed != place.crc else { return nil }
            return "section \(section): checksum mismatch (stored \(hex(place.crc)), computed \(hex(computed)))"
        }
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Counts, average lengths (finite, at least 1, as written), then metadata keys in strictly
    /// ascending byte order with values that inflate whole to UTF-8, and nothing after them.
    static func checkMeta(_ reader: IndexReader) throws(IndexCorruption) {
        var meta = reader.section(.meta)
        for _ in 0..<3 { _ = try meta.varint() }
        for _ in 0...IndexFormat.EpisodeField.allCases.count {
            let average = try meta.f64()
            guard average.isFinite, average >= 1 else { throw IndexCorruption("implausible average field length \(average)") }
        }
        let pairs = try meta.varint()
        var previous: [UInt8]? = nil
        for _ in 0..<pairs {
            let key = Array(try meta.string().utf8)
            guard previous.map({ $0.lexicographicallyPrecedes(key) }) ?? true else { throw IndexCorruption("metadata keys out of order") }
            previous = key
            let length = try meta.varint()
            guard length <= meta.end - meta.offset else { throw IndexCorruption("metadata value runs past its section") }
            let value = try TextStoreReader.inflate(UnsafeRawBufferPointer(rebasing: reader.bytes[meta.offset..<meta.offset + length]))
            guard String(validating: value, as: UTF8.self) != nil else { throw IndexCorruption("metadata value is not UTF-8") }
            try meta.skip(length)
        }
        guard meta.isAtEnd else { throw IndexCorruption("\(meta.end - meta.offset) unexpected bytes after the metadata") }
    }
}
