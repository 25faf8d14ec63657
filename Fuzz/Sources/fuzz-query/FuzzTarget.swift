import FuzzSupport

/// libFuzzer entry point: the input is the text of a query, run against the sample index.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    QueryFuzz.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}

/// The process's entry point (SwiftPM's name for this module's `main`): libFuzzer's driver.
@_cdecl("fuzz_query_main")
public func fuzzQueryMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.main(argc, argv) { start, count in fuzzQuery(UnsafeRawPointer(start), count) }
}
