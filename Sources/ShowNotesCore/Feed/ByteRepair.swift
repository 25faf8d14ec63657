/// A streaming repair pass over a feed's bytes before libxml2 sees them, so that damage a
/// person would not notice does not cost text: libxml2 2.9 drops every later `&amp;`, `&lt;`
/// and `&gt;` once a document has had one error, and switches a "UTF-8" document to Latin-1
/// for good at the first stray byte.
///
/// Outside CDATA sections, comments and processing instructions it rewrites every entity
/// reference as a character reference (predefined and HTML names such as `&nbsp;`), keeps an
/// unknown `&name;` and a bare `&` as text, and escapes a `<` that cannot start markup. In
/// UTF-8 mode it reads bytes that are not UTF-8 as Windows-1252. Everywhere it turns C0
/// control bytes into spaces, drops a UTF-8 byte-order mark and blanks an XML declaration
/// that is not at the start. Line breaks are never added or removed, so libxml2's line
/// numbers stay the file's. It also counts `<item` and `<entry` tags, so lost items can be told.
struct ByteRepair {
    enum State { case text, cdata, comment, instruction }

    /// Whether to check UTF-8 (false for encodings libxml2 converts itself, such as EUC-KR).
    let validatesUTF8: Bool
    var findings = RepairFindings()
    private(set) var line = 1
    private var state = State.text
    private var carry: [UInt8] = []
    private var emittedAny = false
    var entityValues: [String: UInt32?] = [:]

    init(validatesUTF8: Bool) {
        self.validatesUTF8 = validatesUTF8
    }

    /// Repairs the next chunk into `output`; a construct cut by the chunk's end waits for the next call.
    mutating func repair(_ chunk: UnsafeBufferPointer<UInt8>, isLast: Bool, into output: inout [UInt8]) {
        var input = carry
        carry.removeAll(keepingCapacity: true)
        input.append(contentsOf: chunk)
        let consumed = input.withUnsafeBufferPointer { process($0, isLast: isLast, into: &output) }
        if consumed < input.count { carry.append(contentsOf: input[consumed...]) }
        if !output.isEmpty { emittedAny = true }
    }

