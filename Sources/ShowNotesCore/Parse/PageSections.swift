/// The sections of a wiki-style page: the lead (under the page title) and each
/// `== Heading ==` with its text. A sub-section's heading names its parent
/// (`Professional career › 2022`) so a result reads on its own.
extension NotesReading {
    func pageSections() -> [Section] {
        var sections: [Section] = []
        var path: [(level: Int, text: String)] = []
        var heading = lines.first(where: { $0.headingLevel == 1 })?.text ?? ""
        var body: [String] = []
        func close() {
            let text = body.joined(separator: "\n").trimmingWhitespace()
            if !text.isEmpty || !heading.isEmpty { sections.append(Section(heading: heading, text: String(text))) }
            body = []
        }
        for (index, line) in lines.enumerated() {
            if let level = line.headingLevel, level >= 1 {
                if level == 1 { continue }
                close()
                path.removeAll { $0.level >= level }
                path.append((level, line.text))
                heading = path.map(\.text).joined(separator: " › ")
            } else if !line.isBlank {
                if case .chapter = roles[index] { continue }
                body.append(line.text)
            } else if body.last.map({ !$0.isEmpty }) ?? false {
                body.append("")
            }
        }
        close()
        return sections.filter { !$0.text.isEmpty }
    }
}
