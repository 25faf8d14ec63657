import FuzzSupport

/// libFuzzer entry point: the input is an RSS, Atom or RSS 1.0 feed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeed(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FeedFuzz.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}

/// The process's entry point (SwiftPM's name for this module's `main`): libFuzzer's driver.
@_cdecl("fuzz_feed_main")
public func fuzzFeedMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.main(argc, argv) { start, count in fuzzFeed(UnsafeRawPointer(start), count) }
}
