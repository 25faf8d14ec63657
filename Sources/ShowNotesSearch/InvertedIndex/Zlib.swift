import CZlib

/// Raw DEFLATE (no zlib header or Adler-32: the index's section CRCs already cover the
/// bytes), with an inflate that can stop early once the caller has what it needs.
enum Zlib {
    static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return []
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 16)
        var input = bytes
        let produced: Int = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                let status = CZlib.deflate(&stream, Z_FINISH)
                return status == Z_STREAM_END ? Int(stream.total_out) : -1
            }
        }
        return produced < 0 ? [] : Array(output.prefix(produced))
    }

    /// Inflates `compressed` into at most `size` bytes, in steps, until `enough(output)` is true
    /// or the stream ends.
    static func inflate(_ compressed: UnsafeRawBufferPointer, size: Int,
                        until enough: ([UInt8]) -> Bool) throws(IndexCorruption) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw IndexCorruption("cannot start zlib")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: size)
        var produced = 0
        var status = Z_OK
        let step = 4096
        stream.next_in = UnsafeMutablePointer(mutating: compressed.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(compressed.count)
        while produced < size {
            let chunk = min(step, size - produced)
            status = output.withUnsafeMutableBufferPointer { target in
                stream.next_out = target.baseAddress.map { $0 + produced }
                stream.avail_out = uInt(chunk)
                return CZlib.inflate(&stream, Z_SYNC_FLUSH)
            }
            produced = Int(stream.total_out)
            if status == Z_STREAM_END { break }
            guard status == Z_OK else { throw IndexCorruption("text block does not inflate (zlib status \(status))") }
            if enough(Array(output.prefix(produced))) { break }
        }
        return Array(output.prefix(produced))
    }
}
