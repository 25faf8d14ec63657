/// Stored items (moments' stored texts, episode fields) in zlib-compressed
/// blocks of about 4 KiB, kept in item order so no per-item reference is needed: a small
/// table gives each block's first item and byte offset, and a lookup inflates one block.
struct TextStoreWriter {
    /// Raw bytes per block. 4 KiB, not 16: a result line inflates two blocks (its episode's
    /// strings, its moment's text), which took most of a short query's time at 16 KiB
    /// (about 0.2 ms a line); the index grows by 0.7% (10k benchmark corpus).
    static let blockSize = 4 * 1024

    /// Blocks compressed by earlier builds, to reuse (only speed depends on it, never bytes).
    private let memory: (any TextBlockMemory)?
    private var current = ByteWriter()
    private var currentFirst = 0
    private var itemCount = 0
    private var blocks: [(first: Int, bytes: [UInt8])] = []

    init(memory: (any TextBlockMemory)? = nil) {
        self.memory = memory
    }

    /// The section holding `texts`, in order.
    static func section(_ texts: [String], memory: (any TextBlockMemory)?) -> [UInt8] {
        var items = ByteWriter()
        for text in texts { items.string(text) }
        return section(items: [items.bytes], memory: memory)
    }

    mutating func append(_ text: String) {
        var item = ByteWriter()
        item.string(text)
        item.bytes.withUnsafeBytes { append(item: $0) }
    }

    /// Appends an item already framed (`varint(length)` then its bytes).
    private mutating func append(item: UnsafeRawBufferPointer) {
        if current.count >= Self.blockSize { closeBlock() }
        current.bytes += item
        itemCount += 1
    }

    /// The section holding the items written one after the other in each of `parts`, in
    /// order, each item as `varint(length)` then its bytes (as `ByteWriter.string` writes a
    /// string). Several parts: the segments of a build (`IndexWriter`).
    static func section(items parts: [[UInt8]], memory: (any TextBlockMemory)?) -> [UInt8] {
        var store = TextStoreWriter(memory: memory)
        for items in parts {
            items.withUnsafeBytes { raw in
                var reader = ByteReader(raw)
                var start = 0
                while let length = try? reader.varint(), (try? reader.skip(length)) != nil {
                    store.append(item: UnsafeRawBufferPointer(rebasing: raw[start..<reader.offset]))
                    start = reader.offset
                }
            }
        }
        return store.serialize()
    }

    private mutating func closeBlock() {
        guard current.count > 0 else { return }
        blocks.append((currentFirst, compressed(current.bytes)))
        current = ByteWriter()
        currentFirst = itemCount
    }

    /// Block count, then per block its first item and end offset, then the compressed blocks.
    mutating func serialize() -> [UInt8] {
        closeBlock()
        var output = ByteWriter()
        output.u32(UInt32(blocks.count))
        var end = 0
        for block in blocks {
            end += block.bytes.count
            output.u32(UInt32(block.first))
            output.u32(UInt32(end))
        }
        for block in blocks { output.append(block.bytes) }
        return output.bytes
    }

    /// `raw` compressed, or its compressed form from `memory` when an earlier build made it.
    private func compressed(_ raw: [UInt8]) -> [UInt8] {
        guard let memory else { return Self.deflate(raw) }
        let key = TextBlockKey(raw)
        if let known = memory.compressed(key) { return known }
        let made = Self.deflate(raw)
        memory.remember(key, compressed: made)
        return made
    }

    /// The raw size, then the raw DEFLATE stream.
    static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        var framed = ByteWriter()
        framed.varint(bytes.count)
        framed.append(Zlib.deflate(bytes))
        return framed.bytes
    }
}

/// Reads a text store section; remembers the last inflated block and where its items start.
/// A block is first inflated only as far as the wanted item; when a later item of the same
/// block is not in that prefix, the rest of the block is inflated at once (a result line
/// reads several neighbouring items: an episode's eight strings, its moments' texts).
struct TextStoreReader {
    private let section: ByteReader
    private let blockCount: Int
    private var cachedBlock = -1
    /// The inflated prefix of the cached block.
    private var cachedBytes: [UInt8] = []
    /// Where each whole item of `cachedBytes` starts (at its length varint), then the end of the last.
    private var itemStarts: [Int] = []

    init(_ section: ByteReader) throws(IndexCorruption) {
        self.section = section
        var reader = section
        blockCount = Int(try reader.u32())
        guard blockCount <= (section.end - section.offset) / 8 else { throw IndexCorruption("text store block count out of range") }
    }

