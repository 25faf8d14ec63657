/// The documents present in every one of several postings lists, in order, each with its
/// index in every list (`indices`, valid after `next()` returns it). Lists are walked
/// forward once. (An iterator, not a closure: the phrase loops that use it keep their
/// buffers local, with no runtime exclusivity checks.)
struct CommonDocuments {
    private let lists: [Postings]
    /// The current document's index in each list.
    private(set) var indices: [Int]
    private var position = 0

    init(_ lists: [Postings]) {
        self.lists = lists
        indices = [Int](repeating: 0, count: lists.count)
    }

    mutating func next() -> UInt32? {
        guard let first = lists.first?.documents else { return nil }
        outer: while position < first.count {
            let document = first[position]
            indices[0] = position
            position += 1
            for list in 1..<lists.count {
                let documents = lists[list].documents
                var index = indices[list]
                while index < documents.count, documents[index] < document { index += 1 }
                indices[list] = index
                guard index < documents.count else {
                    position = first.count
                    return nil
                }
                if documents[index] != document { continue outer }
            }
            return document
        }
        return nil
    }
}
