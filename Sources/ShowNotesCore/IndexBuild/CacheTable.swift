/// The build cache's table of contents (`table` in the cache folder, replaced atomically):
/// which program and fingerprint wrote it, which pack file holds the records, where each
/// record lies, and the last seen identity and content hash of every source file.
struct CacheTable: Sendable {
    /// A record's place in the pack.
    struct Place: Sendable, Equatable {
        var offset: Int
        var length: Int
        /// `RecordChecksum` of the record's bytes.
        var checksum: UInt64
    }

    /// A source file's identity when it was last hashed, and that hash.
    struct Seen: Sendable, Equatable {
        var identity: FileIdentity
        var hash: String
    }

    static let magic: [UInt8] = Array("SNCACHE2".utf8)

    /// `BuildFingerprint` plus the program's own hash: another program never trusts these records.
    var identity: String
    /// The pack file is `pack-<generation>`.
    var generation: Int
    /// Record key (`CacheKey`) → place in the pack.
    var records: [String: Place] = [:]
    /// Display path → identity and hash.
    var seen: [String: Seen] = [:]

    var packName: String { "pack-\(generation)" }

    /// The bytes of all records, for deciding when to compact the pack.
    var liveBytes: Int { records.values.reduce(0) { $0 + $1.length } }

    func encode() -> [UInt8] {
        var writer = CacheWriter(bytes: Self.magic)
        writer.string(identity)
        writer.varint(generation)
        writer.varint(records.count)
        for key in records.keys.sorted() {
            guard let place = records[key] else { continue }
            writer.string(key)
            writer.varint(place.offset)
            writer.varint(place.length)
            writer.varint(place.checksum)
        }
        writer.varint(seen.count)
        for path in seen.keys.sorted() {
            guard let file = seen[path] else { continue }
            writer.string(path)
            writer.varint(file.identity.device)
            writer.varint(file.identity.inode)
            writer.varint(UInt64(bitPattern: file.identity.size))
            writer.varint(UInt64(bitPattern: file.identity.modified))
            writer.varint(UInt64(bitPattern: file.identity.changed))
            writer.string(file.hash)
        }
        var hash = ContentHash()
        hash.update(writer.bytes)
        writer.string(hash.hex)
        return writer.bytes
    }

    /// Reads a table; nil when it is damaged or written by another version.
    static func decode(_ bytes: [UInt8]) -> CacheTable? {
        bytes.withUnsafeBytes { raw -> CacheTable? in
            do throws(CacheDamage) {
                var reader = CacheReader(raw)
                for expected in magic where try reader.u8() != expected { return nil }
                var table = CacheTable(identity: try reader.string(), generation: try reader.int())
                for _ in 0..<(try reader.count()) {
                    let key = try reader.string()
                    table.records[key] = Place(offset: try reader.int(limit: Int.max), length: try reader.int(), checksum: try reader.varint())
                }
                for _ in 0..<(try reader.count()) {
                    let path = try reader.string()
                    let identity = FileIdentity(device: try reader.varint(), inode: try reader.varint(),
                                                size: Int64(bitPattern: try reader.varint()),
                                                modified: Int64(bitPattern: try reader.varint()),
                                                changed: Int64(bitPattern: try reader.varint()))
                    table.seen[path] = Seen(identity: identity, hash: try reader.string())
                }
                var hash = ContentHash()
                hash.update(UnsafeRawBufferPointer(rebasing: raw[0..<reader.offset]))
                guard try reader.string() == hash.hex, reader.isAtEnd else { return nil }
                return table
            } catch {
                return nil
            }
        }
    }
}
