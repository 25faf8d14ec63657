/// Exit codes shared by every command, as grep uses them.
public enum ExitStatus {
    public static let found: Int32 = 0
    public static let nothing: Int32 = 1
    public static let error: Int32 = 2
    public static let usage: Int32 = 64
}
