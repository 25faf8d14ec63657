import FuzzSupport

/// libFuzzer entry point: the input is a notes file read as text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    NotesFuzz.run(UnsafeRawBufferPointer(start: start, count: count), format: .text)
    return 0
}

/// The process's entry point (SwiftPM's name for this module's `main`): libFuzzer's driver.
@_cdecl("fuzz_text_main")
public func fuzzTextMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.main(argc, argv) { start, count in fuzzText(UnsafeRawPointer(start), count) }
}