    /// The `index`-th item, as a string.
    mutating func text(_ index: Int) throws(IndexCorruption) -> String {
        try item(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Items `range` as strings, with at most one inflation when they share a block (as an
    /// episode's strings do): the block is inflated through the last one first.
    mutating func texts(_ range: Range<Int>) throws(IndexCorruption) -> [String] {
        guard let last = range.last else { return [] }
        let lastText = try text(last)
        return try range.dropLast().map { index throws(IndexCorruption) in try text(index) } + [lastText]
    }

    /// `body` applied to the bytes of the `index`-th item.
    mutating func item<Value>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws(IndexCorruption) -> Value) throws(IndexCorruption) -> Value {
        guard blockCount > 0, index >= 0 else { throw IndexCorruption("text store is empty") }
        // The last block whose first item is ≤ index.
        var low = 0
        var high = blockCount - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if try entry(middle).first <= index { low = middle } else { high = middle - 1 }
        }
        let (first, _) = try entry(low)
        guard first <= index else { throw IndexCorruption("text store does not hold item \(index)") }
        let wanted = index - first
        if cachedBlock != low || wanted + 1 >= itemStarts.count {
            // A second look into the same block inflates all of it.
            cachedBytes = try inflate(low, through: cachedBlock == low ? nil : wanted)
            cachedBlock = low
            itemStarts = Self.itemStarts(cachedBytes)
        }
        guard wanted + 1 < itemStarts.count else { throw IndexCorruption("text block is missing item \(index)") }
        let found: Result<Value, IndexCorruption> = cachedBytes.withUnsafeBytes { raw in
            Result { () throws(IndexCorruption) -> Value in
                var reader = ByteReader(raw, from: itemStarts[wanted], to: itemStarts[wanted + 1])
                let length = try reader.varint()
                return try body(UnsafeRawBufferPointer(rebasing: raw[reader.offset..<reader.offset + length]))
            }
        }
        return try found.get()
    }

    /// Where each whole item of an inflated prefix starts, then the end of the last whole one.
    private static func itemStarts(_ bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBytes { raw -> [Int] in
            var starts = [0]
            var reader = ByteReader(raw)
            while let length = try? reader.varint(), (try? reader.skip(length)) != nil { starts.append(reader.offset) }
            return starts
        }
    }

    private func entry(_ block: Int) throws(IndexCorruption) -> (first: Int, end: Int) {
        var reader = section
        try reader.skip(4 + block * 8)
        return (Int(try reader.u32()), Int(try reader.u32()))
    }

    /// Inflates a block far enough to hold item `item` whole (nil: all of it).
    private func inflate(_ block: Int, through item: Int?) throws(IndexCorruption) -> [UInt8] {
        let start = block == 0 ? 0 : try entry(block - 1).end
        let end = try entry(block).end
        let dataStart = section.offset + 4 + blockCount * 8
        guard start <= end, dataStart + end <= section.end else { throw IndexCorruption("text block lies outside its section") }
        return try Self.inflate(UnsafeRawBufferPointer(rebasing: section.base[dataStart + start..<dataStart + end]), through: item).0
    }

    /// Inflates bytes written by `TextStoreWriter.deflate` (raw size, then raw DEFLATE).
    static func inflate(_ framed: UnsafeRawBufferPointer, through item: Int? = nil) throws(IndexCorruption) -> ([UInt8], Bool) {
        var reader = ByteReader(framed)
        let rawSize = try reader.varint()
        guard rawSize <= 64 << 20 else { throw IndexCorruption("implausible text block size") }
        var scan = ItemScan(wanted: item ?? -1)
        let output = try Zlib.inflate(UnsafeRawBufferPointer(rebasing: framed[reader.offset..<reader.end]), size: rawSize) { prefix in
            item != nil && scan.isComplete(in: prefix)
        }
        return (output, output.count == rawSize)
    }

    /// Inflates a whole value written by `TextStoreWriter.deflate`.
    static func inflate(_ framed: UnsafeRawBufferPointer) throws(IndexCorruption) -> [UInt8] {
        let (output, complete) = try inflate(framed, through: nil)
        guard complete else { throw IndexCorruption("compressed value is truncated") }
        return output
    }
}

/// Walks the items of a growing inflated prefix, resuming where the last look stopped, to tell
/// when item `wanted` is whole (so inflating can stop; each byte is looked at once).
struct ItemScan {
    let wanted: Int
    private var offset = 0
    private var seen = 0

    init(wanted: Int) { self.wanted = wanted }

    mutating func isComplete(in prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        while seen <= wanted {
            var reader = ByteReader(UnsafeRawBufferPointer(prefix), from: offset)
            guard let length = try? reader.varint(), (try? reader.skip(length)) != nil else { return false }
            offset = reader.offset
            seen += 1
        }
        return true
    }
}