    /// Returns how many bytes were consumed.
    private mutating func process(_ bytes: UnsafeBufferPointer<UInt8>, isLast: Bool, into output: inout [UInt8]) -> Int {
        let count = bytes.count
        var index = 0
        if !emittedAny, output.isEmpty, count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            findings.byteOrderMark = true
            index = 3
        }
        while index < count {
            // Copy a run of ordinary bytes at once.
            let runStart = index
            let offset = tableOffset
            Self.specialTable.withUnsafeBufferPointer { special in
                while index < count, !special[offset + Int(bytes[index])] { index += 1 }
            }
            if index > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            guard index < count else { break }
            let byte = bytes[index]
            let step: Int?
            switch byte {
            case 0x0A:
                line += 1
                output.append(byte)
                step = 1
            case 0x80...:
                step = utf8Sequence(bytes, at: index, isLast: isLast, into: &output)
            case 0x00..<0x20:
                findings.controls.note(line)
                output.append(0x20)
                step = 1
            case UInt8(ascii: "&"):
                step = ampersand(bytes, at: index, isLast: isLast, into: &output)
            case UInt8(ascii: "<"):
                step = lessThan(bytes, at: index, isLast: isLast, into: &output)
            default:
                step = closer(bytes, at: index, isLast: isLast, into: &output)
            }
            guard let step else { return index }
            index += step
        }
        return index
    }

    private static func isSpecial(_ byte: UInt8, in state: State, validatesUTF8: Bool) -> Bool {
        if byte < 0x20 { return byte != 0x09 && byte != 0x0D }
        if byte >= 0x80 { return validatesUTF8 }
        switch state {
        case .text: return byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
        case .cdata: return byte == UInt8(ascii: "]")
        case .comment: return byte == UInt8(ascii: "-")
        case .instruction: return byte == UInt8(ascii: "?")
        }
    }

    /// `isSpecial` as tables, one per state and UTF-8 checking: 256 flags from
    /// `(state × 2 + validatesUTF8) × 256`, so the scan for ordinary runs is one load a byte.
    private static let specialTable: [Bool] = [State.text, .cdata, .comment, .instruction].flatMap { state in
        [false, true].flatMap { validates in (0...255).map { isSpecial(UInt8($0), in: state, validatesUTF8: validates) } }
    }

    private var tableOffset: Int {
        let row: Int
        switch state {
        case .text: row = 0
        case .cdata: row = 1
        case .comment: row = 2
        case .instruction: row = 3
        }
        return (row * 2 + (validatesUTF8 ? 1 : 0)) * 256
    }

    /// `]]>`, `-->`, `?>`: the end of a CDATA section, comment or instruction.
    private mutating func closer(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, isLast: Bool, into output: inout [UInt8]) -> Int? {
        let end: [UInt8]
        switch state {
        case .cdata: end = Self.cdataEnd
        case .comment: end = Self.commentEnd
        case .instruction: end = Self.instructionEnd
        case .text: end = []
        }
        if index + end.count > bytes.count, !isLast { return nil }
        if !end.isEmpty, matches(bytes, at: index, end) {
            output.append(contentsOf: end)
            state = .text
            return end.count
        }
        output.append(bytes[index])
        return 1
    }

    private func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// `word` in lower case.
    private func matchesIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] | 0x20 != pattern[offset] { return false }
        return true
    }

    // MARK: Markup

    // Made once: an array literal in `lessThan` would be made for every tag of the feed.
    private static let cdataStart = Array("<![CDATA[".utf8), cdataEnd = Array("]]>".utf8)
    private static let commentStart = Array("<!--".utf8), commentEnd = Array("-->".utf8)
    private static let instructionStart = Array("<?".utf8), instructionEnd = Array("?>".utf8)
    private static let xml = Array("xml".utf8), item = Array("item".utf8), entry = Array("entry".utf8)

    private mutating func lessThan(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, isLast: Bool, into output: inout [UInt8]) -> Int? {
        if index + 10 > bytes.count, !isLast { return nil }
        if matches(bytes, at: index, Self.cdataStart) {
            state = .cdata
            output.append(contentsOf: Self.cdataStart)
            return 9
        }
        if matches(bytes, at: index, Self.commentStart) {
            state = .comment
            output.append(contentsOf: Self.commentStart)
            return 4
        }
        if matches(bytes, at: index, Self.instructionStart) {
            if matchesIgnoringCase(bytes, at: index + 2, Self.xml), index + 5 < bytes.count, bytes[index + 5] <= 0x20,
               emittedAny || !output.isEmpty {
                return blankDeclaration(bytes, at: index, isLast: isLast, into: &output)
            }
            state = .instruction
            output.append(contentsOf: Self.instructionStart)
            return 2
        }
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0x20
        let startsMarkup = next.isASCIILetter || next == UInt8(ascii: "/") || next == UInt8(ascii: "!")
            || next == UInt8(ascii: "_") || next == UInt8(ascii: ":") || next >= 0x80
        guard startsMarkup else {
            findings.strayLessThan.note(line)
            output.append(contentsOf: Array("&#60;".utf8))
            return 1
        }
        if matchesIgnoringCase(bytes, at: index + 1, Self.item) || matchesIgnoringCase(bytes, at: index + 1, Self.entry) {
            let after = index + 1 + (bytes[index + 1] | 0x20 == UInt8(ascii: "i") ? 4 : 5)
            if after < bytes.count, bytes[after] == UInt8(ascii: ">") || bytes[after] == UInt8(ascii: "/") || bytes[after] <= 0x20 {
                findings.itemTags += 1
            }
        }
        output.append(UInt8(ascii: "<"))
        return 1
    }

    /// An XML declaration after other text (`\n<?xml …?>`) is a fatal error for libxml2; the
    /// encoding was already decided, so it becomes spaces (line breaks kept).
    private mutating func blankDeclaration(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, isLast: Bool, into output: inout [UInt8]) -> Int? {
        var end = index + 2
        while end + 1 < bytes.count, end - index < 512, !(bytes[end] == UInt8(ascii: "?") && bytes[end + 1] == UInt8(ascii: ">")) { end += 1 }
        guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: "?") else {
            if !isLast, end - index < 512 { return nil }
            output.append(contentsOf: Array("<?".utf8))
            state = .instruction
            return 2
        }
        findings.misplacedDeclaration.note(line)
        for position in index...(end + 1) {
            if bytes[position] == 0x0A {
                line += 1
                output.append(0x0A)
            } else {
                output.append(0x20)
            }
        }
        return end + 2 - index
    }
}
