#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns an open file descriptor and hands out the file's bytes one chunk at a time, so a
/// feed of any size is read in constant memory; closes the file when released.
final class FileChunks {
    private let descriptor: Int32
    static let chunkSize = 1 << 20

    /// Opens a regular file; `nil` for anything else. `O_NONBLOCK` keeps a FIFO from blocking
    /// the open (it has no effect on a regular file's reads).
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The next chunk, `[]` at the end of the file, `nil` on a read error.
    func next() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        var filled = 0
        while filled < buffer.count {
            let count = buffer.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress.map { $0 + filled }, raw.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        buffer.removeSubrange(filled...)
        return buffer
    }
}
