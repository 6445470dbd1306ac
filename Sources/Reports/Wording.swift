import Foundation
import Localization

/// A sentence kept as its message key and raw values, so that each language renders
/// it with its own words and number formats (the JSON keeps the English rendering).
public struct Sentence: Sendable, Equatable {
    /// The message key in the strings tables.
    public var key: String
    /// Placeholders filled with a formatted number of hours.
    public var hours: [String: Double] = [:]
    /// Placeholders filled with a formatted quantity.
    public var quantities: [String: Double] = [:]
    /// Placeholders filled with a whole count.
    public var counts: [String: Int] = [:]
    /// Placeholders filled with a hazard or specialty name (a `HazardType` raw value).
    public var hazards: [String: String] = [:]
    /// Placeholders filled as they are (names and ids from the data).
    public var words: [String: String] = [:]

    /// Creates a sentence.
    public init(_ key: String, hours: [String: Double] = [:], quantities: [String: Double] = [:], counts: [String: Int] = [:],
                hazards: [String: String] = [:], words: [String: String] = [:]) {
        self.key = key
        self.hours = hours
        self.quantities = quantities
        self.counts = counts
        self.hazards = hazards
        self.words = words
    }
}

/// The words and number formats of one language, shared by every report renderer
/// (the CLI's siting table too, hence `package`). Report code asks for keys only;
/// which words come out is the strings tables' affair.
package struct Wording: Sendable {
    let t: Localizer

    package init(_ language: Language) { t = Localizer(language) }

    /// Text for a key with placeholders.
    package func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String { t(key, arguments) }

    /// Hours to one decimal with their unit ("10 h", "2.5 h").
    func hours(_ h: Double) -> String { t("unit.hours", ["value": Wording.oneDecimal(h)]) }

    /// Hours to one decimal always shown ("2.0 h").
    func hoursOneDecimal(_ h: Double) -> String { t("unit.hours", ["value": String(format: "%.1f", h)]) }

    /// A share as a percentage, always with one decimal ("96.0%", "77.8%").
    func percent(_ x: Double) -> String {
        Wording.clean(x, 1000).formatted(.percent.locale(t.language.locale).precision(.fractionLength(1)))
    }

    /// A quantity with thousands grouping; whole numbers without decimals, others
    /// with at most two ("38,600", "19,928.57").
    package func number(_ x: Double) -> String {
        Wording.clean(x, 100).formatted(.number.locale(t.language.locale).precision(.fractionLength(0...2)))
    }

    /// Yuan, whole, grouped ("¥1,234,567").
    func yuan(_ x: Double) -> String {
        t("unit.yuan", ["value": Wording.clean(x, 1).formatted(.number.locale(t.language.locale).precision(.fractionLength(0)))])
    }

    /// A hazard or team specialty by its `HazardType` raw value.
    func hazard(_ raw: String) -> String { name("hazard", raw) }

    /// A response level (I–IV).
    func level(_ raw: String) -> String { name("level", raw) }

    /// An administrative level (province … village) by its raw value.
    func adminLevel(_ raw: String) -> String { name("adminLevel", raw) }

    /// A reserve mode by its raw value.
    func mode(_ raw: String) -> String { name("mode", raw) }

    /// A solver status by its raw value.
    func status(_ raw: String) -> String { name("status", raw) }

    /// Joins a list the language's way.
    func list(_ items: [String]) -> String { items.joined(separator: t("list.separator")) }

    /// A sentence rendered in this language.
    func sentence(_ s: Sentence) -> String {
        var arguments = s.words
        for (k, v) in s.hours { arguments[k] = hours(v) }
        for (k, v) in s.quantities { arguments[k] = number(v) }
        for (k, v) in s.counts { arguments[k] = String(v) }
        for (k, v) in s.hazards { arguments[k] = hazard(v) }
        return t(s.key, arguments)
    }

    /// `prefix.raw` when the table has it, else the raw value itself (data from a
    /// newer version stays readable).
    func name(_ prefix: String, _ raw: String) -> String {
        let key = "\(prefix).\(raw)"
        let text = t(key)
        return text == key ? raw : text
    }

    /// `x` rounded to 1/`scale` with −0 made 0, so that formatting never shows "-0".
    static func clean(_ x: Double, _ scale: Double) -> Double {
        let r = (x * scale).rounded() / scale
        return r == 0 ? 0 : r
    }

    /// Orders ids as a person counts: "S2" before "S10" (digit runs compare by value).
    static func naturalOrder(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.numeric]) == .orderedAscending
    }

    static func oneDecimal(_ h: Double) -> String {
        let r = (h * 10).rounded() / 10
        return r == r.rounded() ? "\(Int(r))" : "\(r)"
    }
}
