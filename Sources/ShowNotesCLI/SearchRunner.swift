import ShowNotesSearch

/// `shownotes search`: runs the request and prints the results — data on stdout, spelling
/// notes on stderr — and returns the exit status.
public enum SearchRunner {
    public static func run(_ options: SearchOptions) -> Int32 {
        if let problem = options.problem() {
            Console.error("error: \(problem)")
            return ExitStatus.usage
        }
        let text = options.query.joined(separator: " ")
        guard text.utf8.count <= SearchOptions.maximumQueryBytes else {
            Console.error("error: the query is \(text.utf8.count) bytes; the limit is \(SearchOptions.maximumQueryBytes)")
            return ExitStatus.error
        }
        guard let reader = IndexLocation.open(options.index) else { return ExitStatus.error }
        let searcher = Searcher(reader: reader)
        let request = options.request()
        do {
            if options.count {
                let total = try searcher.count(request)
                Console.out("\(total)")
                if total == 0, let correction = try searcher.correction(for: request.query) {
                    var corrected = request
                    corrected.query = correction.query
                    if try searcher.count(corrected) > 0 { Console.error("did you mean \"\(correction.text(text))\"?") }
                }
                return total > 0 ? ExitStatus.found : ExitStatus.nothing
            }
            let result = try searcher.search(request)
            if let correction = result.correction {
                let suggestion = "did you mean \"\(correction.text(text))\"?"
                Console.error(correction.applied ? suggestion + " showing its results (--exact: only what you typed)" : suggestion)
            }
            for (source, reason) in result.unavailableSources {
                Console.error("warning: \(source): \(reason); its texts are not shown (rebuild with `shownotes index`)")
            }
            let hits = result.hits
            let style = ResultLine.Style(bold: Console.colorAllowed, showDate: options.sort == "date" || options.after != nil || options.before != nil)
            let lastOfEpisode = result.lastOfEpisode
            var output = ""
            for (index, hit) in hits.enumerated() {
                if options.json {
                    output += ResultLine.json(hit).text + "\n"
                    continue
                }
                output += ResultLine.text(hit, style: style) + "\n"
                if let explanation = hit.explanation { output += ResultLine.explanation(explanation) + "\n" }
                if lastOfEpisode[index], hit.more > 0 { output += "        +\(hit.more) more in this episode\n" }
            }
            if !output.isEmpty { Console.out(String(output.dropLast())) }
            return hits.isEmpty ? ExitStatus.nothing : ExitStatus.found
        } catch {
            Console.error("error: index corrupted: \(reader.path): \(error.what)")
            return ExitStatus.error
        }
    }
}
