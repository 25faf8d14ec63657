/// Counts decoded from postings (term frequencies, notes ceilings), one byte each: nearly all
/// are below 255, and those that are not are kept exactly beside, by index (the byte holds
/// 255). A query decodes hundreds of thousands of counts (four per episode a word occurs in),
/// and here every 4 KB of fresh memory costs a page fault of about 2 µs: as 32-bit integers,
/// `mental health sleep habits` at 100,000 episodes wrote 3.7 MB of decoded lists; as bytes, 1.7 MB.
struct CompactCounts {
    private(set) var bytes: [UInt8]
    /// The counts of 255 or more, by index.
    private var large: [Int: UInt32]

    init() {
        bytes = []
        large = [:]
    }

    init(repeating value: UInt32, count: Int) {
        bytes = [UInt8](repeating: UInt8(clamping: value), count: count)
        large = [:]
        if value >= UInt32(UInt8.max) { for index in 0..<count { large[index] = value } }
    }

    /// Counts already written as bytes (255 where `large` holds the count).
    init(bytes: [UInt8], large: [Int: UInt32]) {
        self.bytes = bytes
        self.large = large
    }

    var count: Int { bytes.count }

    subscript(index: Int) -> UInt32 {
        get {
            let byte = bytes[index]
            return byte != .max ? UInt32(byte) : large[index] ?? UInt32(byte)
        }
        set {
            if bytes[index] == .max { large[index] = nil }
            bytes[index] = UInt8(clamping: newValue)
            if newValue >= UInt32(UInt8.max) { large[index] = newValue }
        }
    }

    /// The sum of the counts in `range` (which must lie within the counts).
    func sum(_ range: Range<Int>) -> Int {
        var total = 0
        bytes.withUnsafeBufferPointer { bytes in
            for index in range {
                let byte = bytes[index]
                total += byte != .max ? Int(byte) : Int(large[index] ?? UInt32(byte))
            }
        }
        return total
    }

    mutating func append(_ value: UInt32) {
        if value >= UInt32(UInt8.max) { large[bytes.count] = value }
        bytes.append(UInt8(clamping: value))
    }

    mutating func append(contentsOf other: CompactCounts) {
        for (index, value) in other.large { large[bytes.count + index] = value }
        bytes += other.bytes
    }

    mutating func removeLast(_ count: Int = 1) {
        for index in bytes.count - count..<bytes.count where bytes[index] == .max { large[index] = nil }
        bytes.removeLast(count)
    }

    /// Writes `value` at `index` of a byte buffer being filled, noting it in `large` when it
    /// does not fit (for decoders that fill `init(bytes:large:)`'s buffer directly).
    @inline(__always)
    static func store(_ value: UInt32, at index: Int, in bytes: UnsafeMutableBufferPointer<UInt8>, large: inout [Int: UInt32]) {
        if value < UInt32(UInt8.max) {
            bytes[index] = UInt8(truncatingIfNeeded: value)
        } else {
            bytes[index] = .max
            large[index] = value
        }
    }
}
