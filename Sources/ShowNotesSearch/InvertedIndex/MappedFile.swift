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
        let (descriptor, size) = try Self.openRegularFile(path, folder: "it is a folder, not an index file")
        defer { close(descriptor) }
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

    /// Opens `path` read-only if it is a regular file: its descriptor (the caller closes it)
    /// and size. `folder` is the reason given when it is a folder.
    static func openRegularFile(_ path: String, folder: String) throws(Failure) -> (descriptor: Int32, size: Int) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            throw code == ENOENT || code == ENOTDIR ? .missing : .unreadable(Self.reason(code))
        }
        var info = stat()
        var problem: String? = nil
        if fstat(descriptor, &info) != 0 {
            problem = Self.reason(errno)
        } else if info.st_mode & S_IFMT == S_IFDIR {
            problem = folder
        } else if info.st_mode & S_IFMT != S_IFREG {
            problem = "not a regular file"
        }
        if let problem {
            close(descriptor)
            throw .unreadable(problem)
        }
        return (descriptor, Int(info.st_size))
    }

    static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }
}
