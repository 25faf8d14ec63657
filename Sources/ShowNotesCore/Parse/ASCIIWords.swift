/// A fixed list of lower-case ASCII words, looked for in UTF-8 bytes ignoring ASCII case:
/// the parser's cheap pre-checks ("could this line start with `subscribe`?") before
/// the Character-level checks that decide.
struct ASCIIWords: Sendable {
    /// Every word's bytes, one after another.
    private let bytes: [UInt8]
    /// Each word's range in `bytes`, ordered by first byte.
    private let ranges: [Range<Int>]
    /// For each byte value `b`, the words starting with it: `ranges[bucket[b]..<bucket[b + 1]]`.
    private let bucket: [Int]

    init(_ words: [String]) {
        let sorted = words.map { Array($0.utf8.map(\.asciiLowercased)) }.filter { !$0.isEmpty }.sorted { $0[0] < $1[0] }
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        var bucket = [Int](repeating: 0, count: 257)
        for word in sorted {
            ranges.append(bytes.count..<bytes.count + word.count)
            bytes += word
            bucket[Int(word[0]) + 1] += 1
        }
        for value in 1...256 { bucket[value] += bucket[value - 1] }
        self.bytes = bytes
        self.ranges = ranges
        self.bucket = bucket
    }

    /// Whether `text` starts with one of the words.
    func isPrefix(of text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first else { return false }
        let initial = Int(first.asciiLowercased)
        return (bucket[initial]..<bucket[initial + 1]).contains { matches(ranges[$0], in: text, at: 0) }
    }

    /// How many runs of ASCII letters in `text` (each as long as it goes) could be one of the
    /// words as a word of Characters, counting no further than `limit`: runs that are one,
    /// and runs right after other non-ASCII text that end with one (a prepended mark there,
    /// such as U+0600, takes the run's first letter into its own Character; `PlainPunctuation`
    /// never does).
    func wordRunCount(in text: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
        var found = 0
        var index = 0
        while index < text.count {
            guard text[index].isASCIILetter else {
                index += 1
                continue
            }
            let start = index
            while index < text.count, text[index].isASCIILetter { index += 1 }
            let length = index - start
            let initial = Int(text[start].asciiLowercased)
            let isWord = (bucket[initial]..<bucket[initial + 1]).contains { ranges[$0].count == length && matches(ranges[$0], in: text, at: start) }
            let afterOther = start > 0 && text[start - 1] >= 0x80 && PlainPunctuation.length(endingAt: start, in: text) == nil
            if isWord || (afterOther && ranges.contains { $0.count < length && matches($0, in: text, at: index - $0.count) }) {
                found += 1
                if found >= limit { return found }
            }
        }
        return found
    }

    private func matches(_ word: Range<Int>, in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + word.count <= text.count else { return false }
        var offset = 0
        while offset < word.count {
            if text[start + offset].asciiLowercased != bytes[word.lowerBound + offset] { return false }
            offset += 1
        }
        return true
    }
}

extension String {
    /// Whether the string starts with one of `words`, ignoring ASCII case.
    func hasPrefix(oneOf words: ASCIIWords) -> Bool {
        var copy = self
        return copy.withUTF8 { words.isPrefix(of: $0) }
    }
}
