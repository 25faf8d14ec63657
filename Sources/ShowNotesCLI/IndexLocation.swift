#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShowNotesSearch

/// Finds the index a command should use: `--index DIR`, else `$SHOWNOTES_INDEX`, else
/// `./Index`, else the nearest `Index/` in a parent folder (as git finds `.git`).
public enum IndexLocation {
    public static func folder(_ option: String?) -> String {
        if let option { return option }
        if let variable = getenv("SHOWNOTES_INDEX"), variable.pointee != 0 { return String(cString: variable) }
        var directory = "."
        for _ in 0..<64 {
            let candidate = directory == "." ? "Index" : directory + "/Index"
            if access(IndexStore.filePath(in: candidate), R_OK) == 0 { return candidate }
            directory = directory == "." ? ".." : directory + "/.."
            if realpathIsRoot(directory) { break }
        }
        return "Index"
    }

    private static func realpathIsRoot(_ path: String) -> Bool {
        guard let resolved = realpath(path, nil) else { return true }
        defer { free(resolved) }
        return String(cString: resolved) == "/"
    }

    /// Opens the index, or prints why it cannot be opened (with how to build one) and returns nil.
    public static func open(_ option: String?) -> IndexReader? {
        let folder = folder(option)
        do {
            return try IndexReader(path: IndexStore.filePath(in: folder))
        } catch {
            Console.error(error.description)
            return nil
        }
    }
}
