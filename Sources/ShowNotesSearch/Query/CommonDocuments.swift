/// The documents present in every one of several postings lists, in order, each with its
/// index in every list (`indices`, valid after `next()` returns it). Lists are walked
/// forward once. (An iterator, not a closure: the phrase loops that use it keep their
/// buffers local, with no runtime exclusivity checks. It keeps only the lists' document
/// arrays, indexed in place: copying a `Postings` in this loop retained each of its arrays.)
struct CommonDocuments {
    private let documents: [[UInt32]]
    /// The current document's index in each list.
    private(set) var indices: [Int]
    private var position = 0
    /// Documents at or past this are not listed.
    private let end: UInt32

    /// The common documents of `lists` within `range` (all of them by default).
    init(_ lists: [Postings], in range: Range<UInt32> = 0..<UInt32.max) {
        documents = lists.map(\.documents)
        indices = documents.map { QueryPart.gallop($0, from: 0, to: range.lowerBound) }
        position = indices.first ?? 0
        end = range.upperBound
    }

    mutating func next() -> UInt32? {
        guard !documents.isEmpty else { return nil }
        let count = documents[0].count
        outer: while position < count {
            let document = documents[0][position]
            guard document < end else {
                position = count
                return nil
            }
            indices[0] = position
            position += 1
            for list in 1..<documents.count {
                var index = indices[list]
                while index < documents[list].count, documents[list][index] < document { index += 1 }
                indices[list] = index
                guard index < documents[list].count else {
                    position = count
                    return nil
                }
                if documents[list][index] != document { continue outer }
            }
            return document
        }
        return nil
    }
}
