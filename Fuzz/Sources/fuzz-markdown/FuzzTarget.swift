import FuzzSupport

/// libFuzzer entry point: the input is a notes file read as markdown.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    NotesFuzz.run(UnsafeRawBufferPointer(start: start, count: count), format: .markdown)
    return 0
}

/// The process's entry point (SwiftPM's name for this module's `main`): libFuzzer's driver.
@_cdecl("fuzz_markdown_main")
public func fuzzMarkdownMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.main(argc, argv) { start, count in fuzzMarkdown(UnsafeRawPointer(start), count) }
}
