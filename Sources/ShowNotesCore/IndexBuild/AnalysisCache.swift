#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The build cache: every source's parsed and analysed episodes, kept outside the index
/// folder (by default `.shownotes-cache/<index folder name>/` beside the index folder, which
/// git ignores), so a rebuild re-reads only the sources whose content changed.
///
/// Files: `table` (see `CacheTable`, replaced by rename) and one append-only `pack-N` of
/// records. A build appends the records it made and writes a new table; records no table
/// names are garbage, dropped when the pack is compacted. A killed build leaves at most
/// some garbage, never a table naming bytes that are not there. Workers read the `snapshot`
/// and call `remember`, `keep` and `store` (which take a lock); `save` runs once they are done.
final class AnalysisCache: @unchecked Sendable {
    let folder: String
    let snapshot: CacheSnapshot
    private let lock: IndexStore.Lock
    private var next: CacheTable
    private var pack: Int32 = -1
    private var packSize = 0
    private var streamed = StreamedPages(writtenSoFar: 0)
    private let startedAt = FileIdentity.now()
    /// Held by `remember`, `keep` and `store`, which workers call.
    private let updating = Mutex(())

    /// Opens (creating) the cache folder; throws a one-line reason when it cannot be used.
    init(folder: String) throws(CacheDamage) {
        self.folder = folder
        IndexStore.makeFolders(folder)
        guard FileStatus.isDirectory(folder) == true else { throw CacheDamage("cannot create the cache folder \(folder)") }
        let held: IndexStore.Lock?
        do {
            held = try IndexStore.lock(file: folder + "/.lock")
        } catch {
            throw CacheDamage("cannot write in the cache folder \(folder)")
        }
        guard let lock = held else { throw CacheDamage("the cache \(folder) is in use by another build") }
        self.lock = lock
        guard let program = ProgramIdentity.hash else { throw CacheDamage("cannot identify this program, so its cache cannot be trusted") }
        let identity = BuildFingerprint.current + " program=" + program
        let old = (try? FileBytes.read(folder + "/table", display: folder)).flatMap { CacheTable.decode($0.bytes) }
        if let old, old.identity == identity, let mapped = MappedBytes(path: folder + "/" + old.packName) {
            snapshot = CacheSnapshot(table: old, pack: mapped)
            next = CacheTable(identity: identity, generation: old.generation)
        } else {
            snapshot = .empty
            next = CacheTable(identity: identity, generation: (old?.generation ?? 0) + 1)
        }
        Self.removeAllBut([next.packName, snapshot.table.packName, "table", ".lock"], in: folder)
        let path = folder + "/" + next.packName
        pack = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard pack >= 0 else { throw CacheDamage("cannot write in the cache folder \(folder)") }
        packSize = Int(FileIdentity(path: path)?.size ?? 0)
        streamed = StreamedPages(writtenSoFar: packSize)
    }

    deinit { if pack >= 0 { close(pack) } }

    /// Remembers a source file's identity and hash, unless it changed too recently to trust.
    func remember(_ display: String, identity: FileIdentity?, hash: String) {
        guard let identity, !identity.isRacy(against: startedAt - 2_000_000_000) else { return }
        updating.withLock { _ in next.seen[display] = CacheTable.Seen(identity: identity, hash: hash) }
    }

    /// Keeps a record of the snapshot in the next table.
    func keep(_ key: String, at place: CacheTable.Place) {
        updating.withLock { _ in next.records[key] = place }
    }

    /// Appends a new record; on a write error the record is simply not cached. Records are
    /// appended in the order workers make them: only their places, not the index, depend on it.
    func store(_ key: String, record: [UInt8]) {
        let checksum = RecordChecksum.of(record)
        updating.withLock { _ in
            guard pack >= 0, Self.writeAll(pack, record) else { return }
            next.records[key] = CacheTable.Place(offset: packSize, length: record.count, checksum: checksum)
            packSize += record.count
            streamed.wrote(upTo: packSize, in: pack)
        }
    }

    /// Makes this build's records the cache: the pack is flushed before the table names it.
    /// Compacts the pack when more than half of it is garbage.
    func save() throws(CacheDamage) {
        guard pack >= 0, fsync(pack) == 0 else { throw CacheDamage("cannot write the cache in \(folder)") }
        let live = next.liveBytes
        if packSize > 8 << 20, live * 2 < packSize { try compact() }
        try Self.replace(folder + "/table", with: next.encode())
        Self.removeAllBut([next.packName, "table", ".lock"], in: folder)
    }

    /// Copies the live records, in key order, into a new pack.
    private func compact() throws(CacheDamage) {
        guard let current = MappedBytes(path: folder + "/" + next.packName) else { throw CacheDamage("cannot read the cache pack") }
        var compacted = next
        compacted.generation += 1
        compacted.records = [:]
        let path = folder + "/" + compacted.packName
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CacheDamage("cannot write \(path)") }
        defer { close(descriptor) }
        var buffer: [UInt8] = []
        var written = 0
        for key in next.records.keys.sorted() {
            guard let place = next.records[key], place.offset + place.length <= current.bytes.count else { continue }
            compacted.records[key] = CacheTable.Place(offset: written + buffer.count, length: place.length, checksum: place.checksum)
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: current.bytes[place.offset..<place.offset + place.length]))
            if buffer.count >= 4 << 20 {
                guard Self.writeAll(descriptor, buffer) else { throw CacheDamage("cannot write \(path)") }
                written += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        guard Self.writeAll(descriptor, buffer), fsync(descriptor) == 0 else { throw CacheDamage("cannot write \(path)") }
        next = compacted
    }

    /// Writes `bytes` to a temporary file, flushes it and renames it over `path`.
    private static func replace(_ path: String, with bytes: [UInt8]) throws(CacheDamage) {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CacheDamage("cannot write \(path)") }
        let ok = writeAll(descriptor, bytes) && fsync(descriptor) == 0
        close(descriptor)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CacheDamage("cannot write \(path)")
        }
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                guard let base = raw.baseAddress else { return false }
                let written = write(descriptor, base + offset, raw.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    /// Deletes the files of `folder` not named in `keep`: old packs, temporary files of killed builds.
    private static func removeAllBut(_ keep: [String], in folder: String) {
        guard let directory = opendir(folder) else { return }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name != ".", name != "..", !keep.contains(name) { names.append(name) }
        }
        closedir(directory)
        for name in names { unlink(folder + "/" + name) }
    }
}
