import Foundation
import Testing
import TestSupport

/// Every help text in the user's language. The command tree is walked from the root
/// configuration as the binary itself describes it (`--experimental-dump-help`), so a
/// new subcommand is checked without being listed here. Under a Chinese locale each
/// `--help` has Chinese headings and sentences and no English word but option names,
/// values, ids, units, placeholders and example command lines; under the C locale it
/// is argument-parser's English. Usage errors and the library's errors read in Chinese
/// too, with their exit codes unchanged.
@Suite struct LocalizedHelpTests {
    static let zh = ["LANG": "zh_CN.UTF-8"]

    /// Words that stay as they are in Chinese help: formats, standards, programs,
    /// acronyms written in lower case, units, and the values options take when the
    /// option is typed as text (so the parser cannot list them itself).
    static let kept: Set<String> = [
        // formats, standards, programs
        "JSON", "GeoJSON", "CSV", "HTML", "Excel", "WPS", "SQLite", "OpenStreetMap", "Library", "PolyLine", "PolyLineZ",
        "PolyLineM", "SyntheticGrid", "Benders", "GLPK", "Amap", "shapefile", "postgres", "user", "password", "host", "port", "database",
        "highway", "maxspeed", "service", "track", "speed_kmh", "lat", "lon", "id", "n", "m", "u", "v", "hours", "cedge",
        "dimacs", "gr", "co", "lp", "mps", "pbf", "osm", "xml", "shp", "shx", "dbf", "prj", "cpg", "txt", "pmedN", "capNNN",
        "pmed", "cap", "reserve", "divisible", "false", "true", "shelf_life_days", "reference_date", "holding_rate",
        "planning", "class_field", "speed_field", "oneway_field", "oneway_forward", "oneway_backward", "name_field",
        "bridge_field", "tunnel_field", "ford_field", "classes", "sheet", "schemaVersion", "asOf", "balances", "depot",
        "item", "lot", "quantity", "unit", "expiry", "received", "productionDate", "origin", "specification", "quality",
        "mode", "reachable", "distance", "yes", "oneway", "name", "wgs", "cgcs", "gcj", "bd",
        // units
        "km", "h", "d", "m³", "e",
        // values of options typed as text
        "province", "city", "county", "township", "village", "national", "truck", "car", "emergency", "physical",
        "agreement", "delegated", "inbound", "dispatch", "annual", "shortfall", "cost", "robust", "scenarios", "auto",
        "off", "on", "hull", "points", "primalSimplex", "dualSimplex", "interiorPoint", "table", "json", "geojson", "html",
        "csv", "median", "p", "max", "cover", "set", "fixed", "charge", "stdin",
    ]

    /// Every command of the tree: its path below `reserve` (the root is `[]`).
    static func commandPaths() throws -> [[String]] {
        let r = try runReserve(["--experimental-dump-help"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let tool = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        var paths: [[String]] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            paths.append(path)
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                guard let name = sub["commandName"] as? String, name != "help" else { continue }
                walk(sub, path + [name])
            }
        }
        walk(try #require(tool["command"] as? [String: Any]), [])
        return paths
    }

    @Test func theTreeHasEveryKindOfCommand() throws {
        let paths = Set(try Self.commandPaths().map { $0.joined(separator: " ") })
        // A few from each branch, so that a broken walk cannot pass vacuously.
        for expected in ["", "dispatch", "import", "import osm", "import shapefile", "import orlib-pmed", "ledger",
                         "ledger receive", "ledger import-sheet", "verify-orlib", "convert-coordinates", "bench-routing"] {
            #expect(paths.contains(expected), "\(expected) missing from \(paths.sorted())")
        }
        #expect(paths.count >= 35)
    }

    @Test func everyHelpIsChineseUnderAChineseLocale() throws {
        let paths = try Self.commandPaths()
        let commandNames = Set(paths.joined().flatMap { [$0] + $0.split(separator: "-").map(String.init) })
        for path in paths {
            let name = (["reserve"] + path).joined(separator: " ")
            let r = try runReserve(path + ["--help"], locale: Self.zh)
            #expect(r.exitCode == 0, "\(name): exit \(r.exitCode) \(r.stderr)")
            let text = r.stdout
            #expect(text.contains("用法：") && text.contains("选项："), "\(name): no Chinese headings\n\(text)")
            #expect(text.contains("显示帮助信息。"), "\(name): --help's own line untranslated")
            for english in ["OVERVIEW:", "USAGE:", "OPTIONS:", "ARGUMENTS:", "SUBCOMMANDS:", "(default:", "(values:",
                            "Show help information.", "for detailed help"] {
                #expect(!text.contains(english), "\(name): '\(english)' in\n\(text)")
            }
            #expect(text.range(of: #"\b(help|parser|cli|error)\.[A-Za-z]+"#, options: .regularExpression) == nil,
                    "\(name): an untranslated key in\n\(text)")
            let english = Self.englishWords(text, commandNames: commandNames)
            #expect(english.isEmpty, "\(name): English words \(english.sorted()) in\n\(text)")
        }
    }

