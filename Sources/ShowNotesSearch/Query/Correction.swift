/// A spelling correction: which typed words the index does not know, the vocabulary words
/// closest to them, and the query with those words replaced.
public struct Correction: Sendable, Equatable {
    /// A typed word and its suggested replacement.
    public struct Replacement: Sendable, Equatable {
        public var typed: String
        public var suggested: String
    }

    public var replacements: [Replacement]
    public var query: SearchQuery
    /// Whether the results shown are those of the corrected query.
    public var applied = false

    /// The user's text with each replaced word swapped for its suggestion (keeping an initial
    /// capital): what "did you mean" prints.
    /// When a typed word is not in `original` (it came from `--person` or `--podcast`), the
    /// suggestions alone.
    public func text(_ original: String) -> String {
        var result = original
        var suggestions: [String] = []
        for replacement in replacements {
            var suggested = replacement.suggested
            if replacement.typed.first?.isUppercase == true, let first = suggested.first {
                suggested = first.uppercased() + suggested.dropFirst()
            }
            suggestions.append(suggested)
            result = Self.replacingWord(replacement.typed, with: suggested, in: result)
        }
        return result == original ? suggestions.joined(separator: " ") : result
    }

    /// Replaces the first whole-word occurrence of `word` in `text`.
    static func replacingWord(_ word: String, with replacement: String, in text: String) -> String {
        var searchStart = text.startIndex
        while let range = text[searchStart...].firstRange(of: word) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let isWordCharacter: (Character?) -> Bool = { $0.map { $0.isLetter || $0.isNumber } ?? false }
            if !isWordCharacter(before), !isWordCharacter(after) {
                var result = text
                result.replaceSubrange(range, with: replacement)
                return result
            }
            searchStart = range.upperBound
        }
        return text
    }
}
