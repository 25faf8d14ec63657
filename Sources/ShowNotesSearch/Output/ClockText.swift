/// Writing times the way show notes and chapter formats do.
public enum ClockText {
    /// `39:23`, `1:02:03`, with `.250` when the time has a fraction.
    public static func display(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        let millis = Int(((seconds - Double(whole)) * 1000).rounded())
        let (h, m, s) = (whole / 3600, whole / 60 % 60, whole % 60)
        var text = h > 0 ? "\(h):\(twoDigits(m)):\(twoDigits(s))" : "\(m):\(twoDigits(s))"
        if millis > 0 { text += "." + threeDigits(millis) }
        return text
    }

    /// `HH:MM:SS.mmm`, as WebVTT, Podlove and mp4chaps write times.
    public static func clock(_ seconds: Double, separator: String = ".") -> String {
        let totalMillis = Int((seconds * 1000).rounded())
        let (h, m, s, ms) = (totalMillis / 3_600_000, totalMillis / 60_000 % 60, totalMillis / 1000 % 60, totalMillis % 1000)
        return "\(twoDigits(h)):\(twoDigits(m)):\(twoDigits(s))\(separator)\(threeDigits(ms))"
    }

    public static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    public static func threeDigits(_ value: Int) -> String { value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : "\(value)" }
}
