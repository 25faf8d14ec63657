/// Reads RSS and Atom feeds (see FeedReader).
enum FeedSource {
    static func read(path: String, display: String) throws(InputError) -> SourceReader.Result {
        throw InputError(file: display, message: "feeds are not read yet")
    }
}
