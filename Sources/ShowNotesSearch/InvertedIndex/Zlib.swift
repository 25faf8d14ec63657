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

    /// Inflates `compressed` into at most `size` bytes, in steps, until `enough(output so far)`
    /// is true or the stream ends.
    ///
    /// The output grows as the stream really produces bytes (a damaged size field costs no
    /// large allocation), and `enough` sees the output in place, so reading far into a big
    /// block stays linear.
    static func inflate(_ compressed: UnsafeRawBufferPointer, size: Int,
                        until enough: (UnsafeBufferPointer<UInt8>) -> Bool) throws(IndexCorruption) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw IndexCorruption("cannot start zlib")
        }
        defer { inflateEnd(&stream) }
        let step = 4096
        var output = [UInt8](repeating: 0, count: min(max(0, size), max(step, compressed.count &* 4)))
        var produced = 0
        stream.next_in = UnsafeMutablePointer(mutating: compressed.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(clamping: compressed.count)
        while produced < size {
            if produced == output.count {
                output += [UInt8](repeating: 0, count: min(size, output.count * 2) - output.count)   // contiguous: one memcpy
            }
            let chunk = min(step, output.count - produced)
            let status = output.withUnsafeMutableBufferPointer { target in
                stream.next_out = target.baseAddress.map { $0 + produced }
                stream.avail_out = uInt(chunk)
                return CZlib.inflate(&stream, Z_SYNC_FLUSH)
            }
            produced = Int(stream.total_out)
            if status == Z_STREAM_END { break }
            guard status == Z_OK else { throw IndexCorruption("text block does not inflate (zlib status \(status))") }
            if output.withUnsafeBufferPointer({ enough(UnsafeBufferPointer(rebasing: $0[..<produced])) }) { break }
        }
        output.removeSubrange(produced...)
        return output
    }
}
