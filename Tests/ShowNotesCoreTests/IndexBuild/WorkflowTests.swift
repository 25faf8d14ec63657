import Foundation
import Testing

/// The GitHub workflow a team copies must do what `.ci/run` does, step for step.
@Suite("CI workflow")
struct WorkflowTests {
    /// The repository, found from this file's path.
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test("the workflow's check job runs exactly the commands of .ci/run, in order")
    func sameSteps() throws {
        let script = try String(contentsOf: Self.root.appending(path: ".ci/run"), encoding: .utf8)
        let commands = script.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { line in
            !line.isEmpty && !["#", "set ", "cd ", "echo "].contains { line.hasPrefix($0) }
        }
        let workflow = try String(contentsOf: Self.root.appending(path: ".github/workflows/index.yml"), encoding: .utf8)
        let check = workflow.components(separatedBy: "\n  regenerate:").first ?? workflow
        let runs = check.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("run: ") }.map { String($0.dropFirst(5)) }
        #expect(!commands.isEmpty)
        #expect(runs == commands)
    }
}
