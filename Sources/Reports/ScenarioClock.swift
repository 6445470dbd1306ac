import Foundation

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

    /// The instant `hours` after the start.
    func date(_ hours: Double) -> Date { start.addingTimeInterval((hours * 3600).rounded()) }

    /// `hours` after the start as ISO 8601 with the scenario's offset, to the second
    /// ("2025-08-12T09:12:00+08:00").
    func iso(_ hours: Double) -> String {
        let c = components(hours)
        let sign = offsetSeconds < 0 ? "-" : "+"
        let off = abs(offsetSeconds)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!,
                      sign, off / 3600, off % 3600 / 60)
    }

    /// Calendar fields of the instant `hours` after the start, in the scenario's zone.
    func components(_ hours: Double) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offsetSeconds)!
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date(hours))
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
        return t("clock.time", ["month": t("month.\(c.month!)"), "day": String(c.day!),
                                "hh": String(format: "%02d", c.hour!), "mm": String(format: "%02d", c.minute!)])
    }
}
