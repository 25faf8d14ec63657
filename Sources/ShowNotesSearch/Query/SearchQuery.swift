/// A search as the user typed it, parsed once into a value the searcher can run.
///
/// Grammar: words are ANDed; `"a phrase"`; `a OR b`; `-word` excludes; `word*` is a prefix;
/// `title:`, `podcast:`, `person:` restrict a word or phrase to a field; `kind:chapter`
/// (takeaway, summary, section) filters results. Any text is a valid query: an unbalanced
/// quote runs to the end, a lone `-` or punctuation is ignored.
public struct SearchQuery: Sendable, Equatable {
    public enum Field: String, Sendable, Equatable {
        case title, podcast, person
    }

    public indirect enum Clause: Sendable, Equatable {
        case word(String, Field?)
        case prefix(String, Field?)
        case phrase(String, Field?)
        case any([Clause])
    }

    public var required: [Clause] = []
    public var excluded: [Clause] = []
    public var kinds: Set<MomentKind> = []

    /// Parses user text; never fails.
    public init(_ text: String) {
        var pendingOr = false
        for item in Self.items(text) {
            if item.text == "OR" && !item.quoted {
                pendingOr = !required.isEmpty
                continue
            }
            var body = item.text
            var negative = false
            if !item.quoted, body.hasPrefix("-"), body.count > 1 {
                negative = true
                body.removeFirst()
            }
            var field: Field? = nil
            var quoted = item.quoted
            if let colon = body.firstIndex(of: ":"), !item.quoted || item.fieldPrefix != nil {
                let name = String(body[..<colon]).lowercased()
                let value = String(body[body.index(after: colon)...])
                if name == "kind", let kind = MomentKind(name: value) {
                    kinds.insert(kind)
                    continue
                }
                if let known = Field(rawValue: name) {
                    field = known
                    body = value
                }
            }
            if let prefix = item.fieldPrefix, let known = Field(rawValue: prefix.lowercased()) {
                field = known
                quoted = true
            }
            guard body.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
            let clause: Clause
            if quoted {
                clause = .phrase(body, field)
            } else if body.hasSuffix("*"), body.count > 1 {
                clause = .prefix(String(body.dropLast()), field)
            } else {
                clause = .word(body, field)
            }
            if negative {
                excluded.append(clause)
            } else if pendingOr, let last = required.popLast() {
                if case .any(let alternatives) = last {
                    required.append(.any(alternatives + [clause]))
                } else {
                    required.append(.any([last, clause]))
                }
            } else {
                required.append(clause)
            }
            pendingOr = false
        }
    }

    /// A whitespace-separated item, or a quoted phrase (optionally `field:"…"`).
    struct Item {
        var text: String
        var quoted: Bool
        var fieldPrefix: String?
    }

    static func items(_ text: String) -> [Item] {
        var items: [Item] = []
        var current = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" || character == "“" || character == "”" {
                var prefix: String? = nil
                if current.hasSuffix(":") {
                    prefix = String(current.dropLast())
                    current = ""
                }
                if !current.isEmpty { items.append(Item(text: current, quoted: false)); current = "" }
                let start = text.index(after: index)
                let close = text[start...].firstIndex(where: { $0 == "\"" || $0 == "”" }) ?? text.endIndex
                items.append(Item(text: String(text[start..<close]), quoted: true, fieldPrefix: prefix))
                index = close < text.endIndex ? text.index(after: close) : close
                continue
            }
            if character.isWhitespace {
                if !current.isEmpty { items.append(Item(text: current, quoted: false)) }
                current = ""
            } else {
                current.append(character)
            }
            index = text.index(after: index)
        }
        if !current.isEmpty { items.append(Item(text: current, quoted: false)) }
        return items
    }
}
