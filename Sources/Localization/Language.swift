import Foundation

/// A language the tool speaks: English, or Simplified Chinese for planners in Chinese
/// bureaus.
public enum Language: String, Sendable, CaseIterable, Codable {
    /// English.
    case en
    /// Simplified Chinese (简体中文).
    case zh

    /// The language the environment asks for, by POSIX precedence: the first of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty decides; `zh*`
    /// (zh_CN.UTF-8, zh_SG, zh-Hans …) means Chinese, anything else English.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .zh : .en
        }
        return .en
    }

    /// The Foundation locale used for numbers and dates in this language.
    public var locale: Locale {
        switch self {
        case .en: Locale(identifier: "en_US")
        case .zh: Locale(identifier: "zh_CN")
        }
    }

    /// The `.lproj` localisation that holds this language's strings table.
    var localization: String {
        switch self {
        case .en: "en"
        case .zh: "zh-Hans"
        }
    }
}
