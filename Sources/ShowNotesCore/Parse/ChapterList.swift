/// Decides which of a document's chapter-shaped lines form its chapter list.
///
/// Rules (see README "Chapters"): at least two chapter lines in one form (leading
/// timestamps win over trailing ones); none from a transcript (a block under a
/// "Transcript" heading, a dense run of ten or more lines under twenty seconds apart
/// on median, or four or more lines whose titles are mostly repeated speaker names);
/// ascending order: a line that goes back in time is left out with a warning naming
/// file:line; a start past the episode's known duration is left out likewise.
struct ChapterList {
    /// A chapter-shaped line and where it was found.
    struct Candidate {
        var line: ChapterLine
        var lineIndex: Int
        var lineNumber: Int
        /// For a bare timestamp line, the index of the line that held its title.
        var titleLineIndex: Int?
    }

    var chapters: [Chapter] = []
    /// Indices of the lines that were read as chapters (title lines included), in line order.
    var usedLines: [Int] = []
    var warnings: [Diagnostic] = []

    /// Minimum size and maximum median gap of a transcript-like run of timestamps, and the
    /// most its third-quartile gap may be: a transcript's lines are all seconds apart, while a
    /// chapter list with a few quick chapters (a cold open, an ad read) is mostly minutes apart.
    static let transcriptLines = 10
    static let transcriptMedianGap = 20.0
    static let transcriptQuartileGap = 60.0
    /// Minimum size of a run whose titles are mostly repeated names (speaker turns).
    static let speakerTurnLines = 4

    init(candidates: [Candidate], file: String, duration: Double?) {
        // Leading timestamps (and bare ones) win over trailing ones; most lists are all leading.
        let trailingCount = candidates.reduce(0) { $0 + ($1.line.form == .trailing ? 1 : 0) }
        let chosen = candidates.count - trailingCount >= 2
            ? (trailingCount == 0 ? candidates : candidates.filter { $0.line.form != .trailing })
            : trailingCount >= 2 ? candidates.filter { $0.line.form == .trailing } : []
        guard chosen.count >= 2 else { return }
        if Self.looksLikeTranscript(chosen) {
            warnings.append(Diagnostic(file: file, line: chosen[0].lineNumber, severity: .note,
                                       message: "\(chosen.count) timestamped lines seconds apart read as a transcript, not chapters"))
            return
        }
        if Self.looksLikeSpeakerTurns(chosen) {
            warnings.append(Diagnostic(file: file, line: chosen[0].lineNumber, severity: .note,
                                       message: "\(chosen.count) timestamped lines repeat a few names, read as a transcript's speaker turns, not chapters"))
            return
        }
        var last = -1.0
        chapters.reserveCapacity(chosen.count)
        usedLines.reserveCapacity(chosen.count * 2)
        for candidate in chosen {
            let start = candidate.line.start
            if start < last {
                warnings.append(.warning(file, candidate.lineNumber,
                    "chapter at \(Timestamp.display(start)) goes back in time (after \(Timestamp.display(last))); left out"))
                continue
            }
            if let duration, duration > 0, start > duration {
                warnings.append(.warning(file, candidate.lineNumber,
                    "chapter at \(Timestamp.display(start)) starts after the episode ends (\(Timestamp.display(duration))); left out"))
                continue
            }
            last = start
            chapters.append(Chapter(startTime: start, title: candidate.line.title))
            usedLines.append(candidate.lineIndex)
            if let title = candidate.titleLineIndex { usedLines.append(title) }
        }
    }

    /// `Travis: 0:00`, `Sarah: 0:53`, `Travis: 1:42`…: the "titles" are a few names taking turns
    /// (as in the Podcasting 2.0 HTML transcript, `<cite>Name:</cite> <time>0:00</time>`).
    /// A chapter list names each part once; here most titles repeat an earlier one.
    private static func looksLikeSpeakerTurns(_ candidates: [Candidate]) -> Bool {
        guard candidates.count >= speakerTurnLines else { return false }
        // Cheap first: titles with different case-blind shapes cannot lower-case alike.
        if let shapes = CaseBlindShape.distinctCount(candidates.map(\.line.title), above: candidates.count / 2),
           shapes * 2 > candidates.count { return false }
        let distinct = Set(candidates.map { $0.line.title.lowercasedFast() })
        return distinct.count * 2 <= candidates.count
    }

    private static func looksLikeTranscript(_ candidates: [Candidate]) -> Bool {
        guard candidates.count >= transcriptLines else { return false }
        var gaps: [Double] = []
        for (previous, next) in zip(candidates, candidates.dropFirst()) {
            gaps.append(next.line.start - previous.line.start)
        }
        gaps.sort()
        return gaps[gaps.count / 2] < transcriptMedianGap && gaps[gaps.count * 3 / 4] <= transcriptQuartileGap
    }
}
