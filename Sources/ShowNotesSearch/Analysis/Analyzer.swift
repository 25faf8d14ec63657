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
        var tokens: [Token] = []
        var position = firstPosition
        for compound in Self.compounds(text) {
            if compound.parts.count == 1 {
                tokens.append(Token(term: normalise(compound.parts[0]), position: position))
                position += 1
                continue
            }
            if compound.split {
                tokens.append(Token(term: normalise(compound.parts.joined()), position: position, isJoined: true))
                for part in compound.parts {
                    tokens.append(Token(term: normalise(part), position: position))
                    position += 1
                }
            } else {
                tokens.append(Token(term: normalise(compound.parts.joined()), position: position))
                position += 1
            }
        }
        return (tokens, position)
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

    static func compounds(_ text: String) -> [Compound] {
        var result: [Compound] = []
        var parts: [String] = []
        var current = ""
        var split = false
        var pendingJoiner: Unicode.Scalar? = nil
        var lastWasDigit = false

        func finishPart() {
            if !current.isEmpty { parts.append(current) }
            current = ""
        }
        func finishCompound() {
            finishPart()
            if !parts.isEmpty { result.append(Compound(parts: parts, split: split && parts.count > 1)) }
            parts = []
            split = false
            pendingJoiner = nil
        }

        for scalar in text.unicodeScalars {
            var folded = ""
            if Folding.appendFolded(scalar, to: &folded) {
                if folded.isEmpty { continue }   // a combining mark
                let isDigit = folded.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
                if let joiner = pendingJoiner {
                    switch joiner {
                    case "'", "’":
                        break   // don't → dont: same part
                    case ",":
                        if !(lastWasDigit && isDigit) { finishCompound() }   // 10,000 stays one part
                    default:
                        finishPart()
                        split = true
                    }
                    pendingJoiner = nil
                }
                current += folded
                lastWasDigit = isDigit
            } else if !current.isEmpty, pendingJoiner == nil,
                      scalar == "-" || scalar == "'" || scalar == "’" || scalar == "‐" || (lastWasDigit && (scalar == "," || scalar == "." || scalar == ":")) {
                pendingJoiner = scalar
            } else {
                finishCompound()
            }
        }
        finishCompound()
        return result
    }
}
