#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks the arguments as the kernel passed them. ShowNotes reads arguments as UTF-8, and
/// `CommandLine.arguments` would quietly turn invalid bytes into U+FFFD: a query would then
/// search for something else, and a path would name a file that is not there. Refusing them
/// up front gives one clear usage error instead.
public enum ArgumentEncoding {
    /// A message about the first argument that is not valid UTF-8, or nil when all are.
    public static func problem() -> String? {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
            guard String(validating: bytes, as: UTF8.self) == nil else { continue }
            return "argument \(index) ('\(escaped(bytes))') is not valid UTF-8; give ShowNotes UTF-8 text (check the terminal's or the script's encoding)"
        }
        return nil
    }

    /// The argument with bytes outside printable ASCII written as `\xNN`.
    static func escaped(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var text: [UInt8] = []
        for byte in bytes.prefix(200) {
            if byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") {
                text.append(byte)
            } else {
                text += [UInt8(ascii: "\\"), UInt8(ascii: "x"), digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
            }
        }
        return String(decoding: text, as: UTF8.self) + (bytes.count > 200 ? "…" : "")
    }
}
