#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers the distinct terms of an index being built by their UTF-8 bytes (open addressing,
/// FNV-1a, the bytes kept in one arena): a term read from the build cache is looked up
/// without becoming a `String`, and no per-process hash seed is involved.
struct TermTable {
    /// Per slot: term number + 1 in the low 32 bits (0 = empty), the hash's high bits above.
    /// Empty until the first term, so that an empty table costs nothing to make.
    private var slots: [UInt64] = []
    private var arena: [UInt8] = []
    /// Term `n` is `arena[ends[n - 1]..<ends[n]]` (from 0 for the first).
    private var ends: [Int] = []

    var count: Int { ends.count }

    /// The number of the term with these bytes, given one when it is new.
    mutating func id(of term: UnsafeRawBufferPointer) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in term { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let tag = hash >> 32
        if slots.isEmpty { slots = [UInt64](repeating: 0, count: 1 << 12) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let value = slots[slot]
            if value == 0 { break }
            if value >> 32 == tag {
                let id = Int(value & 0xFFFF_FFFF) - 1
                if equals(id, term) { return id }
            }
            slot = (slot + 1) & mask
        }
        let id = ends.count
        arena.append(contentsOf: term)
        ends.append(arena.count)
        slots[slot] = tag << 32 | UInt64(id + 1)
        if ends.count * 2 > slots.count { grow() }
        return id
    }

    /// The bytes of term `id`.
    private func bytes(_ id: Int) -> ArraySlice<UInt8> { arena[(id == 0 ? 0 : ends[id - 1])..<ends[id]] }

    /// Calls `body` with the bytes of term `id` (valid only inside it).
    func withBytes<Result>(_ id: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let start = id == 0 ? 0 : ends[id - 1]
        return arena.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<ends[id]])) }
    }

    /// Calls `body` with the bytes of every term (valid only inside it), for loops that
    /// hold more than one term at a time.
    func withTerms<Result>(_ body: (Terms) -> Result) -> Result {
        arena.withUnsafeBytes { arena in ends.withUnsafeBufferPointer { body(Terms(arena: arena, ends: $0)) } }
    }

    /// The bytes of the terms of a table, inside `withTerms`.
    struct Terms {
        let arena: UnsafeRawBufferPointer
        let ends: UnsafeBufferPointer<Int>

        subscript(id: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: arena[(id == 0 ? 0 : ends[id - 1])..<ends[id]])
        }
    }

    /// The text of term `id`.
    func string(_ id: Int) -> String { withBytes(id) { String(decoding: $0, as: UTF8.self) } }

    /// Whether term `a`'s bytes sort before term `b`'s.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        let startA = a == 0 ? 0 : ends[a - 1], startB = b == 0 ? 0 : ends[b - 1]
        let countA = ends[a] - startA, countB = ends[b] - startB
        return arena.withUnsafeBytes { arena in
            guard let base = arena.baseAddress else { return false }
            let order = memcmp(base + startA, base + startB, min(countA, countB))
            return order != 0 ? order < 0 : countA < countB
        }
    }

    /// Term numbers in byte order of their terms.
    func sortedIDs() -> [Int] {
        (0..<count).sorted { precedes($0, $1) }
    }

    private func equals(_ id: Int, _ term: UnsafeRawBufferPointer) -> Bool {
        let start = id == 0 ? 0 : ends[id - 1]
        guard ends[id] - start == term.count else { return false }
        guard let theirs = term.baseAddress else { return true }
        return arena.withUnsafeBytes { arena in
            guard let ours = arena.baseAddress else { return false }
            return memcmp(ours + start, theirs, term.count) == 0
        }
    }

    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for id in 0..<count {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes(id) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = (hash >> 32) << 32 | UInt64(id + 1)
        }
        slots = larger
    }
}
