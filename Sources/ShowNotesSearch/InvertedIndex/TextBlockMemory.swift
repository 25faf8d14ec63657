/// Compressed text blocks remembered between builds (the build cache implements it), so a
/// rebuild compresses only the blocks whose raw bytes changed: DEFLATE at level 9 is the
/// slowest step of writing an index, and a block's compressed bytes depend only on its raw
/// bytes. Called from two threads at once (`IndexBuilder.serialize`).
public protocol TextBlockMemory: AnyObject, Sendable {
    /// The compressed form (`TextStoreWriter.deflate`) of a raw block with this key, if remembered.
    func compressed(_ key: TextBlockKey) -> [UInt8]?
    /// Remembers a block compressed in this build.
    func remember(_ key: TextBlockKey, compressed: [UInt8])
}

/// A raw text block's identity: its length and two independent 64-bit hashes of its bytes.
public struct TextBlockKey: Hashable, Sendable, CustomStringConvertible {
    public var length: Int
    public var first: UInt64
    public var second: UInt64

    init(_ bytes: [UInt8]) {
        length = bytes.count
        var fnv: UInt64 = 0xcbf2_9ce4_8422_2325
        var mix: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                fnv = (fnv ^ word) &* 0x100_0000_01b3
                mix = (mix &+ word) &* 0xFF51_AFD7_ED55_8CCD
                mix ^= mix >> 31
                offset += 8
            }
            while offset < raw.count {
                fnv = (fnv ^ UInt64(raw[offset])) &* 0x100_0000_01b3
                mix = (mix ^ UInt64(raw[offset])) &* 0xC4CE_B9FE_1A85_EC53
                offset += 1
            }
        }
        first = fnv ^ (fnv >> 29)
        second = mix ^ (mix >> 33)
    }

    public var description: String { "\(length)-\(String(first, radix: 16))-\(String(second, radix: 16))" }
}
