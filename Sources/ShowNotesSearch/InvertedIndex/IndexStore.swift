#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The index folder on disk: one file, replaced atomically by `rename(2)`, and a lock
/// file so two builds cannot write at once (`flock`, released by the kernel if a build dies).
///
/// Readers open `shownotes.idx` by name and map it; a rename never changes a file a reader
/// already holds, so a search during a rebuild sees the old index or the new one, whole.
public enum IndexStore {
    /// Where the index file of `folder` lives.
    public static func filePath(in folder: String) -> String { folder + "/" + IndexFormat.fileName }

    /// The prefix of the temporary files a build writes before renaming one into place.
    static var temporaryPrefix: String { IndexFormat.fileName + ".tmp-" }

    /// Writes `bytes` beside the current index and renames it into place; a reader sees
    /// the old file or the new one, never a mix. The data is on disk (fsync) before the
    /// rename, and the rename is on disk before this returns.
    public static func write(_ bytes: [UInt8], to folder: String) throws(InputError) {
        try write(parts: [bytes], to: folder)
    }

    /// Writes the index file made of `parts`, one after the other (see `write(_:to:)`).
    public static func write(parts: [[UInt8]], to folder: String) throws(InputError) {
        makeFolders(folder)
        let target = filePath(in: folder)
        let temporary = folder + "/" + temporaryPrefix + "\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw InputError(file: folder, message: "cannot write the index here") }
        let ok = parts.allSatisfy { part in
            part.withUnsafeBytes { buffer -> Bool in
                var offset = 0
                while offset < buffer.count {
                    guard let base = buffer.baseAddress else { return false }
                    let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                    if written < 0, errno == EINTR { continue }
                    if written <= 0 { return false }
                    offset += written
                }
                return true
            }
        } && fsync(descriptor) == 0
        close(descriptor)
        guard ok, rename(temporary, target) == 0 else {
            unlink(temporary)
            throw InputError(file: target, message: "cannot write the index (disk full?)")
        }
        syncFolder(folder)
    }

    /// Flushes a folder's entries (a rename) to disk; best effort.
    static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Removes the temporary files of builds that were killed before their rename. Call it
    /// only while holding the folder's lock: then no other build is writing one.
    @discardableResult
    public static func removeLeftovers(in folder: String) -> Int {
        guard let directory = opendir(folder) else { return 0 }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(temporaryPrefix) { names.append(name) }
        }
        closedir(directory)
        for name in names { unlink(folder + "/" + name) }
        return names.count
    }

    /// A held build lock; released when this value is released (or the process ends).
    public final class Lock {
        private let descriptor: Int32

        init(descriptor: Int32) { self.descriptor = descriptor }

        deinit { close(descriptor) }
    }

    /// Takes the folder's build lock (creating the folder and its parents), or returns `nil`
    /// when another build holds it; throws when the lock file cannot be created. The kernel
    /// drops the lock when its holder dies, even by `kill -9`.
    public static func lock(_ folder: String) throws(InputError) -> Lock? {
        makeFolders(folder)
        return try lock(file: folder + "/.lock")
    }

    /// Takes an exclusive `flock` on `path` (created when missing), or returns `nil` when it is held.
    public static func lock(file path: String) throws(InputError) -> Lock? {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw InputError(file: path, message: "cannot create the lock file here") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        return Lock(descriptor: descriptor)
    }

    /// `mkdir -p`, best effort (what cannot be made shows up as an error when it is used).
    public static func makeFolders(_ path: String) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            _ = mkdir(prefix, 0o755)
            prefix += "/"
        }
    }
}

/// FNV-1a, 64-bit: a stable content hash for the source manifest (not for security).
/// Fed in pieces (`update`) or all at once (`hex`); the same bytes give the same hash.
public struct ContentHash: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var hash = state
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        state = hash
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The hash as a number.
    public var value: UInt64 { state }

    /// Sixteen lowercase hex digits.
    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        var hash = ContentHash()
        hash.update(bytes)
        return hash.hex
    }
}
