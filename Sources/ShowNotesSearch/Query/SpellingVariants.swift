/// British and American spellings of one word (`fuelling`/`fueling`, `polarised`/`polarized`,
/// `colour`/`color`, `centre`/`center`, `catalogue`/`catalog`, `grey`/`gray`), which the
/// stemmer keeps apart. In the ranked list a word also matches its other spelling when the
/// index has it; `--count` counts only what was typed.
///
/// Written as switches, not tables: nothing is built at start-up for a query that needs none.
enum SpellingVariants {
    /// The other spellings of a folded, lower-case word (possibly none).
    static func variants(of word: String) -> [String] {
        var found: [String] = []
        if let other = pair(word) { found.append(other) }
        let length = word.utf8.count
        var rule = 0
        while let (british, american, minimum) = suffixRule(rule) {
            rule += 1
            guard length >= minimum else { continue }
            if word.hasSuffix(british) { found.append(String(word.dropLast(british.utf8.count)) + american) }
            if word.hasSuffix(american) { found.append(String(word.dropLast(american.utf8.count)) + british) }
        }
        if length >= 7, let range = word.firstRange(of: "ae"), range.lowerBound != word.startIndex {
            var american = word
            american.replaceSubrange(range, with: "e")
            found.append(american)   // paediatric → pediatric, anaemia → anemia
        }
        return found.filter { $0 != word }
    }

    /// Whole-word pairs no rule covers, both ways.
    private static func pair(_ word: String) -> String? {
        switch word {
        case "grey": "gray"
        case "gray": "grey"
        case "aluminium": "aluminum"
        case "aluminum": "aluminium"
        case "programme": "program"
        case "program": "programme"
        case "tyre": "tire"
        case "plough": "plow"
        case "plow": "plough"
        case "maths": "math"
        case "math": "maths"
        case "sceptic": "skeptic"
        case "skeptic": "sceptic"
        case "jewellery": "jewelry"
        case "jewelry": "jewellery"
        case "mould": "mold"
        case "mold": "mould"
        case "doughnut": "donut"
        case "donut": "doughnut"
        case "pyjamas": "pajamas"
        case "pajamas": "pyjamas"
        case "aeroplane": "airplane"
        case "airplane": "aeroplane"
        case "manoeuvre": "maneuver"
        case "maneuver": "manoeuvre"
        default: nil
        }
    }

    /// Suffix rewrites, British then American, and the shortest word they apply to.
    private static func suffixRule(_ number: Int) -> (String, String, Int)? {
        switch number {
        case 0: ("lling", "ling", 6)
        case 1: ("lled", "led", 5)
        case 2: ("ller", "ler", 5)
        case 3: ("ise", "ize", 5)
        case 4: ("ised", "ized", 6)
        case 5: ("ising", "izing", 7)
        case 6: ("isation", "ization", 8)
        case 7: ("yse", "yze", 5)
        case 8: ("ysed", "yzed", 6)
        case 9: ("our", "or", 5)
        case 10: ("ours", "ors", 6)
        case 11: ("tre", "ter", 5)
        case 12: ("tres", "ters", 6)
        case 13: ("ogue", "og", 6)
        case 14: ("ogues", "ogs", 7)
        default: nil
        }
    }
}
