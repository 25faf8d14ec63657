/// Numbers words by their 64-bit FNV-1a hash in an open-addressing table: a repeated word
/// costs a few instructions per byte and no string or `Hasher` work. Used at build time on
/// every surface word of every episode (`VocabularyBuilder`).
///
/// Two different words sharing a hash would get one number (odds about 10⁻¹⁰ for 50,000
/// words); the outcome is still a pure function of the words, so the index stays reproducible.
struct WordHashTable {
    private var hashes = [UInt64](repeating: 0, count: 256)
    private var numbers = [Int](repeating: 0, count: 256)
    private(set) var count = 0

    /// 64-bit FNV-1a of a word's bytes, never 0 (0 marks an empty slot).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash == 0 ? 1 : hash
    }

    static func hash(_ word: String) -> UInt64 {
        var copy = word
        return copy.withUTF8 { hash($0) }
    }

    /// The number of the word with this hash, or nil after giving it the next number (`count`).
    mutating func number(_ hash: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & (hashes.count - 1)
        while hashes[slot] != 0 {
            if hashes[slot] == hash { return numbers[slot] }
            slot = (slot + 1) & (hashes.count - 1)
        }
        hashes[slot] = hash
        numbers[slot] = count
        count += 1
        if count * 2 > hashes.count { grow() }
        return nil
    }

    private mutating func grow() {
        let (oldHashes, oldNumbers) = (hashes, numbers)
        hashes = [UInt64](repeating: 0, count: oldHashes.count * 2)
        numbers = [Int](repeating: 0, count: oldHashes.count * 2)
        for (hash, number) in zip(oldHashes, oldNumbers) where hash != 0 {
            var slot = Int(truncatingIfNeeded: hash) & (hashes.count - 1)
            while hashes[slot] != 0 { slot = (slot + 1) & (hashes.count - 1) }
            hashes[slot] = hash
            numbers[slot] = number
        }
    }
}
