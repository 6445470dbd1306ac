import Foundation
import ReserveModel

/// Times in the ledger: UTC, whole seconds, stored as `2026-12-04T18:44:54Z` so that
/// text order is time order (the `--at` query compares strings in SQL).
public enum LedgerTime {
    /// The stored form of `date`.
    public static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = Int(floorDiv(seconds, 86_400))
        let rest = Int(seconds - Int64(days) * 86_400)
        let (y, m, d) = CalendarDate.civil(fromDayNumber: days)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, rest / 3600, rest % 3600 / 60, rest % 60)
    }

    /// Reads `2025-07-01` (midnight UTC), `2025-07-01T08:30:00Z` or an ISO-8601 time
    /// with an offset (`2025-07-01T08:30:00+08:00`); nil if it is none of them.
    public static func parse(_ text: String) -> Date? {
        if let day = CalendarDate(text) {
            return Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400)
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// The calendar day (UTC) of a stored time.
    static func day(of date: Date) -> CalendarDate {
        let days = Int(floorDiv(Int64(date.timeIntervalSince1970.rounded(.down)), 86_400))
        let (y, m, d) = CalendarDate.civil(fromDayNumber: days)
        return CalendarDate(year: y, month: m, day: d)!
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
