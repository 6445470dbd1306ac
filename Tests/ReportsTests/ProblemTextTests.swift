import Foundation
import Localization
import ReserveModel
import Testing

/// The sentences of validation problems, CLI errors and help: every Chinese template
/// is Chinese (no English word once its placeholders are out, but the technical names
/// a planner types), the English sentence of a problem is rendered from its code, and
/// "did you mean" picks the id a typo came from.
@Suite struct ProblemTextTests {
    /// File formats, JSON members, flags' values and column names that stay as typed.
    static let technical: Set<String> = ["JSON", "GeoJSON", "CSV", "UTF", "WKT", "LINESTRING", "LineString", "Polygon",
                                         "MultiPolygon", "FeatureCollection", "features", "properties", "area", "true",
                                         "false", "null", "bundle", "json", "csv", "areas", "arrival_hours", "relief_hours",
                                         "speed_kmh", "lat", "lon", "GiB", "YYYY", "MM", "DD", "T", "reserve", "validate",
                                         "dispatch", "coverage", "plan", "site", "Data", "hegang", "suzhou", "manzhouli",
                                         "linjiang", "hg", "songhua", "flood", "blizzard", "mine", "xinbian", "sz", "mz",
                                         "grassland", "fire", "scenario", "format", "html", "out", "report", "all",
                                         "scenarios", "level", "township", "objective", "cost", "robust", "budget",
                                         "min", "stock", "county", "median", "max", "cover", "set", "within", "count",
                                         "fixed", "charge", "cap", "candidate", "exclude", "strict", "lang", "zh", "en",
                                         "LC_ALL", "LC_MESSAGES", "LANG", "time", "limit", "gap", "export", "model", "lp",
                                         "mps", "mps", "horizon", "holding", "rate", "allowance", "decomposition", "ignore",
                                         "existing", "docs", "siting", "md", "od", "candidates", "GLPK", "reference", "date",
                                         "hegang", "sandbag", "e", "p", "ownr", "file", "path", "v", "nodes", "BUNDLE", "table", "zh_",
                                         "roads", "polygon", "polygon_file", "fleet", "lead_hours", "mutual_aid", "mutual_aid_lead_hours",
                                         "scope", "planning", "planned", "write", "tmp", "move_yuan_per_tonne_km",
                                         "move_handling_yuan_per_tonne", "LB", "HG", "budgets", "frontier",
                                         // option values and keys the CLI messages name
                                         "cedge", "dimacs", "geojson", "files", "roads_geojson", "annual", "inbound",
                                         "city", "national", "province", "m", "GB", "UTF", "shortfall", "B", "D"]

    @Test func everyChineseTemplateIsChinese() {
        let zh = Localizer(.zh)
        // Help texts ("help.") are checked where they are shown, in each command's
        // rendered help (LocalizedHelpTests): there option names, values, placeholders and
        // example command lines are known and set aside, which a template alone cannot tell.
        let prefixes = ["problem.", "what.", "owner.", "noun.", "type.", "quantity.", "cli."]
        let keys = Localizer.keys(of: .zh).filter { key in prefixes.contains { key.hasPrefix($0) } }
        #expect(keys.count > 150)
        for key in keys {
            var text = zh(key)
            while let open = text.firstIndex(of: "{"), let close = text[open...].firstIndex(of: "}") {
                text.removeSubrange(open...close)
            }
            // Option names (--warn-metres) and placeholders in capitals (DIR, FROM,TO) are typed as they are.
            text = text.replacing(/--[A-Za-z0-9-]+/, with: " ")
            let english = Set(words(text)).subtracting(Self.technical)
                .filter { word in !(word.count > 1 && word == word.uppercased() && word.allSatisfy(\.isLetter)) }
            #expect(english.isEmpty, "\(key): \(english.sorted()) in \(zh(key))")
        }
    }

    @Test func englishSentenceIsRenderedFromTheCode() {
        let p = ValidationProblem(severity: .error, subject: RecordReference(table: .depots, index: 2, column: "capacity_tonnes"),
                                  code: "number.negative",
                                  arguments: ["whatKey": "what.depot.capacity_tonnes", "depot": "D3", "value": "-300"])
        #expect(p.message == "Weight capacity of depot 'D3' must be 0 or more, not -300.")
        #expect(p.message(in: Localizer(.zh)) == "仓库“D3”的载重容量必须大于或等于 0，而不是 -300。")
        var located = p
        located.location = ProblemLocation(file: "depots.csv", line: 4, column: "capacity_tonnes")
        #expect(located.line(in: Localizer(.zh)) == "depots.csv:4:capacity_tonnes: 错误: 仓库“D3”的载重容量必须大于或等于 0，而不是 -300。")
        #expect(located.line(in: Localizer(.en)) == located.description)
    }

    @Test func didYouMeanPicksTheClosestID() {
        // kitten → sitting: k→s, e→i, +g (the textbook example).
        #expect(Localizer.editDistance("kitten", "sitting") == 3)
        #expect(Localizer.editDistance("", "abc") == 3 && Localizer.editDistance("鹤岗", "鹤岗市") == 1)
        let policies = ["hegang-2025", "hegang-8h"]
        #expect(Localizer.suggestion(for: "hegang8h", among: policies) == "hegang-8h")
        #expect(Localizer.suggestion(for: "HEGANG-8H", among: policies) == "hegang-8h")
        #expect(Localizer.suggestion(for: "earthquake", among: policies) == nil)
        // A third of the length: 2 edits are fine for 6+ characters, not for 5.
        #expect(Localizer.suggestion(for: "abcxyf", among: ["abcdef"]) == "abcdef")
        #expect(Localizer.suggestion(for: "abxye", among: ["abcde"]) == nil)
        #expect(Localizer.suggestion(for: "ownr", among: ["owner", "name"]) == "owner")
        // Ties go to the first in spelling order, whatever the list's order.
        #expect(Localizer.suggestion(for: "s1", among: ["s3", "s2"]) == "s2")
    }

    @Test func boundaryContainsByEvenOddWithHoles() {
        func ring(_ points: [(Double, Double)]) -> [GeoPoint] { (points + [points[0]]).map { GeoPoint(lat: $0.1, lon: $0.0) } }
        let square = ring([(0, 0), (4, 0), (4, 4), (0, 4)])
        let hole = ring([(1, 1), (3, 1), (3, 3), (1, 3)])
        let b = AreaBoundary(area: "A", polygons: [[square, hole], [ring([(10, 10), (11, 10), (11, 11)])]])
        #expect(b.contains(GeoPoint(lat: 0.5, lon: 0.5)))
        #expect(!b.contains(GeoPoint(lat: 2, lon: 2)))       // in the hole
        #expect(!b.contains(GeoPoint(lat: 5, lon: 5)))
        #expect(b.contains(GeoPoint(lat: 10.2, lon: 10.8)))  // in the second polygon's triangle
        #expect(!b.contains(GeoPoint(lat: 10.8, lon: 10.2)))
    }

    func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "_")) }).map(String.init)
            .filter { $0.contains { $0.isLetter } }
    }
}
