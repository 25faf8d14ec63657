#if canImport(Glibc)
import Glibc
#endif

/// A per-process folder for the index files the index targets write (in `/dev/shm` when it
/// exists, so a write per input costs no disk I/O).
public enum ScratchFolder {
    public static let path: String = {
        let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        let folder = base + "/shownotes-fuzz-\(getpid())"
        _ = mkdir(folder, 0o700)
        return folder
    }()

    /// Replaces `folder/name` with `bytes`; false when it could not be written.
    @discardableResult
    public static func write(_ bytes: UnsafeRawBufferPointer, to name: String, in folder: String = path) -> Bool {
        let file = folder + "/" + name
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
