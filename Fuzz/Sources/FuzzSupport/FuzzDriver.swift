import CFuzzDriver

/// Starts libFuzzer from a fuzz target's entry point. SwiftPM links an executable with
/// `main` defined as `<module>_main`, which `-parse-as-library` leaves undefined; each target
/// defines that function (`@_cdecl("fuzz_text_main")`, …) and hands over to libFuzzer here.
public enum FuzzDriver {
    public typealias Target = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer's driver on the process's arguments, calling `target` for each input.
    public static func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ target: Target) -> CInt {
        var count = argc
        var vector = argv
        return LLVMFuzzerRunDriver(&count, &vector, target)
    }
}
