import Synchronization

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

    /// One analysed word as the index builder takes it: its term's number in `terms`.
    struct NumberedToken {
        var term: Int32
        var position: Int32
        var isJoined: Bool
    }

    private let stemmer = Stemmer()
    /// What the analyzer has learned so far. Held by value and lent whole to the splitting
    /// loop (`TokenSink`), so that the loop's many accesses to it are checked for exclusivity
    /// when compiling: on a class's stored properties the checks run on every access (~4% of
    /// a build's instructions, when these were properties of `Analyzer`).
    private var learned = Learned()
    /// Identifies the current numbering of `terms` and of the words (`withWords`): unique in
    /// the process, renewed by `forgetIfLarge()`, so that whoever keeps numbers knows when
    /// they stop meaning the same terms.
    private(set) var numbering = Analyzer.newNumbering()

    private static let numberings = Atomic(0)

    private static func newNumbering() -> Int { numberings.add(1, ordering: .relaxed).newValue }

    /// The terms met so far (stems, numbers), numbered by their bytes.
    var terms: TermTable { learned.terms }
    /// The surface words of the texts split since `startSurfaceWords()` (for the spelling vocabulary).
    var surface: SurfaceWordSet { learned.surface }

    /// The terms and words numbered so far, and the surface words of the current episode.
    private struct Learned {
        var terms = TermTable()
        /// The words met so far, numbered by their folded bytes: word `w`'s term is
        /// `termOfWord[w]`. A word is stemmed once, and looking it up makes no `String`.
        var words = TermTable()
        var termOfWord: [Int32] = []
        var surface = SurfaceWordSet()

        /// The number of the folded word spelled by `word` (its term is `termOfWord[number]`).
        mutating func wordNumber(_ word: UnsafeRawBufferPointer, stemmer: Stemmer) -> Int {
            let number = words.id(of: word)
            if number < termOfWord.count { return number }
            let term = word.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) ? terms.id(of: word) : stemmer.stem(word) { terms.id(of: $0) }
            termOfWord.append(Int32(term))
            surface.learn(word)
            return number
        }
    }

    /// Terms with positions starting at `firstPosition`; returns the next free position too.
    func tokens(_ text: String, firstPosition: Int = 0) -> (tokens: [Token], next: Int) {
        var numbered: [NumberedToken] = []
        let next = numberedTokens(text, firstPosition: firstPosition, into: &numbered)
        return (numbered.map { Token(term: terms.string(Int($0.term)), position: Int($0.position), isJoined: $0.isJoined) }, next)
    }

    /// Appends the tokens of `text`, positions from `firstPosition`, to `tokens`; returns the
    /// next free position. Term numbers stay valid until `forgetIfLarge()`.
    func numberedTokens(_ text: String, firstPosition: Int, into tokens: inout [NumberedToken]) -> Int {
        var sink = TokenSink(stemmer: stemmer, learned: Learned(), position: firstPosition, tokens: [])
        swap(&sink.learned, &learned)
        swap(&sink.tokens, &tokens)
        Self.splitCompounds(text, into: &sink)
        swap(&sink.tokens, &tokens)
        swap(&sink.learned, &learned)
        return sink.position
    }

    /// Starts the numbering afresh once it holds a million words (bounded memory over a long
    /// build; only speed depends on it). Call only where no term number is kept.
    func forgetIfLarge() {
        guard learned.words.count >= 1 << 20 else { return }
        learned = Learned()
        numbering = Self.newNumbering()
    }

    /// Turns compounds into tokens as the splitter finds them (no string per word).
    private struct TokenSink: CompoundSink {
        let stemmer: Stemmer
        var learned: Learned
        var position: Int
        var tokens: [NumberedToken]

        mutating func take(_ bytes: UnsafeRawBufferPointer, ends: [Int], split: Bool) {
            let whole = learned.wordNumber(bytes, stemmer: stemmer)
            guard split else {
                add(whole)
                return
            }
            tokens.append(NumberedToken(term: learned.termOfWord[whole], position: Int32(truncatingIfNeeded: position), isJoined: true))
            var start = 0
            for end in ends {
                add(learned.wordNumber(UnsafeRawBufferPointer(rebasing: bytes[start..<end]), stemmer: stemmer))
                start = end
            }
        }

        /// A part (or an unsplit compound): a token of its own, and maybe a surface word.
        private mutating func add(_ word: Int) {
            tokens.append(NumberedToken(term: learned.termOfWord[word], position: Int32(truncatingIfNeeded: position), isJoined: false))
            learned.surface.note(word)
            position += 1
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
        var copy = word
        let number = copy.withUTF8 { termNumber(UnsafeRawBufferPointer($0)) }
        return terms.string(Int(number))
    }

    /// The number of the term of the folded word spelled by `word`: its stem, or the word
    /// itself when it holds a digit.
    func termNumber(_ word: UnsafeRawBufferPointer) -> Int32 {
        let number = learned.wordNumber(word, stemmer: stemmer)
        return learned.termOfWord[number]
    }

    /// Calls `body` with the bytes of every word met so far, by number (valid only inside it).
    func withWords<Result>(_ body: (TermTable.Terms) -> Result) -> Result {
        learned.words.withTerms(body)
    }

    /// Starts collecting surface words afresh (`surface`).
    func startSurfaceWords() { learned.surface.start() }

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
        mutating func take(_ bytes: UnsafeRawBufferPointer, ends: [Int], split: Bool) {
            var parts: [String] = []
            var start = 0
            for end in ends {
                parts.append(String(decoding: bytes[start..<end], as: UTF8.self))
                start = end
            }
            compounds.append(Compound(parts: parts, split: split))
        }
    }

    /// Hands each compound of `text` to `sink`, in order.
    static func splitCompounds<Sink: CompoundSink>(_ text: String, into sink: inout Sink) {
        // The sink is moved into the splitter and back, never copied: a copy would make every
        // array it holds (tokens, the analyzer's tables) copy itself on its next change.
        var splitter = CompoundSplitter(sink: consume sink)
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

/// Receives compounds from the splitter: the folded bytes of the parts one after the other
/// (part `i` ends at `ends[i]`; the bytes and `ends` are reused for the next compound), and
/// whether the parts are indexed apart too. The joined form is all of `bytes`.
protocol CompoundSink {
    mutating func take(_ bytes: UnsafeRawBufferPointer, ends: [Int], split: Bool)
}

/// The state machine behind `Analyzer.splitCompounds`: the folded bytes of the current
/// compound's parts (the current part from the last end on), and a pending joiner that is
/// decided by the next character.
private struct CompoundSplitter<Sink: CompoundSink> {
    var sink: Sink
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var currentIsEmpty: Bool { bytes.count == (ends.last ?? 0) }
    private var split = false
    /// `-`, `'`, `,`, `.` or `:` seen after a word character, waiting for the next one.
    private var pendingJoiner: UInt8? = nil
    private var lastWasDigit = false

    init(sink: Sink) { self.sink = sink }

    mutating func ascii(_ byte: UInt8) {
        switch byte {
        case 0x41...0x5A:
            startWord(isDigit: false)
            bytes.append(byte + 0x20)
        case 0x61...0x7A:
            startWord(isDigit: false)
            bytes.append(byte)
        case 0x30...0x39:
            startWord(isDigit: true)
            bytes.append(byte)
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
        bytes += folded.utf8
    }

    private mutating func joiner(_ byte: UInt8) {
        if !currentIsEmpty, pendingJoiner == nil { pendingJoiner = byte } else { separator() }
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
        if !currentIsEmpty { ends.append(bytes.count) }
    }

    mutating func finishCompound() {
        finishPart()
        if !ends.isEmpty {
            let split = split && ends.count > 1
            bytes.withUnsafeBytes { sink.take($0, ends: ends, split: split) }
        }
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        split = false
        pendingJoiner = nil
        lastWasDigit = false
    }
}