    @Test func everyOptionAndAbstractHasAChineseText() throws {
        let r = try runReserve(["--experimental-dump-help"], locale: Self.zh)
        let tool = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        var checked = 0
        func walk(_ command: [String: Any], _ path: String) {
            if let abstract = command["abstract"] as? String {
                #expect(Self.hasChinese(abstract), "\(path): abstract '\(abstract)'")
                checked += 1
            }
            if let discussion = command["discussion"] as? String {
                #expect(Self.hasChinese(discussion), "\(path): discussion '\(discussion)'")
            }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                guard !names.contains("help"), !names.contains("version"), let abstract = argument["abstract"] as? String
                else { continue }
                #expect(Self.hasChinese(abstract), "\(path) \(names): '\(abstract)'")
                checked += 1
            }
            // `help` is argument-parser's own command; its words are checked in the rendered help.
            for sub in command["subcommands"] as? [[String: Any]] ?? [] where sub["commandName"] as? String != "help" {
                walk(sub, path + " " + (sub["commandName"] as? String ?? "?"))
            }
        }
        walk(try #require(tool["command"] as? [String: Any]), "reserve")
        #expect(checked > 250)
    }

    @Test func everyHelpIsEnglishUnderTheCLocale() throws {
        for path in try Self.commandPaths() {
            let name = (["reserve"] + path).joined(separator: " ")
            let r = try runReserve(path + ["--help"])
            #expect(r.exitCode == 0, "\(name): exit \(r.exitCode)")
            let text = r.stdout
            #expect(text.contains("USAGE:") && text.contains("OPTIONS:") && text.contains("Show help information."), "\(name)\n\(text)")
            #expect(!text.contains("用法") && !text.contains("选项："), "\(name): Chinese headings under C")
            // English sentences may name a Chinese term (入库, 台账); they stay a small part.
            let han = text.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.count
            #expect(han * 20 < text.count, "\(name): \(han) Chinese characters in\n\(text)")
        }
    }

