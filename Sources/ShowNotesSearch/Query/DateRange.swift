/// Published dates as numbers that sort like the dates: `2024-03-04` → 20240304.
///
/// A bound may be a year (`2024`), a month (`2024-03`) or a day (`2024-03-04`); a missing month
/// or day counts as the first. `--after` keeps episodes published on or after its date,
/// `--before` those published before its date, so `--after 2023 --before 2024` is the year 2023.
public struct DateRange: Sendable, Equatable {
    /// Inclusive lower bound (yyyymmdd).
    public var from: Int?
    /// Exclusive upper bound (yyyymmdd).
    public var until: Int?

    public init(from: Int? = nil, until: Int? = nil) {
        self.from = from
        self.until = until
    }

    public var isUnbounded: Bool { from == nil && until == nil }

    /// Whether an episode with this `published` value lies in the range.
    func contains(published day: Int?) -> Bool {
        if isUnbounded { return true }
        guard let day else { return false }
        if let from, day < from { return false }
        if let until, day >= until { return false }
        return true
    }

    /// `2024`, `2024-03` or `2024-03-04` as yyyymmdd; nil when the text is not such a date.
    public static func day(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0])
        else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) ?? 0 : 1
        let day = parts.count > 2 ? Int(parts[2]) ?? 0 : 1
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return year * 10_000 + month * 100 + day
    }

    /// The day of a stored `published` value (`2024-03-04` or `2024-03-04T10:00:00+01:00`).
    static func publishedDay(_ published: String) -> Int? {
        guard published.utf8.count >= 10 else { return nil }
        return day(String(published.prefix(10)))
    }
}
