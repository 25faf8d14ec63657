/// The errors libxml2 reported while reading a feed, grouped so that each problem is
/// reported once (`Namespace prefix itunes on duration is not defined` for every episode
/// becomes one warning with a count), at the line it was first seen.
struct XMLProblems {
    struct Problem {
        var message: String
        var line: Int
        var count: Int
        var fatal: Bool
    }

    private(set) var problems: [Problem] = []
    private var indexByMessage: [String: Int] = [:]

    /// More distinct problems than this are summarised in one line.
    static let limit = 20

    mutating func add(message: String, line: Int, fatal: Bool) {
        let text = message.trimmed
        let key = Self.grouping(text)
        if let index = indexByMessage[key] {
            problems[index].count += 1
            return
        }
        indexByMessage[key] = problems.count
        problems.append(Problem(message: text, line: line, count: 1, fatal: fatal))
    }

    var isEmpty: Bool { problems.isEmpty }

    /// `Opening and ending tag mismatch: p line 3 and div` groups by its words, not its line numbers.
    private static func grouping(_ message: String) -> String {
        String(message.filter { !$0.isNumber })
    }

    func diagnostics(file: String) -> [Diagnostic] {
        var result = problems.prefix(Self.limit).map { problem in
            let times = problem.count > 1 ? " (\(problem.count) times)" : ""
            return Diagnostic.warning(file, problem.line > 0 ? problem.line : nil, "XML: \(problem.message)\(times); recovered")
        }
        if problems.count > Self.limit {
            result.append(.warning(file, nil, "\(problems.count - Self.limit) more kinds of XML problem not shown"))
        }
        return result
    }
}
