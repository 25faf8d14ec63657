/// Words for what happened while reading a feed: one warning per kind of damage repaired,
/// libxml2's own complaints, items lost, and the refusals (entity declarations, not a feed).
enum FeedReport {
    static func diagnostics(file: String, encoding: FeedEncoding, repair: RepairFindings, builder: FeedBuilder,
                            episodes: Int, parserStopped: Bool) -> [Diagnostic] {
        var result: [Diagnostic] = []
        func warn(_ finding: Finding, _ message: (Int) -> String) {
            if finding.count > 0 { result.append(.warning(file, finding.firstLine, message(finding.count))) }
        }
        let times: (Int) -> String = { $0 == 1 ? "" : " (\($0) times)" }
        if case .utf8(let declared) = encoding {
            let label = declared?.lowercased() ?? "utf-8"
            let saysLatin = FeedEncoding.utf8Family.contains(label) && !["utf-8", "utf8", "us-ascii", "ascii"].contains(label)
            if let declared, !FeedEncoding.utf8Family.contains(label) {
                result.append(.warning(file, 1, "the declared encoding '\(declared)' does not fit these bytes or is unknown; read as UTF-8"))
            } else if let declared, saysLatin, repair.multibyteSequences > 0 {
                result.append(.warning(file, 1, "declares encoding '\(declared)', but the text is UTF-8; read as UTF-8"))
            }
            if !saysLatin {
                warn(repair.invalidUTF8) { "\($0) byte(s) that are not UTF-8, first here; read as Windows-1252" }
            }
        }
        warn(repair.controls) { "control character(s) that XML does not allow, first here\(times($0)); read as spaces" }
        warn(repair.bareAmpersands) { "'&' not written as '&amp;'\(times($0)); kept as text" }
        warn(repair.strayLessThan) { "'<' that starts no tag\(times($0)); kept as text" }
        warn(repair.badCharacterReferences) { "character reference to a character XML does not allow\(times($0)); read as U+FFFD" }
        warn(repair.misplacedDeclaration) { _ in "text before the XML declaration; declaration ignored" }
        // By line, then name: a dictionary's order changes from run to run.
        for (name, finding) in repair.htmlEntities.sorted(by: { ($0.value.firstLine, $0.key) < ($1.value.firstLine, $1.key) }) {
            warn(finding) { "HTML entity '&\(name);' is not defined in XML\(times($0)); read as HTML" }
        }
        let declared = Set(builder.declaredEntities)
        for (name, finding) in repair.unknownEntities.sorted(by: { ($0.value.firstLine, $0.key) < ($1.value.firstLine, $1.key) })
        where !declared.contains(name) {
            warn(finding) { "undefined entity '&\(name);'\(times($0)); kept as text" }
        }
        if !builder.declaredEntities.isEmpty {
            result.append(Diagnostic(file: file, line: nil, severity: .error, message: entityMessage(builder)))
        }
        if let dtd = builder.externalDTD {
            result.append(.warning(file, nil, "the DOCTYPE names an external DTD '\(dtd)'; it is not loaded"))
        }
        result += builder.problems.diagnostics(file: file)
        if let cut = builder.cutTexts {
            let limit = FeedBuilder.maximumTextBytes >> 20
            result.append(.warning(file, cut.firstLine, "text over \(limit) MiB in one element\(times(cut.count)), first here; only its first \(limit) MiB are read"))
        }
        if let line = builder.truncatedItemLine {
            result.append(.warning(file, line, "the feed breaks off inside this item; kept what was read"))
        }
        let seen = max(repair.itemTags, builder.itemsStarted)
        if seen > episodes {
            let stop = builder.problems.problems.first(where: \.fatal)?.line
            let place = stop.map { " (reading stopped at line \($0))" } ?? ""
            result.append(.warning(file, nil, "\(seen - episodes) of \(seen) items could not be read\(place)"))
        }
        return result
    }

    static func entityMessage(_ builder: FeedBuilder) -> String {
        let names = builder.declaredEntities.prefix(5).joined(separator: ", ") + (builder.declaredEntities.count > 5 ? ", …" : "")
        let kind = builder.declaresExternalEntity ? "external entities" : "entities"
        return "the DOCTYPE declares \(kind) (\(names)); ShowNotes never expands entities a feed declares "
            + "(they can read local files or grow without bound), so their references are kept as text"
    }

    /// Why a feed that gave no episodes is an error, or nil when it simply has no items.
    static func refusal(builder: FeedBuilder) -> String? {
        if !builder.declaredEntities.isEmpty { return entityMessage(builder) + "; no items" }
        guard let root = builder.rootName else { return "not a feed: no XML element in the file (empty or not XML)" }
        guard ["rss", "feed", "RDF", "channel"].contains(root) else {
            return "not a feed: the root element is <\(root)>, not <rss>, <feed> or <rdf:RDF>"
        }
        return nil
    }
}
