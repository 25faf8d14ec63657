/// Reads RSS and Atom feeds for `SourceReader` (see `FeedReader`).
enum FeedSource {
    static func read(path: String, display: String) throws(InputError) -> SourceReader.Result {
        try FeedReader.read(path: path, display: display)
    }
}
