#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The index folder on disk: one file, replaced atomically by `rename(2)`, and a lock
/// file so two builds cannot write at once (`flock`, released by the kernel if a build dies).
public enum IndexStore {
    public static func filePath(in folder: String) -> String { folder + "/" + IndexFormat.fileName }

    /// Writes `bytes` beside the current index and renames it into place; a reader sees
    /// the old file or the new one, never a mix.
    public static func write(_ bytes: [UInt8], to folder: String) throws(InputError) {
        _ = mkdir(folder, 0o755)
        let target = filePath(in: folder)
        let temporary = target + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw InputError(file: folder, message: "cannot write the index here") }
        var offset = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while offset < buffer.count {
                guard let base = buffer.baseAddress else { return false }
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written <= 0 { return false }
                offset += written
            }
            return fsync(descriptor) == 0
        }
        close(descriptor)
        guard ok, rename(temporary, target) == 0 else {
            unlink(temporary)
            throw InputError(file: target, message: "cannot write the index (disk full?)")
        }
    }

    /// Takes the folder's build lock, or returns `nil` when another build holds it.
    public static func lock(_ folder: String) -> Int32? {
        _ = mkdir(folder, 0o755)
        let descriptor = open(folder + "/.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }
}

/// FNV-1a, 64-bit: a stable content hash for the source manifest (not for security).
public enum ContentHash {
    public static func hex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
