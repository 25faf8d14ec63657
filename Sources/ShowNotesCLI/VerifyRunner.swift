import ShowNotesSearch

/// `shownotes index --verify`: reads a whole index, every checksum and invariant, and says
/// whether it is sound (one line on stdout, exit 0) or what is damaged (one line per problem
/// on stderr, exit 2).
public enum VerifyRunner {
    public static func run(index folder: String) -> Int32 {
        let report = IndexVerifier.verify(path: IndexStore.filePath(in: folder))
        guard report.isSound else {
            for line in report.errorLines { Console.error(line) }
            return ExitStatus.error
        }
        Console.out("\(report.path): ok: \(report.summary)")
        return ExitStatus.found
    }
}
