/// Accumulates one term's postings while documents are added in increasing id order.
struct PostingsBuilder {
    var documents: [UInt32] = []
    /// Per document, one count per field (one field for moments, four for episodes).
    var frequencies: [UInt32] = []
    var positions: [UInt32] = []

    /// Writes the postings (blocks of doc-id gaps and frequencies, preceded by a skip table)
    /// and the positions, returning their byte lengths.
    func write(fields: Int, postings: inout ByteWriter, positionsOut: inout ByteWriter) {
        let count = documents.count
        let blockCount = (count + IndexFormat.blockSize - 1) / IndexFormat.blockSize
        var blocks: [ByteWriter] = []
        var blockPositions: [Int] = []
        var previous: UInt32 = 0
        var positionIndex = 0
        var lastDocs: [UInt32] = []
        for block in 0..<blockCount {
            var writer = ByteWriter()
            let range = block * IndexFormat.blockSize..<min(count, (block + 1) * IndexFormat.blockSize)
            let positionsStart = positionsOut.count
            for index in range {
                writer.varint(Int(documents[index] - previous) - (index == 0 ? 0 : 1))
                previous = documents[index]
            }
            for index in range {
                var total = 0
                for field in 0..<fields {
                    let frequency = Int(frequencies[index * fields + field])
                    writer.varint(frequency)
                    total += frequency
                }
                var last: UInt32 = 0
                for _ in 0..<total {
                    let position = positions[positionIndex]
                    positionsOut.varint(Int(position - last))
                    last = position
                    positionIndex += 1
                }
            }
            blocks.append(writer)
            blockPositions.append(positionsOut.count - positionsStart)
            lastDocs.append(previous)
        }
        // Skip table: per block, its last document, its byte length and its positions' byte length.
        if blockCount > 1 {
            var lastDoc: UInt32 = 0
            for block in 0..<blockCount {
                postings.varint(Int(lastDocs[block] - lastDoc))
                lastDoc = lastDocs[block]
                postings.varint(blocks[block].count)
                postings.varint(blockPositions[block])
            }
        }
        for block in blocks { postings.append(block.bytes) }
    }
}
