/// Case and diacritic folding for index terms: `Café` → `cafe`, `Ñ` → `n`, `ß` → `ss`.
///
/// A small table over Latin-1 and Latin Extended-A instead of full Foundation, which
/// would add milliseconds of start-up to every search.
enum Folding {
    /// Appends the folded form of `scalar` to `output`; returns false when it is not a word character.
    @inline(__always)
    static func appendFolded(_ scalar: Unicode.Scalar, to output: inout String) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x41...0x5A: output.unicodeScalars.append(Unicode.Scalar(UInt8(value + 0x20))); return true
            case 0x61...0x7A, 0x30...0x39: output.unicodeScalars.append(scalar); return true
            default: return false
            }
        }
        if let base = latin[value] {
            output += base
            return true
        }
        let properties = scalar.properties
        guard properties.isAlphabetic || properties.numericType != nil else { return false }
        if properties.generalCategory == .nonspacingMark { return true }   // a combining accent: drop it
        for lower in properties.lowercaseMapping.unicodeScalars { output.unicodeScalars.append(lower) }
        return true
    }

    private static let latin: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let groups: [(String, String)] = [
            ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"), ("ÇçĆćĈĉĊċČč", "c"), ("ĎďĐđ", "d"), ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"),
            ("ĜĝĞğĠġĢģ", "g"), ("ĤĥĦħ", "h"), ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"), ("Ĵĵ", "j"), ("Ķķ", "k"),
            ("ĹĺĻļĽľĿŀŁł", "l"), ("ÑñŃńŅņŇň", "n"), ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o"), ("ŔŕŖŗŘř", "r"),
            ("ŚśŜŝŞşŠš", "s"), ("ŢţŤťŦŧ", "t"), ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u"), ("Ŵŵ", "w"), ("ÝýÿŶŷŸ", "y"),
            ("ŹźŻżŽž", "z"), ("Ææ", "ae"), ("Œœ", "oe"), ("ß", "ss"), ("Þþ", "th"), ("Ðð", "d"),
        ]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = base }
        }
        return table
    }()
}
