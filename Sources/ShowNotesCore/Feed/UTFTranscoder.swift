/// Turns a UTF-16 or UTF-32 byte stream into UTF-8, chunk by chunk, so libxml2 always
/// sees UTF-8 (libxml2 2.9 reports "Document is empty" for UTF-32 even with a BOM).
/// Broken code units become U+FFFD.
struct UTFTranscoder {
    let unitSize: Int
    let bigEndian: Bool
    private var carry: [UInt8] = []
    private var pendingHigh: UInt32?
    private var skipBOM: Bool

    init(unitSize: Int, bigEndian: Bool, hasBOM: Bool) {
        self.unitSize = unitSize
        self.bigEndian = bigEndian
        self.skipBOM = hasBOM
    }

    /// Converts the next chunk; bytes of an incomplete unit wait for the next call.
    mutating func convert(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var bytes = carry
        bytes.append(contentsOf: chunk)
        carry.removeAll(keepingCapacity: true)
        let whole = bytes.count - bytes.count % unitSize
        var index = 0
        while index < whole {
            var unit: UInt32 = 0
            for offset in 0..<unitSize {
                let byte = UInt32(bytes[index + (bigEndian ? offset : unitSize - 1 - offset)])
                unit = unit << 8 | byte
            }
            index += unitSize
            if skipBOM {
                skipBOM = false
                if unit == 0xFEFF { continue }
            }
            emit(unit, into: &output)
        }
        carry.append(contentsOf: bytes[whole...])
    }

    /// Flushes what is left at the end of the input.
    mutating func finish(into output: inout [UInt8]) {
        if pendingHigh != nil { Self.append(0xFFFD, to: &output) }
        if !carry.isEmpty { Self.append(0xFFFD, to: &output) }
        pendingHigh = nil
        carry = []
    }

    private mutating func emit(_ unit: UInt32, into output: inout [UInt8]) {
        if unitSize == 4 {
            Self.append(Unicode.Scalar(unit) == nil ? 0xFFFD : unit, to: &output)
            return
        }
        if let high = pendingHigh {
            pendingHigh = nil
            if (0xDC00...0xDFFF).contains(unit) {
                Self.append(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), to: &output)
                return
            }
            Self.append(0xFFFD, to: &output)
        }
        switch unit {
        case 0xD800...0xDBFF: pendingHigh = unit
        case 0xDC00...0xDFFF: Self.append(0xFFFD, to: &output)
        default: Self.append(unit, to: &output)
        }
    }

    static func append(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | value >> 6))
            output.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | value >> 12))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        default:
            output.append(UInt8(0xF0 | value >> 18))
            output.append(UInt8(0x80 | value >> 12 & 0x3F))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        }
    }
}
