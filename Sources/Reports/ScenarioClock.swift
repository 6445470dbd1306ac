import Foundation
import ReserveModel

/// Wall-clock times of a scenario: its start (ISO 8601 with a UTC offset, checked by
/// the validator) plus hours, in the scenario's own time zone.
///
/// Clock texts are put together from calendar components and the strings tables
/// (`clock.*`, `month.*`) rather than from ICU date patterns, so that the same input
/// gives the same bytes on every ICU version.
struct ScenarioClock: Sendable {
    /// The start instant.
    let start: Date
    /// Seconds east of UTC of the scenario's offset.
    let offsetSeconds: Int

    /// Nil when `iso` is not a date-time with an offset (`Z` counts as +00:00).
    init?(_ iso: String) {
        guard let date = try? Date(iso, strategy: .iso8601), let offset = ScenarioClock.offset(of: iso) else { return nil }
        start = date
        offsetSeconds = offset
    }

    /// A clock from its start instant and offset.
    init(start: Date, offsetSeconds: Int) {
        self.start = start
        self.offsetSeconds = offsetSeconds
    }

    /// The instant `hours` after the start.
    func date(_ hours: Double) -> Date { start.addingTimeInterval((hours * 3600).rounded()) }

    /// `hours` after the start as ISO 8601 with the scenario's offset, to the second
    /// ("2025-08-12T09:12:00+08:00").
    func iso(_ hours: Double) -> String {
        let c = components(hours)
        let off = abs(offsetSeconds)
        var text = Self.padded(c.year, 4) + "-" + Self.padded(c.month, 2) + "-" + Self.padded(c.day, 2)
        text += "T" + Self.padded(c.hour, 2) + ":" + Self.padded(c.minute, 2) + ":" + Self.padded(c.second, 2)
        text += (offsetSeconds < 0 ? "-" : "+") + Self.padded(off / 3600, 2) + ":" + Self.padded(off % 3600 / 60, 2)
        return text
    }

    /// `value` with leading zeros to `width` digits (printf's `%0*d` for the values a
    /// clock has; a negative year keeps its sign in front).
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count - (value < 0 ? 1 : 0)))
        return (value < 0 ? "-" : "") + zeros + digits
    }

    /// Calendar fields of a local time.
    struct LocalTime: Equatable {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    }

    /// Calendar fields of the instant `hours` after the start, in the scenario's zone:
    /// the proleptic Gregorian calendar by arithmetic (`CalendarDate.civil(fromDayNumber:)`),
    /// which is what Foundation's Gregorian calendar gives from 1583 on, at
    /// a fraction of the cost of a Calendar per clock text (a thousand per report).
    /// Earlier instants go through Foundation's calendar (it switches to Julian).
    func components(_ hours: Double) -> LocalTime {
        let instant = date(hours)
        let local = (instant.timeIntervalSince1970 + Double(offsetSeconds)).rounded(.down)
        guard local >= Self.gregorianFrom, local < 1e15 else { return Self.calendarComponents(instant, offsetSeconds) }
        let seconds = Int(local)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let ofDay = seconds - days * 86_400
        let (year, month, day) = CalendarDate.civil(fromDayNumber: days)
        return LocalTime(year: year, month: month, day: day, hour: ofDay / 3600, minute: ofDay % 3600 / 60, second: ofDay % 60)
    }

    /// 1583-01-01T00:00:00 local, in seconds since 1970: the first year wholly Gregorian.
    static let gregorianFrom = -12_212_553_600.0

    /// The same fields from Foundation's Gregorian calendar.
    static func calendarComponents(_ instant: Date, _ offsetSeconds: Int) -> LocalTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offsetSeconds)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return LocalTime(year: c.year!, month: c.month!, day: c.day!, hour: c.hour!, minute: c.minute!, second: c.second!)
    }

    /// The offset at the end of an ISO 8601 date-time: "Z", "+08:00", "+0800".
    static func offset(of iso: String) -> Int? {
        if iso.hasSuffix("Z") { return 0 }
        let tail = iso.suffix(6)
        let digits = tail.filter(\.isNumber)
        if tail.count == 6, let sign = tail.first, sign == "+" || sign == "-", tail.dropFirst(3).first == ":", digits.count == 4,
           let h = Int(digits.prefix(2)), let m = Int(digits.suffix(2)) {
            return (sign == "-" ? -1 : 1) * (h * 3600 + m * 60)
        }
        let short = iso.suffix(5)
        if let sign = short.first, sign == "+" || sign == "-", short.dropFirst().allSatisfy(\.isNumber),
           let h = Int(short.dropFirst().prefix(2)), let m = Int(short.suffix(2)) {
            return (sign == "-" ? -1 : 1) * (h * 3600 + m * 60)
        }
        return nil
    }
}

extension Wording {
    /// The local clock time `hours` after the start with the day, and the hours since
    /// the start beside it ("8月12日 09:12 +4.2小时"); just the hours without a clock.
    func clock(_ hours: Double, _ clock: ScenarioClock?) -> String {
        guard let clock else { return self.hours(hours) }
        return t("clock.withHours", ["time": time(hours, clock), "hours": Wording.oneDecimal(hours)])
    }

    /// The local clock time with the day ("8月12日 09:12", "Aug 12 09:12").
    func time(_ hours: Double, _ clock: ScenarioClock) -> String {
        let c = clock.components(hours)
        return t("clock.time", ["month": t("month.\(c.month)"), "day": String(c.day),
                                "hh": ScenarioClock.padded(c.hour, 2), "mm": ScenarioClock.padded(c.minute, 2)])
    }
}
