#if canImport(Glibc)
import Glibc
#endif
import FuzzSupport

/// libFuzzer entry point: the input is the bytes of an index file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIndex(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    IndexFuzz.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}

/// libFuzzer calls this once before fuzzing. With `SHOWNOTES_FUZZ_WRITE_SEEDS=DIR` set, it
/// writes the seed indexes (the sample podcast's, and a tiny one) into DIR and exits.
@_cdecl("LLVMFuzzerInitialize")
public func initializeIndexFuzzing(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    guard let folder = getenv("SHOWNOTES_FUZZ_WRITE_SEEDS").map({ String(cString: $0) }) else { return 0 }
    _ = mkdir(folder, 0o755)
    for (name, bytes) in [("feeds.idx", SampleIndex.feeds()), ("tiny.idx", SampleIndex.tiny())] {
        bytes.withUnsafeBytes { _ = ScratchFolder.write($0, to: name, in: folder) }
    }
    exit(0)
}

/// The process's entry point (SwiftPM's name for this module's `main`): libFuzzer's driver.
@_cdecl("fuzz_index_main")
public func fuzzIndexMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.main(argc, argv) { start, count in fuzzIndex(UnsafeRawPointer(start), count) }
}
