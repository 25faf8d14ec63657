#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole regular file into memory with `read`. For files that other programs may
/// rewrite while we look (a source a search reads texts from): a memory map of a file
/// truncated under it would fault, a copy cannot.
enum FileContents {
    /// Files larger than this are not read (no notes file is near it).
    static let largest = 1 << 30

    static func bytes(atPath path: String) throws(MappedFile.Failure) -> [UInt8] {
        let (descriptor, size) = try MappedFile.openRegularFile(path, folder: "it is a folder")
        defer { close(descriptor) }
        guard size <= largest else { throw .unreadable("over \(largest >> 20) MiB") }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < bytes.count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { throw .unreadable(MappedFile.reason(errno)) }
            if got == 0 { break }   // shorter than when we looked: what is there is what we hash
            filled += got
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}