    @Test func helpHeadingsFollowLangOverTheLocale() throws {
        // Help lines wrap at the terminal's width; compare with runs of white space as one.
        func flat(_ text: String) -> String { text.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression) }
        let zh = flat(try runReserve(["dispatch", "--help", "--lang", "zh"]).stdout)
        #expect(zh.contains("概述：为一个场景调运物资"), "\(zh)")
        #expect(zh.contains("输出格式：table、json、geojson、html 或 csv"), "\(zh)")
        #expect(zh.contains("（可选值：table, json, geojson, html, csv；默认：table）"), "\(zh)")
        #expect(zh.contains("--scenario <scenario> 场景编号（默认为数据包的主场景）。"), "\(zh)")
        let en = flat(try runReserve(["dispatch", "--help", "--lang", "en"], locale: Self.zh).stdout)
        #expect(en.contains("OVERVIEW: Dispatch goods and teams"), "\(en)")
        #expect(en.contains("(values: table, json, geojson, html, csv; default: table)"), "\(en)")
        #expect(en.contains("--scenario <scenario> The scenario id (default: the bundle's headline scenario)."), "\(en)")
    }

    @Test func usageErrorsReadInChinese() throws {
        let missing = try runReserve(["route"], locale: Self.zh)
        #expect(missing.exitCode == 64)
        #expect(missing.stderr.contains("错误：缺少必需的参数 '--graph <graph>'"), "\(missing.stderr)")
        #expect(missing.stderr.contains("用法：reserve route [<options>] --graph <graph>"), "\(missing.stderr)")
        #expect(missing.stderr.contains("更多信息见 'reserve route --help'。"))
        let unknown = try runReserve(["dispatch", "Data/hegang", "--scenari", "x"], locale: Self.zh)
        #expect(unknown.exitCode == 64)
        #expect(unknown.stderr.contains("错误：未知选项 '--scenari'。是否要用 '--scenario'？"), "\(unknown.stderr)")
        let value = try runReserve(["dispatch", "Data/hegang", "--format", "pdf"], locale: Self.zh)
        #expect(value.exitCode == 64)
        #expect(value.stderr.contains("错误：值 'pdf' 不能用于 '--format <format>'。请给出以下值之一：'table', 'json', 'geojson', 'html' 或 'csv'。"),
                "\(value.stderr)")
        let english = try runReserve(["route"])
        #expect(english.exitCode == 64)
        #expect(english.stderr.hasPrefix("Error: Missing expected argument '--graph <graph>'"))
        #expect(english.stderr.contains("See 'reserve route --help' for more information."))
        for r in [missing, unknown, value] {
            #expect(!r.stderr.contains("Error:") && !r.stderr.contains("Usage:") && !r.stderr.contains("See '"), "\(r.stderr)")
        }
    }

    @Test func libraryErrorsReadInChinese() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("er-help-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        let noFile = try runReserve(["solve", dir.appendingPathComponent("none.lp").path], locale: Self.zh)
        #expect(noFile.exitCode == 66)
        #expect(noFile.stderr.contains("none.lp：文件不存在"), "\(noFile.stderr)")
        let noGraph = try runReserve(["route", "--graph", dir.appendingPathComponent("roads.csv").path, "--from", "a", "--to", "b"], locale: Self.zh)
        #expect(noGraph.exitCode == 66)
        #expect(noGraph.stderr.contains("roads.csv：文件或目录不存在"), "\(noGraph.stderr)")

        let csv = dir.appendingPathComponent("points.csv")
        try "name,lat,lon\nA,47.3,130.3\nB,abc,130.2\nC,47.2,190\n".write(to: csv, atomically: true, encoding: .utf8)
        let badCSV = try runReserve(["convert-coordinates", "--from", "gcj02", "--to", "wgs84", csv.path], locale: Self.zh)
        #expect(badCSV.exitCode == 65)
        #expect(badCSV.stderr.contains("第 3 行 lat 列：'abc' 不是以度为单位的纬度"), "\(badCSV.stderr)")
        #expect(badCSV.stderr.contains("第 4 行 lon 列：'190' 不是以度为单位的经度"), "\(badCSV.stderr)")

        let model = dir.appendingPathComponent("broken.lp")
        try "Minimize\n obj: x +\nSubject To\n c1: x >= \nEnd\n".write(to: model, atomically: true, encoding: .utf8)
        let badModel = try runReserve(["solve", model.path], locale: Self.zh)
        #expect(badModel.exitCode == 65)
        #expect(badModel.stderr.contains("无法读取模型文件 \(model.path)："), "\(badModel.stderr)")

        let ledger = try runReserve(["ledger", "balance", "--db", dir.appendingPathComponent("book.sqlite").path], locale: Self.zh)
        #expect(ledger.exitCode == 66)
        #expect(ledger.stderr.contains("book.sqlite：台账不存在；请先用 'reserve ledger init --db"), "\(ledger.stderr)")

        // The same errors in English under the C locale.
        let englishCSV = try runReserve(["convert-coordinates", "--from", "gcj02", "--to", "wgs84", csv.path])
        #expect(englishCSV.stderr.contains("line 3, column lat: 'abc' is not a latitude in degrees"), "\(englishCSV.stderr)")
        let englishLedger = try runReserve(["ledger", "balance", "--db", dir.appendingPathComponent("book.sqlite").path])
        #expect(englishLedger.stderr.contains("no such ledger; create it with 'reserve ledger init --db"))
    }

    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// The English words of a Chinese help text once what a user types is taken out:
    /// example command lines (from `reserve ` to the line's end), option names,
    /// `<placeholders>`, file names and paths (an example line may wrap before one), `{JSON members}` and `code`, words in
    /// capitals (placeholders such as LAT,LON and acronyms), the values and defaults
    /// the parser lists, and ``kept``.
    static func englishWords(_ text: String, commandNames: Set<String>) -> Set<String> {
        var rest = text
        var allowed = kept.union(commandNames)
        // Values and defaults the parser lists: "（可选值：a, b；默认：c）".
        for pattern in [#"可选值：([^；）]*)"#, #"默认：([^；）]*)"#] {
            let regex = try! NSRegularExpression(pattern: pattern)
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let list = (text as NSString).substring(with: m.range(at: 1))
                allowed.formUnion(list.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init))
            }
        }
        for pattern in [#"reserve [^\n]*"#, #"--?[A-Za-z][\w-]*"#, #"<[^>]*>"#, #"`[^`]*`"#, #"\{[^}]*\}"#,
                        #"[\w$~*-]*[./][\w./$~*=-]+|[\w$~*-]+/"#, #"\$[A-Z_]+"#] {
            rest = rest.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let words = rest.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "_")) && $0 != "³" }).map(String.init)
        return Set(words.filter { word in
            word.contains { $0.isLetter } && !allowed.contains(word) && word != word.uppercased()
        })
    }
}
