/// Parses `shownotes search` arguments by hand (the fast binary links no argument parser):
/// `--name value`, `--name=value`, flags, and `--` before query words that start with `--`.
public enum SearchArguments {
    /// What the arguments ask for.
    public enum Outcome: Sendable {
        case run(SearchOptions)
        case help
        /// A usage error, with its message.
        case usage(String)
    }

    /// Sets a flag option; false when `name` is not one.
    private static func setFlag(_ name: String, in options: inout SearchOptions) -> Bool {
        switch name {
        case "--json": options.json = true
        case "--count": options.count = true
        case "--fuzzy": options.fuzzy = true
        case "--exact": options.exact = true
        case "--explain": options.explain = true
        default: return false
        }
        return true
    }

    /// Whether an option takes a value (a switch, not a `Set`: no hashing or generic metadata at start-up).
    private static func takesValue(_ name: String) -> Bool {
        switch name {
        case "--index", "--limit", "--per-episode", "--podcast", "--person", "--kind", "--after", "--before", "--sort": true
        default: false
        }
    }

    public static func parse(_ arguments: ArraySlice<String>) -> Outcome {
        var options = SearchOptions()
        var index = arguments.startIndex
        var endOfOptions = false
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if endOfOptions || !argument.hasPrefix("--") {
                if argument == "-h", !endOfOptions { return .help }
                options.query.append(argument)
                continue
            }
            if argument == "--" {
                endOfOptions = true
                continue
            }
            if argument == "--help" { return .help }
            if setFlag(argument, in: &options) { continue }
            var name = argument
            var value: String? = nil
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            guard takesValue(name) else {
                return .usage("unknown option '\(argument)' (see 'shownotes search --help'; put -- before a query word that starts with --)")
            }
            if value == nil {
                guard index < arguments.endIndex else { return .usage("\(name) needs a value") }
                value = arguments[index]
                index += 1
            }
            if let problem = set(name, value ?? "", in: &options) { return .usage(problem) }
        }
        return .run(options)
    }

    private static func set(_ name: String, _ value: String, in options: inout SearchOptions) -> String? {
        switch name {
        case "--index": options.index = value
        case "--limit", "--per-episode":
            guard let number = Int(value) else { return "\(name) takes a whole number (got '\(value)')" }
            if name == "--limit" { options.limit = number } else { options.perEpisode = number }
        case "--podcast": options.podcasts.append(value)
        case "--person": options.people.append(value)
        case "--kind": options.kinds.append(value)
        case "--after": options.after = value
        case "--before": options.before = value
        case "--sort": options.sort = value
        default: return "unknown option '\(name)'"
        }
        return nil
    }
}
