#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory map of a whole file; unmapped when released.
final class MappedFile: @unchecked Sendable {
    /// Why a file could not be mapped.
    enum Failure: Error {
        /// Nothing at that path (or a folder on the way is missing).
        case missing
        /// Something is there but cannot be read as a file: the reason, as the system says it.
        case unreadable(String)
    }

    let bytes: UnsafeRawBufferPointer

    /// Maps `path`. Only regular files are opened: `O_NONBLOCK` keeps a FIFO from blocking the
    /// open, and a folder or device is refused with the reason.
    init(path: String) throws(Failure) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            throw code == ENOENT || code == ENOTDIR ? .missing : .unreadable(Self.reason(code))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(Self.reason(errno)) }
        if info.st_mode & S_IFMT == S_IFDIR { throw .unreadable("it is a folder, not an index file") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .unreadable("not a regular file") }
        let size = Int(info.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw .unreadable(Self.reason(errno))
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }

    static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }
}
