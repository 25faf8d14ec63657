/// Turns text into index terms: folded (case, diacritics, `’` = `'`), split into words,
/// compounds indexed both joined and split, English words stemmed with Snowball.
///
/// Compounds: `tight-knit` → `tightknit`, `tight`, `knit`; `10,000-meter` → `10000meter`,
/// `10000`, `meter`; `12:54.99` → `125499`, `12`, `54`, `99`; `don't` → `dont`. The parts take
/// consecutive positions (so phrases work across a hyphen) and the joined form shares the
/// first part's position. No stop words are removed.
final class Analyzer {
    /// One analysed word.
    struct Token: Equatable {
        var term: String
        var position: Int
        /// Whether this is the joined form of a compound (an extra term at a shared position).
        var isJoined = false
    }

    private let stemmer = Stemmer()
    private var cache: [String: String] = [:]

    /// Terms with positions starting at `firstPosition`; returns the next free position too.
    func tokens(_ text: String, firstPosition: Int = 0) -> (tokens: [Token], next: Int) {
        var sink = TokenSink(analyzer: self, position: firstPosition)
        Self.splitCompounds(text, into: &sink)
        return (sink.tokens, sink.position)
    }

    /// Turns compounds into tokens as the splitter finds them (no array per word).
    private struct TokenSink: CompoundSink {
        let analyzer: Analyzer
        var position: Int
        var tokens: [Token] = []

        mutating func take(_ parts: [String], split: Bool) {
            if parts.count == 1 {
                tokens.append(Token(term: analyzer.normalise(parts[0]), position: position))
                position += 1
                return
            }
            if split {
                tokens.append(Token(term: analyzer.normalise(parts.joined()), position: position, isJoined: true))
                for part in parts {
                    tokens.append(Token(term: analyzer.normalise(part), position: position))
                    position += 1
                }
            } else {
                tokens.append(Token(term: analyzer.normalise(parts.joined()), position: position))
                position += 1
            }
        }
    }

    /// The single term a query word stands for: a compound's joined form.
    func queryTerms(_ text: String) -> [String] {
        Self.compounds(text).map { normalise($0.parts.joined()) }
    }

    /// The parts of a phrase, in order (compounds split, as the index positions them).
    func phraseTerms(_ text: String) -> [String] {
        Self.compounds(text).flatMap { compound in
            compound.split ? compound.parts.map(normalise) : [normalise(compound.parts.joined())]
        }
    }

    /// Stems alphabetic words; numbers and mixed tokens stay as they are.
    func normalise(_ word: String) -> String {
        if let cached = cache[word] { return cached }
        let result = word.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) ? word : stemmer.stem(word)
        if cache.count < 200_000 { cache[word] = result }
        return result
    }

    /// A run of word characters joined by `-`, `'`, or (between digits) `,` `.` `:`.
    struct Compound {
        var parts: [String]
        /// Whether the parts are indexed separately too (hyphens, digit punctuation) or only joined (apostrophes, thousands).
        var split: Bool
    }

    /// Splits text into compounds, reading UTF-8 bytes (ASCII needs no decoding or lookup).
    static func compounds(_ text: String) -> [Compound] {
        var sink = CompoundList()
        splitCompounds(text, into: &sink)
        return sink.compounds
    }

    private struct CompoundList: CompoundSink {
        var compounds: [Compound] = []
        mutating func take(_ parts: [String], split: Bool) { compounds.append(Compound(parts: parts, split: split)) }
    }

    /// Hands each compound of `text` to `sink`, in order.
    static func splitCompounds<Sink: CompoundSink>(_ text: String, into sink: inout Sink) {
        var splitter = CompoundSplitter(sink: sink)
        defer { sink = splitter.sink }
        var copy = text
        copy.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    splitter.ascii(byte)
                    index += 1
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                guard index + length <= bytes.count,
                      let scalar = String(validating: UnsafeBufferPointer(rebasing: bytes[index..<index + length]), as: UTF8.self)?.unicodeScalars.first
                else {
                    splitter.separator()
                    index += 1
                    continue
                }
                splitter.scalar(scalar)
                index += length
            }
        }
        splitter.finishCompound()
    }
}

/// Receives compounds from the splitter: the parts (a buffer reused for the next compound)
/// and whether they are indexed apart too.
protocol CompoundSink {
    mutating func take(_ parts: [String], split: Bool)
}

/// The state machine behind `Analyzer.splitCompounds`: the current part's folded bytes, the parts
/// of the current compound, and a pending joiner that is decided by the next character.
private struct CompoundSplitter<Sink: CompoundSink> {
    var sink: Sink
    private var parts: [String] = []
    private var current: [UInt8] = []
    private var split = false
    /// `-`, `'`, `,`, `.` or `:` seen after a word character, waiting for the next one.
    private var pendingJoiner: UInt8? = nil
    private var lastWasDigit = false

    init(sink: Sink) { self.sink = sink }

    mutating func ascii(_ byte: UInt8) {
        switch byte {
        case 0x41...0x5A:
            startWord(isDigit: false)
            current.append(byte + 0x20)
        case 0x61...0x7A:
            startWord(isDigit: false)
            current.append(byte)
        case 0x30...0x39:
            startWord(isDigit: true)
            current.append(byte)
        case UInt8(ascii: "-"), UInt8(ascii: "'"):
            joiner(byte)
        case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ":"):
            if lastWasDigit { joiner(byte) } else { separator() }
        default:
            separator()
        }
    }

    mutating func scalar(_ scalar: Unicode.Scalar) {
        if scalar == "’" { return joiner(UInt8(ascii: "'")) }
        if scalar == "‐" { return joiner(UInt8(ascii: "-")) }
        var folded = ""
        guard Folding.appendFolded(scalar, to: &folded) else { return separator() }
        if folded.isEmpty { return }   // a combining mark
        startWord(isDigit: scalar.properties.numericType != nil)
        current += folded.utf8
    }

    private mutating func joiner(_ byte: UInt8) {
        if !current.isEmpty, pendingJoiner == nil { pendingJoiner = byte } else { separator() }
    }

    /// Settles a pending joiner before a word character is appended.
    private mutating func startWord(isDigit: Bool) {
        if let joiner = pendingJoiner {
            switch joiner {
            case UInt8(ascii: "'"):
                break   // don't → dont: the same part
            case UInt8(ascii: ","):
                if !(lastWasDigit && isDigit) { finishCompound() }   // 10,000 stays one part
            default:
                finishPart()
                split = true
            }
            pendingJoiner = nil
        }
        lastWasDigit = isDigit
    }

    mutating func separator() {
        finishCompound()
    }

    private mutating func finishPart() {
        if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
        current.removeAll(keepingCapacity: true)
    }

    mutating func finishCompound() {
        finishPart()
        if !parts.isEmpty { sink.take(parts, split: split && parts.count > 1) }
        parts.removeAll(keepingCapacity: true)
        split = false
        pendingJoiner = nil
        lastWasDigit = false
    }
}
