import CZlib

/// Stored texts (chapter titles, takeaways, summaries, episode fields) in zlib-compressed
/// blocks of about 32 KiB, kept in item order so no per-item reference is needed: a small
/// table gives each block's first item and byte offset, and a lookup inflates one block.
struct TextStoreWriter {
    static let blockSize = 32 * 1024

    private var current = ByteWriter()
    private var currentFirst = 0
    private var itemCount = 0
    private var blocks: [(first: Int, bytes: [UInt8])] = []

    mutating func append(_ text: String) {
        if current.count >= Self.blockSize { closeBlock() }
        current.string(text)
        itemCount += 1
    }

    private mutating func closeBlock() {
        guard current.count > 0 else { return }
        blocks.append((currentFirst, Self.deflate(current.bytes)))
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

    static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        var length = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &length, input.baseAddress, uLong(bytes.count), 9)
            }
        }
        precondition(status == Z_OK, "zlib compress2 failed with \(status)")
        // Raw size first, so reading knows how much to allocate.
        var framed = ByteWriter()
        framed.varint(bytes.count)
        framed.append(Array(output.prefix(Int(length))))
        return framed.bytes
    }
}

/// Reads a text store section; remembers the last inflated block.
struct TextStoreReader {
    private let section: ByteReader
    private let blockCount: Int
    private var cachedBlock = -1
    private var cachedBytes: [UInt8] = []

    init(_ section: ByteReader) throws(IndexCorruption) {
        self.section = section
        var reader = section
        blockCount = Int(try reader.u32())
        guard blockCount <= (section.end - section.offset) / 8 else { throw IndexCorruption("text store block count out of range") }
    }

    /// The `index`-th stored text.
    mutating func text(_ index: Int) throws(IndexCorruption) -> String {
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
        if cachedBlock != low {
            cachedBytes = try inflate(low)
            cachedBlock = low
        }
        let found: Result<String, IndexCorruption> = cachedBytes.withUnsafeBytes { raw in
            Result { () throws(IndexCorruption) -> String in
                var reader = ByteReader(raw)
                for _ in first..<index {
                    let length = try reader.varint()
                    try reader.skip(length)
                }
                return try reader.string()
            }
        }
        return try found.get()
    }

    private func entry(_ block: Int) throws(IndexCorruption) -> (first: Int, end: Int) {
        var reader = section
        try reader.skip(4 + block * 8)
        return (Int(try reader.u32()), Int(try reader.u32()))
    }

    private func inflate(_ block: Int) throws(IndexCorruption) -> [UInt8] {
        let start = block == 0 ? 0 : try entry(block - 1).end
        let end = try entry(block).end
        let dataStart = section.offset + 4 + blockCount * 8
        guard start <= end, dataStart + end <= section.end else { throw IndexCorruption("text block lies outside its section") }
        return try Self.inflate(UnsafeRawBufferPointer(rebasing: section.base[dataStart + start..<dataStart + end]))
    }

    /// Inflates bytes written by `TextStoreWriter.deflate` (raw size, then a zlib stream).
    static func inflate(_ framed: UnsafeRawBufferPointer) throws(IndexCorruption) -> [UInt8] {
        var reader = ByteReader(framed)
        let rawSize = try reader.varint()
        guard rawSize <= 64 << 20 else { throw IndexCorruption("implausible text block size") }
        var output = [UInt8](repeating: 0, count: rawSize)
        var outputLength = uLong(rawSize)
        let input = UnsafeRawBufferPointer(rebasing: framed[reader.offset..<reader.end])
        let status = output.withUnsafeMutableBufferPointer { out in
            uncompress(out.baseAddress, &outputLength, input.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(input.count))
        }
        guard status == Z_OK, outputLength == uLong(rawSize) else { throw IndexCorruption("text block does not inflate (zlib status \(status))") }
        return output
    }
}
