import Foundation

/// The user-facing text of one language: every sentence, heading and name the
/// reports and the CLI print, looked up by a stable English key.
///
/// The tables are the standard `Localizable.strings` files of this module's
/// `en.lproj` and `zh-Hans.lproj` (SwiftPM `defaultLocalization: "en"`). They are
/// found with `Bundle.module.path(forResource:ofType:inDirectory:forLocalization:)`
/// for the language the user chose rather than the process's preferred language,
/// because swift-corelibs-foundation has no `String(localized:bundle:locale:)` and its
/// `Bundle.localizedString` ignores `LANG` (docs/decisions.md). A template's
/// placeholders are named, `{area}`, so that each language orders them its own way.
///
/// ```swift
/// let t = Localizer(.zh)
/// t("verdict.notMet")                       // "未达标"
/// t("orders.more", ["count": "12"])         // "… 另有 12 条（完整列表用 --format json）"
/// ```
public struct Localizer: Sendable {
    /// The language.
    public let language: Language
    private let table: [String: String]
    private let fallback: [String: String]

    /// The text of `language`; keys it lacks fall back to English.
    public init(_ language: Language) {
        self.language = language
        table = Localizer.table(language)
        fallback = language == .en ? [:] : Localizer.table(.en)
    }

    /// The text for `key` with each `{name}` replaced by `arguments[name]`. A key no
    /// table has is returned as itself, so that a missing translation shows (and the
    /// tests that compare the tables catch it).
    public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        var text = table[key] ?? fallback[key] ?? key
        for (name, value) in arguments {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    /// Whether `key` has a text in this language's own table.
    public func has(_ key: String) -> Bool { table[key] != nil }

    /// Every key of a language's table.
    public static func keys(of language: Language) -> Set<String> { Set(table(language).keys) }

    /// The parsed strings table of a language (cached: the files never change while
    /// the process runs).
    static func table(_ language: Language) -> [String: String] {
        switch language {
        case .en: englishTable
        case .zh: chineseTable
        }
    }

    private static let englishTable = load(.en)
    private static let chineseTable = load(.zh)

    /// The table of `language` as read from its file (``StringsTable``, or Foundation
    /// for what that does not read).
    static func load(_ language: Language) -> [String: String] {
        // SwiftPM keeps "zh-Hans.lproj" on Darwin and lowercases it on Linux.
        let candidates = [language.localization, language.localization.lowercased()]
        for localization in candidates {
            guard let path = Bundle.module.path(forResource: "Localizable", ofType: "strings", inDirectory: nil,
                                                forLocalization: localization),
                  let data = FileManager.default.contents(atPath: path)
            else { continue }
            if let table = StringsTable.parse([UInt8](data)) { return table }
            guard let plist = try? PropertyListSerialization.propertyList(from: data, format: nil),
                  let table = plist as? [String: String]
            else { continue }
            return table
        }
        return [:]
    }
}
