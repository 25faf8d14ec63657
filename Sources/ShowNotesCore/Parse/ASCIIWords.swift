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
    /// A bit per pair of (folded) bytes that some word starts with: a quick "no" at most positions.
    private let pairs: [UInt64]

    init(_ words: [String]) {
        let sorted = words.map { Array($0.utf8.map(\.asciiLowercased)) }.filter { !$0.isEmpty }.sorted { $0[0] < $1[0] }
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        var bucket = [Int](repeating: 0, count: 257)
        var pairs = [UInt64](repeating: 0, count: 1024)
        for word in sorted {
            ranges.append(bytes.count..<bytes.count + word.count)
            bytes += word
            bucket[Int(word[0]) + 1] += 1
            let seconds = word.count > 1 ? [word[1]] : Array(0...255)
            for second in seconds {
                let pair = Int(word[0]) << 8 | Int(second)
                pairs[pair >> 6] |= 1 << UInt64(pair & 63)
            }
        }
        for value in 1...256 { bucket[value] += bucket[value - 1] }
        self.bytes = bytes
        self.ranges = ranges
        self.bucket = bucket
        self.pairs = pairs
    }

    /// Whether `text` starts with one of the words.
    func isPrefix(of text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !text.isEmpty else { return false }
        return wordCount(startingAt: 0, in: text, upTo: 1) > 0
    }

    /// How many times the words occur in `text` (at any position), counting no further than `limit`.
    func occurrences(in text: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
        var found = 0
        for start in text.indices {
            if start + 1 < text.count {
                let pair = Int(text[start].asciiLowercased) << 8 | Int(text[start + 1].asciiLowercased)
                guard pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
            }
            found += wordCount(startingAt: start, in: text, upTo: limit - found)
            if found >= limit { return found }
        }
        return found
    }

    /// How many words occur at `start` in `text`, counting no further than `limit`.
    private func wordCount(startingAt start: Int, in text: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
        let initial = Int(text[start].asciiLowercased)
        var found = 0
        for index in bucket[initial]..<bucket[initial + 1] where matches(ranges[index], in: text, at: start) {
            found += 1
            if found >= limit { break }
        }
        return found
    }

    private func matches(_ word: Range<Int>, in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + word.count <= text.count else { return false }
        var offset = 1   // the first byte chose the bucket
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
