import EmergencyReserve
import Foundation

/// swift-argument-parser's own words in the user's language.
///
/// The parser renders help and usage errors in fixed English ("USAGE:", "(default: …)",
/// "Missing expected argument '…'") and has no localisation hook. The entry point
/// therefore takes its rendered text (`fullMessage(for:)`) and rewrites that fixed
/// vocabulary through the `parser.*` entries of the strings tables: each English
/// entry is the parser's own template, with `{name}` where it inserts a value (an
/// option name, a value, a command line), and the other language's entry is the same
/// template in that language. Only these phrases change; option names, values and
/// ids pass through untouched (docs/decisions.md).
struct ParserText {
    private typealias Rule = (pattern: NSRegularExpression, names: [String], template: String)
    private let rules: [Rule]

    /// The rewriting into `language`; none for English, the parser's own.
    init(_ language: Language) {
        guard language != .en else {
            rules = []
            return
        }
        let english = Localizer(.en), target = Localizer(language)
        // Longest template first, so that "Unknown option '{option}'. Did you mean
        // '{suggestion}'?" is matched before "Unknown option '{option}'".
        let keys = Localizer.keys(of: .en).filter { $0.hasPrefix("parser.") }
            .sorted { (english($0).count, $0) > (english($1).count, $1) }
        rules = keys.compactMap { key -> Rule? in
            let (pattern, names) = Self.pattern(english(key))
            guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
            return (regex, names, target(key))
        }
    }

    /// `text` with every phrase of the parser's vocabulary in the target language.
    func translate(_ text: String) -> String {
        var result = text
        for rule in rules {
            let source = result as NSString
            var rewritten = ""
            var last = 0
            for match in rule.pattern.matches(in: result, range: NSRange(location: 0, length: source.length)) {
                rewritten += source.substring(with: NSRange(location: last, length: match.range.location - last))
                var replacement = rule.template
                for (i, name) in rule.names.enumerated() {
                    replacement = replacement.replacingOccurrences(of: "{\(name)}", with: source.substring(with: match.range(at: i + 1)))
                }
                rewritten += replacement
                last = match.range.location + match.range.length
            }
            if last > 0 {
                rewritten += source.substring(from: last)
                result = rewritten
            }
        }
        return result
    }

    /// The regular expression of an English template and the names of its
    /// placeholders in order. The parser wraps long help lines, so a space of the
    /// template also matches a line break and indentation, and a value may go on to an
    /// indented next line; a value never holds a parenthesis (the `(default: …)`
    /// suffixes end at the first), and `{count}` is a number. A template that starts
    /// with a letter starts a word ("Error: " is not the end of "SolverError: ").
    static func pattern(_ template: String) -> (String, [String]) {
        var pattern = template.first?.isLetter == true ? "(?<![A-Za-z])" : "", names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pattern += literal(rest[..<open])
            let name = String(rest[rest.index(after: open)..<close])
            names.append(name)
            pattern += name == "count" ? "([0-9]+)" : "((?:[^()\\n]|\\n\\s)*?)"
            rest = rest[rest.index(after: close)...]
        }
        return (pattern + literal(rest), names)
    }

    private static func literal(_ text: Substring) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false)
            .map { NSRegularExpression.escapedPattern(for: String($0)) }
            .joined(separator: "\\s+")
    }
}
