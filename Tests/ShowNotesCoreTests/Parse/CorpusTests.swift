import Foundation
import ShowNotesCore
import Testing

/// Where the shared real-data corpus lives, when it is there.
enum RealCorpus {
    /// `../shared/corpus/real` beside the package, found from this file's path.
    static let root: URL? = {
        var folder = URL(filePath: #filePath)
        for _ in 0..<4 { folder.deleteLastPathComponent() }   // …/Tests/ShowNotesCoreTests/Parse/x.swift → package
        let corpus = folder.deletingLastPathComponent().appending(path: "shared/corpus/real")
        return FileManager.default.fileExists(atPath: corpus.path) ? corpus : nil
    }()
}

/// Real notes gathered in `shared/corpus/real/` (see its `SOURCES.md`). The corpus is not
/// copied into the repository, so on a clone without it these tests are skipped, visibly.
@Suite("Real corpus", .enabled(if: RealCorpus.root != nil, "shared/corpus/real is absent; corpus tests skipped"))
struct CorpusTests {
    static var root: URL? { RealCorpus.root }

    static var notesFiles: [URL] {
        guard let root, let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { ["txt", "md", "html"].contains($0.pathExtension) && $0.lastPathComponent != "SOURCES.md" }
            .sorted { $0.path < $1.path }
    }

    @Test("every real notes file parses without a crash, its chapters ascending")
    func everyFile() throws {
        let files = Self.notesFiles
        #expect(files.count > 20)
        for file in files {
            let format: NotesParser.Format = file.pathExtension == "md" ? .markdown : file.pathExtension == "html" ? .html : .text
            let result = try SourceReader.readNotes([UInt8](try Data(contentsOf: file)), format: format, display: file.path)
            for episode in result.episodes { MutationTests.checkSane(episode, file.path) }
        }
    }

    @Test("real transcripts (HTML speaker turns, timestamp-per-line text, VTT saved as text) yield no chapters",
          arguments: [
              "podcastindex-org_podcast-namespace/docs_examples_transcripts_example.html",
              "hbmartin_podcast-transcript-convert/Talking_AI_at_OpenShift_Commons_Gathering_in_Raleigh.html",
              "hbmartin_podcast-transcript-convert/Zenlytic_Is_Building_You_A_Better_Coworker_With_AI_Agents.txt",
              "talkpython_talk-python-transcripts/000_tptm_introducing_the_show.txt",
          ])
    func transcripts(_ path: String) throws {
        let file = try #require(Self.root).appending(path: path)
        let format: NotesParser.Format = path.hasSuffix(".html") ? .html : .text
        let result = try SourceReader.readNotes([UInt8](try Data(contentsOf: file)), format: format, display: path)
        #expect(result.episodes.allSatisfy { $0.chapters.isEmpty })
    }

    @Test("real Syntax show notes in Markdown all yield chapter lists")
    func syntaxNotes() throws {
        let files = Self.notesFiles.filter { $0.path.contains("syntaxfm_website") }
        #expect(!files.isEmpty)
        for file in files where file.lastPathComponent != "001.md" {
            let result = try SourceReader.readNotes([UInt8](try Data(contentsOf: file)), format: .markdown, display: file.path)
            #expect(result.episodes.first.map { $0.chapters.count >= 4 } == true, "\(file.lastPathComponent)")
        }
    }
}
