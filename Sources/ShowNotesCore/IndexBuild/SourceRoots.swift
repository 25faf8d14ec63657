/// The folders an index's sources sit under (the folders named to `shownotes index`, or a
/// named file's folder), each as a path relative to the index's folder, numbered in byte
/// order. Stored in the index (metadata key `roots`, one per line) so a search can open the
/// source of a text the index keeps as a reference into it (`StoredText`).
///
/// Relative, so the index and its sources can move together; the same layout anywhere
/// gives the same bytes.
struct SourceRoots {
    /// The stored paths, sorted; a source's root number is its place here.
    let paths: [String]
    /// Root as given (`IndexSource.root`) → number.
    private let numbers: [String: Int]

    init(_ sources: [IndexSource], index: String) throws(IndexBuildError) {
        let indexFolder = ChaptersLink.realPath(index) ?? index
        var relative: [String: String] = [:]
        for root in Set(sources.map(\.root)) {
            relative[root] = Self.path(from: indexFolder, to: ChaptersLink.realPath(root) ?? root)
        }
        paths = Set(relative.values).sorted { $0.precedesInUTF8($1) }
        guard paths.count <= IndexFormat.maximumRoots else {
            throw .sources([InputError(file: index, message: "sources lie in \(paths.count) different folders, over the \(IndexFormat.maximumRoots) an index can name; index their common folder instead")])
        }
        let place = Dictionary(uniqueKeysWithValues: paths.enumerated().map { ($1, $0) })
        numbers = relative.mapValues { place[$0] ?? 0 }
    }

    func number(of source: IndexSource) -> Int { numbers[source.root] ?? 0 }

    var text: String { paths.joined(separator: "\n") }

    /// `target` relative to `folder` (both absolute and canonical): `../Feeds`, `.`.
    static func path(from folder: String, to target: String) -> String {
        let from = folder.split(separator: "/"), to = target.split(separator: "/")
        let shared = zip(from, to).prefix(while: { $0 == $1 }).count
        let parts = Array(repeating: "..", count: from.count - shared) + to[shared...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
