/// File-name slugs for exported chapter files: lower-case ASCII words joined by `-`.
public enum Slug {
    public static func make(_ text: String, maximumLength: Int = 60) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let folded = Unicode.Scalar(Self.fold(scalar))
            if let folded, folded.isASCII, folded.properties.isAlphabetic || ("0"..."9").contains(folded) {
                if pendingDash && !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(Unicode.Scalar(UInt8(folded.value)).lowercasedASCII)
            } else {
                pendingDash = true
            }
            if slug.count >= maximumLength { break }
        }
        return slug.isEmpty ? "episode" : slug
    }

    /// Common Latin letters with diacritics to their base letter (é → e).
    private static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        switch scalar {
        case "à", "á", "â", "ã", "ä", "å", "À", "Á", "Â", "Ã", "Ä", "Å": return 0x61
        case "è", "é", "ê", "ë", "È", "É", "Ê", "Ë": return 0x65
        case "ì", "í", "î", "ï", "Ì", "Í", "Î", "Ï": return 0x69
        case "ò", "ó", "ô", "õ", "ö", "ø", "Ò", "Ó", "Ô", "Õ", "Ö", "Ø": return 0x6F
        case "ù", "ú", "û", "ü", "Ù", "Ú", "Û", "Ü": return 0x75
        case "ñ", "Ñ": return 0x6E
        case "ç", "Ç": return 0x63
        default: return scalar.value
        }
    }

    /// Unique slugs in order: a repeat gets `-2`, `-3`, ….
    public static func unique(_ slugs: [String]) -> [String] {
        var used: [String: Int] = [:]
        var taken: Set<String> = []
        return slugs.map { slug in
            var candidate = slug
            var count = used[slug, default: 1]
            while taken.contains(candidate) {
                count += 1
                candidate = "\(slug)-\(count)"
            }
            used[slug] = count
            taken.insert(candidate)
            return candidate
        }
    }
}

private extension Unicode.Scalar {
    var lowercasedASCII: Unicode.Scalar {
        (0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : self
    }
}
