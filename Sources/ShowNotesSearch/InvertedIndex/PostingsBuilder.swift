/// Accumulates one term's postings while documents are added in increasing id order,
/// and writes them in the index's block format.
///
/// Moments: per document `varint(gap << 1 | tf>1)` then `varint(tf)` when above one.
/// Episodes: per document `varint(gap << 4 | fieldMask)` then one `varint(tf)` per field in
/// the mask. Positions go to a separate stream, field-local, as gaps. A list longer than one
/// block of 128 documents starts with a skip table: per block its last document, its byte
/// length and its positions' byte length.
struct PostingsBuilder {
    var documents: [UInt32] = []
    /// Per document, `fields` counts.
    var frequencies: [UInt32] = []
    var positions: [UInt32] = []

    /// A moment: one field.
    mutating func append(document: UInt32, positions list: [UInt32]) {
        documents.append(document)
        frequencies.append(UInt32(list.count))
        positions += list
    }

    /// An episode: per field its positions (the frequency is their count).
    mutating func append(document: UInt32, fields: [[UInt32]]) {
        documents.append(document)
        for field in fields {
            frequencies.append(UInt32(field.count))
            positions += field
        }
    }

    func write(fields: Int, postings: inout ByteWriter, positionsOut: inout ByteWriter) {
        let count = documents.count
        let blockCount = (count + IndexFormat.blockSize - 1) / IndexFormat.blockSize
        var blocks: [ByteWriter] = []
        var blockPositionBytes: [Int] = []
        var lastDocs: [UInt32] = []
        var previous: UInt32 = 0
        var positionIndex = 0
        for block in 0..<blockCount {
            var writer = ByteWriter()
            let positionsStart = positionsOut.count
            for index in block * IndexFormat.blockSize..<min(count, (block + 1) * IndexFormat.blockSize) {
                let gap = index == 0 ? Int(documents[index]) : Int(documents[index] - previous) - 1
                previous = documents[index]
                let counts = frequencies[index * fields..<(index + 1) * fields]
                if fields == 1 {
                    let frequency = Int(counts[counts.startIndex])
                    writer.varint(gap << 1 | (frequency > 1 ? 1 : 0))
                    if frequency > 1 { writer.varint(frequency) }
                } else {
                    var mask = 0
                    for (field, frequency) in counts.enumerated() where frequency > 0 { mask |= 1 << field }
                    writer.varint(gap << 4 | mask)
                    for frequency in counts where frequency > 0 { writer.varint(Int(frequency)) }
                }
                for frequency in counts {
                    var last: UInt32 = 0
                    for _ in 0..<frequency {
                        let position = positions[positionIndex]
                        positionsOut.varint(Int(position &- last))
                        last = position
                        positionIndex += 1
                    }
                }
            }
            blocks.append(writer)
            blockPositionBytes.append(positionsOut.count - positionsStart)
            lastDocs.append(previous)
        }
        if blockCount > 1 {
            var lastDoc: UInt32 = 0
            for block in 0..<blockCount {
                postings.varint(Int(lastDocs[block] - lastDoc))
                lastDoc = lastDocs[block]
                postings.varint(blocks[block].count)
                postings.varint(blockPositionBytes[block])
            }
        }
        for block in blocks { postings.append(block.bytes) }
    }
}
