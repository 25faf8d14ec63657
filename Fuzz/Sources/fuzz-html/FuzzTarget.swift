import FuzzSupport

/// libFuzzer entry point: the input is a notes file read as html.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHtml(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    NotesFuzz.run(UnsafeRawBufferPointer(start: start, count: count), format: .html)
    return 0
}

/// The process's entry point (SwiftPM's name for this module's `main`): libFuzzer's driver.
@_cdecl("fuzz_html_main")
public func fuzzHtmlMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.main(argc, argv) { start, count in fuzzHtml(UnsafeRawPointer(start), count) }
}
