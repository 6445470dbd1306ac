import Foundation

/// The dispatch's warnings in the reader's language.
///
/// The response library (and the bundle network's overlay) write their warnings as
/// English sentences of fixed forms. Rather than thread a typed warning through
/// modules that other work is reshaping, each form is recognised here once, at render
/// time, and rendered from its message key (`warning.*`); a sentence of a form not
/// listed stays as written. `WarningTextTests` pins every form against the library's
/// own wording.
enum WarningText {
    /// One warning form: its key and the placeholder each capture group fills.
    struct Form {
        let key: String
        let expression: NSRegularExpression
        let names: [String]

        init(_ key: String, _ pattern: String, _ names: [String]) {
            self.key = key
            // The patterns are constants of this file; a typo is a programming error.
            expression = try! NSRegularExpression(pattern: "^" + pattern + "$")
            self.names = names
        }
    }

    nonisolated(unsafe) static let forms: [Form] = [
        Form("warning.unknownItem", #"area (\S+): needs unknown item (\S+)"#, ["area", "item"]),
        Form("warning.household", #"area (\S+): household reserves cover (\S+) of (\S+) (.+)"#, ["area", "covered", "need", "what"]),
        Form("warning.noCentroid", #"area (\S+): no centroid, so no road reaches it"#, ["area"]),
        Form("warning.expiredLots", #"(\d+) stock lots? expire before relief ends and are not sent"#, ["count"]),
        Form("warning.depotUnusable", #"depot (\S+) \((.*)\) is unusable in this scenario"#, ["depot", "name"]),
        Form("warning.noProductionRate", #"depot (\S+) \((.*)\) is production capacity without a production rate"#, ["depot", "name"]),
        Form("warning.noProductionItems", #"depot (\S+) \((.*)\): production capacity lists no items in stock\.csv, so it produces nothing here"#,
             ["depot", "name"]),
        Form("warning.farFromRoad", #"depot (\S+) is ([0-9.]+) km from the nearest road node"#, ["depot", "km"]),
        Form("warning.closedRoadMissing", #"incident (\S+): closed road (\S+)–(\S+) is not in the network"#, ["incident", "from", "to"]),
        Form("warning.slowedRoadMissing", #"incident (\S+): slowed road (\S+)–(\S+) is not in the network"#, ["incident", "from", "to"]),
        Form("warning.unknownRoadClass", #"incident (\S+): unknown road class '(.*)' in an area factor"#, ["incident", "class"]),
    ]

    /// The warning in `w`'s language; English is the library's own sentence.
    static func render(_ warning: String, _ w: Wording) -> String {
        guard w.t.language != .en else { return warning }
        let range = NSRange(warning.startIndex..., in: warning)
        for form in forms {
            guard let match = form.expression.firstMatch(in: warning, range: range) else { continue }
            var arguments: [String: String] = [:]
            for (k, name) in form.names.enumerated() {
                if let r = Range(match.range(at: k + 1), in: warning) { arguments[name] = String(warning[r]) }
            }
            return w(form.key, arguments)
        }
        return warning
    }
}
