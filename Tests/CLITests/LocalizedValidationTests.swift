import Foundation
import Testing
import TestSupport

/// `reserve validate` of broken bundles in Simplified Chinese: every problem's
/// sentence comes from the Chinese table (no key shows), and once the values it
/// names (ids, numbers, file and column names — its `arguments`) are taken out, no
/// English word is left but the technical names a planner types (file formats, JSON
/// members); the JSON keeps the stable English `code` and the English `message`.
@Suite struct LocalizedValidationTests {
    /// Names that stay as they are in Chinese text: formats and members a user types.
    static let technical: Set<String> = ["JSON", "GeoJSON", "CSV", "UTF", "WKT", "LINESTRING", "LineString", "Polygon",
                                         "MultiPolygon", "FeatureCollection", "features", "properties", "area", "true",
                                         "false", "null", "bundle", "json", "csv", "areas", "arrival_hours", "relief_hours",
                                         "speed_kmh", "lat", "lon", "GiB", "YYYY", "MM", "DD", "T"]

    /// A copy of Data/hegang with problems in every file: bad cells, unknown and
    /// repeated ids, a renamed column, a broken scenario and a broken areas.geojson.
    static func brokenCopy() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("er-zh-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Data/hegang"), to: dir)
        func edit(_ file: String, _ change: (String) -> String) throws {
            let url = dir.appendingPathComponent(file)
            try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }
        try edit("depots.csv") { $0.replacingOccurrences(of: ",owner,", with: ",ownr,") }
        try edit("areas.csv") { $0 + "HG-X1,,,township,HG-NOPE,-5,95,130.3,fire:high;flood:extreme,maybe\n" }
        try edit("items.csv") { text in
            let row = text.split(separator: "\n")[1]
            return text + row + "\n" + "rope,1,绳索,rope,tool,,x,0.001,,5,,,,,1\n"
        }
        try edit("stock.csv") { $0 + "NO-DEPOT,cable,5,根,B9,2025-01-01,2024-01-01\nHG-D-CITY,tent,abc,个,B10,2025-13-01,\n" }
        try edit("teams.csv") { $0 + "T-X,,fireRescue,HG-NOPE,47.3,130.3,,0,-2,5\n" }
        try edit("roads.csv") { $0 + "n1,n-missing,1.5,motorway9,,false\n" }
        try edit("scenarios/hg-songhua-flood.json") {
            $0.replacingOccurrences(of: "\"area\": \"HG-SB-SB\"", with: "\"area\": \"HG-SB-XB\"")
                .replacingOccurrences(of: "\"item\": \"sandbag\"", with: "\"item\": \"sandbags\"")
        }
        try edit("scenarios/hg-spring-fire.json") { $0.replacingOccurrences(of: "\"start\": \"", with: "\"start\": \"x") }
        let boundaries = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"area": "HG-SB-SBX"}, "geometry": {"type": "Polygon", "coordinates": [[[130, 47], [131, 47], [131, 48], [130, 47]]]}},
          {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [130, 47]}},
          {"type": "Feature", "properties": {"area": "HG-XY"}, "geometry": {"type": "Polygon", "coordinates": [[[130, 47], [131, 47], [191, 48], [130, 47.5]]]}},
          {"type": "Feature", "properties": {"area": "HG-XY"}, "geometry": {"type": "MultiPolygon", "coordinates": [[[[130, 47], [131, 47], ["x", 48], [130, 47]]]]}},
          7
        ]}
        """
        try boundaries.write(to: dir.appendingPathComponent("areas.geojson"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func brokenBundleValidatesInChineseWithoutEnglish() throws {
        let dir = try Self.brokenCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runReserve(["validate", dir.path, "--json"], locale: ["LANG": "zh_CN.UTF-8"])
        #expect(r.exitCode == 65)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 2)
        let problems = try #require(object["problems"] as? [[String: Any]])
        var codes = Set<String>()
        for p in problems {
            let code = try #require(p["code"] as? String)
            let text = try #require(p["text"] as? String)
            let message = try #require(p["message"] as? String)
            let arguments = p["arguments"] as? [String: String] ?? [:]
            codes.insert(code)
            #expect(!text.contains("problem.") && !text.contains("what.") && !text.contains("{"), "\(code): untranslated \(text)")
            #expect(text != message, "\(code): the Chinese text is the English one: \(text)")
            var rest = text
            // Longest first, so that a value containing another is removed whole.
            for value in arguments.filter({ !$0.key.hasSuffix("Key") }).values.sorted(by: { $0.count > $1.count }) {
                rest = rest.replacingOccurrences(of: value, with: " ")
            }
            let english = Set(words(rest)).subtracting(Self.technical)
            #expect(english.isEmpty, "\(code): English words \(english.sorted()) in \(text)")
        }
        // The bundle breaks many rules, and each comes out in Chinese.
        let expected: Set<String> = [
            "header.unknownSuggest", "area.unknownParent", "cell.required", "number.negative", "point.latitude",
            "cell.bool", "cell.hazard", "cell.riskLevel", "cell.number", "cell.date", "id.repeated", "item.noUnit",
            "stock.unknownDepot", "stock.unknownItem", "stock.expiresBeforeReceived", "stock.unitMismatch",
            "team.unknownArea", "team.headcount",
            "team.vehicles", "team.noSpecialty", "road.unknownTo", "road.unknownClass", "affected.unknownArea",
            "demand.unknownItem", "scenario.start", "boundary.unknownAreaSuggest", "boundary.noArea",
            "boundary.geometryType", "boundary.positionRange", "boundary.repeatedArea", "boundary.position",
            "boundary.notFeature",
        ]
        #expect(expected.subtracting(codes).sorted() == [], "codes not seen; seen \(codes.sorted())")

        // The text form: place, severity and sentence in Chinese; the summary too.
        let table = try runReserve(["validate", dir.path], locale: ["LANG": "zh_CN.UTF-8"])
        #expect(table.exitCode == 65)
        #expect(table.stdout.contains("areas.geojson:$.features[0].properties.area: 错误: 区域“HG-SB-SBX”不在区域表中；您是否想写“HG-SB-SB”？"),
                "\(table.stdout)")
        #expect(table.stdout.contains("areas.geojson:$.features[2].geometry.coordinates[0][2]: 错误: 坐标 [191, 48] 超出经度 −180…180 / 纬度 −90…90 的范围。"))
        #expect(table.stdout.contains("areas.geojson:$.features[1].geometry.type: 错误: 几何类型必须是 Polygon 或 MultiPolygon，而不是 Point。"))
        #expect(table.stdout.contains("areas.geojson:$.features[3].properties.area: 错误: 区域“HG-XY”已有边界（第 2 个要素）。"))
        #expect(table.stdout.contains("areas.geojson:$.features[4]: 错误: 每个要素都必须是 JSON 对象。"))
        #expect(table.stderr.contains("个错误，") && table.stderr.contains("个警告"))
        // A command that computes refuses it, in Chinese, with the same lines.
        let dispatch = try runReserve(["dispatch", dir.path], locale: ["LANG": "zh_CN.UTF-8"])
        #expect(dispatch.exitCode == 65)
        #expect(dispatch.stderr.contains("运行 'reserve validate \(dir.path)' 查看全部"))
        #expect(dispatch.stderr.contains(": 错误: "))
    }

    @Test func theEnglishSentencesStayEnglish() throws {
        let dir = try Self.brokenCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runReserve(["validate", dir.path])
        #expect(r.exitCode == 65)
        #expect(r.stdout.contains("areas.geojson:$.features[0].properties.area: error: Area 'HG-SB-SBX' is not in the areas table; did you mean 'HG-SB-SB'?"))
        #expect(r.stdout.contains("teams.csv:") && r.stdout.contains(": error: Team 'T-X' must have at least 1 person, not 0."))
        #expect(!r.stdout.contains("错误"))
    }

    func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "_")) }).map(String.init).filter { $0.contains { $0.isLetter } }
    }
}
