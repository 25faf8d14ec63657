#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and hashes source files with plain `read(2)`: the whole file for a notes file,
/// or in chunks, hashing as it goes, for a feed or anything too large to keep.
enum FileBytes {
    /// A file's bytes and its identity as seen by the same open descriptor.
    struct Contents {
        var bytes: [UInt8]
        var identity: FileIdentity
    }

    /// The whole file. Throws when it cannot be opened or read.
    static func read(_ path: String, display: String) throws(InputError) -> Contents {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(file: display, message: "cannot read this file") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw InputError(file: display, message: "cannot read this file") }
        var bytes = [UInt8](repeating: 0, count: max(0, Int(info.st_size)))
        var filled = 0
        while true {
            if filled == bytes.count { bytes += [UInt8](repeating: 0, count: max(4096, bytes.count / 2)) }
            let count = bytes.withUnsafeMutableBytes { raw in
                systemRead(descriptor, raw.baseAddress.map { $0 + filled }, raw.count - filled)
            }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw InputError(file: display, message: "cannot read this file") }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return Contents(bytes: bytes, identity: FileIdentity(info))
    }

    /// The content hash of a file read in chunks (constant memory), and its identity.
    static func hash(_ path: String, display: String) throws(InputError) -> (hash: String, identity: FileIdentity) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(file: display, message: "cannot read this file") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw InputError(file: display, message: "cannot read this file") }
        var hash = ContentHash()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in systemRead(descriptor, raw.baseAddress, raw.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw InputError(file: display, message: "cannot read this file") }
            if count == 0 { break }
            buffer.withUnsafeBytes { hash.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        return (hash.hex, FileIdentity(info))
    }

    /// The hash of a small file a source depends on, or `-` when there is no regular file there.
    static func dependencyHash(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, let (hash, _) = try? hash(path, display: path) else { return "-" }
        return hash
    }
}

/// `read(2)`, named apart from `FileBytes.read`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
