import Foundation
import Testing
import TestSupport

/// The error paths and progress lines of the readers in Simplified Chinese (`--lang
/// zh`): a truncated PBF, malformed OSM XML, a damaged shapefile, a bad CSV graph, a
/// bad LP file, and the summary of an import. Each sentence comes from the Chinese
/// table with its values (byte offset, block, record, line) in place; once paths,
/// the words another program wrote (quoted “…”) and the technical names a user types
/// are set aside, no English word is left, and no key shows raw.
@Suite struct LocalizedErrorPathTests {
    /// Names that stay as they are in Chinese text: formats, file parts and fields a
    /// user types or sees in a hex viewer, OSM highway values, and units.
    static let technical: Set<String> = [
        "PBF", "Blob", "BlobHeader", "OSMHeader", "OSMData", "PrimitiveBlock", "zlib", "raw_size", "XML", "OSM", "osm",
        "nd", "tag", "k", "v", "id", "GLPK", "LP", "MPS", "CSV", "GeoJSON", "JSON", "UTF", "WGS", "CGCS", "WKT",
        "shp", "shx", "dbf", "prj", "cpg", "PolyLine", "PolyLineZ", "PolyLineM", "GB", "GBK", "gb", "utf",
        "from", "to", "length_km", "speed_kmh", "oneway", "lat", "lon", "csv", "geojson", "dimacs", "cedge",
        "ferry", "primary", "primary_link", "residential", "secondary", "service", "tertiary", "tertiary_link",
        "unclassified", "trunk", "trunk_link", "motorway", "motorway_link", "secondary_link", "living_street",
        "ms", "km", "s", "h", "m", "p", "GCS_WGS_", "GCS", "D_WGS_", "D", "WGS_", "encoding", "class", "field",
        "reserve", "validate", "true", "false", "yes", "no",
        // Road classes a CSV graph may name.
        "expressway", "national", "provincial", "county", "township", "village", "urban",
    ]

    static func scratch() throws -> URL {
        try makeScratchDirectory("er-zh-errors")
    }

    /// The English words of `text` once paths, quoted details and technical names
    /// are taken out, and the keys printed raw.
    static func leftovers(_ text: String) -> (english: [String], rawKeys: [String]) {
        var rest = text
        // Another program's words, quoted whole.
        rest = rest.replacingOccurrences(of: "“[^”]*”", with: " ", options: .regularExpression)
        // Paths and file names (anything with a slash or a file extension).
        rest = rest.replacingOccurrences(of: "[^\\s（）：，、“”]*/[^\\s（）：，、“”]*", with: " ", options: .regularExpression)
        rest = rest.replacingOccurrences(of: "[A-Za-z0-9_.-]+\\.(pbf|osm|shp|shx|dbf|prj|cpg|lp|mps|csv)\\b", with: " ", options: .regularExpression)
        // Option names, XML elements (`<node>`) and hyphenated ids (`hg-songhua-flood`).
        rest = rest.replacingOccurrences(of: "--[a-z-]+", with: " ", options: .regularExpression)
        rest = rest.replacingOccurrences(of: "<[a-z]+>", with: " ", options: .regularExpression)
        rest = rest.replacingOccurrences(of: "[A-Za-z0-9]+(-[A-Za-z0-9]+)+", with: " ", options: .regularExpression)
        let rawKeys = ["import.reason.", "graph.reason.", "solver.reason.", "error.", "cli.", "import.summary", "{"].filter { text.contains($0) }
        let words = rest.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "_")) }).map(String.init)
            .filter { $0.contains { $0.isLetter } }
        return (words.filter { !technical.contains($0) }, rawKeys)
    }

    func expectChinese(_ text: String, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        let (english, rawKeys) = Self.leftovers(text)
        #expect(english.isEmpty, "English words \(english) in: \(text)", sourceLocation: sourceLocation)
        #expect(rawKeys.isEmpty, "raw keys \(rawKeys) in: \(text)", sourceLocation: sourceLocation)
        #expect(text.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "no Chinese in: \(text)", sourceLocation: sourceLocation)
    }

    @Test func theCheckerFindsEnglish() {
        // The English form of the truncated-PBF error must fail the check.
        let (english, _) = Self.leftovers("reserve: corrupt PBF at byte 123 (block 1): file ends inside the Blob (4877 of 91805 bytes)")
        #expect(english.contains("corrupt") && english.contains("inside"))
        #expect(Self.leftovers("reserve: 无法读取：import.reason.blobCut").rawKeys == ["import.reason."])
        #expect(Self.leftovers("文件 /tmp/a b.pbf：第 3 行（GLPK 原文：“/tmp/x.lp:3: missing name”）").english.isEmpty)
    }

    @Test func truncatedPBF() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = try Data(contentsOf: packageRoot.appendingPathComponent(ImportOSMCommandTests.helsinki))
        let cut = dir.appendingPathComponent("cut.osm.pbf")
        try bytes.prefix(5000).write(to: cut)
        let zh = try runReserve(["import", "osm", cut.path, "--out", dir.appendingPathComponent("out").path, "--lang", "zh"])
        #expect(zh.exitCode == 65)
        // The first Blob starts at byte 123 (4-byte length + 13-byte BlobHeader + the
        // 106-byte header Blob): 5000 − 123 = 4877 of its 91805 bytes are there.
        #expect(zh.stderr.contains("PBF 文件在第 123 字节处损坏（第 1 块）：文件在 Blob 中结束（只有 91805 字节中的 4877 字节）"), "\(zh.stderr)")
        expectChinese(zh.stderr)
        // The same failure in English is the sentence it always was.
        let en = try runReserve(["import", "osm", cut.path, "--out", dir.appendingPathComponent("out").path])
        #expect(en.stderr.contains("corrupt PBF at byte 123 (block 1): file ends inside the Blob (4877 of 91805 bytes)"), "\(en.stderr)")
    }

    @Test func headerOnlyPBF() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cut = dir.appendingPathComponent("cut.osm.pbf")
        // Cut inside the first BlobHeader: 4-byte length, then 6 of its 13 bytes.
        let bytes = try Data(contentsOf: packageRoot.appendingPathComponent(ImportOSMCommandTests.helsinki))
        try bytes.prefix(10).write(to: cut)
        let zh = try runReserve(["import", "osm", cut.path, "--out", dir.appendingPathComponent("out").path, "--lang", "zh"])
        #expect(zh.exitCode == 65)
        #expect(zh.stderr.contains("PBF 文件在第 4 字节处损坏（第 0 块）：文件在 BlobHeader 中结束（只有 13 字节中的 6 字节）"), "\(zh.stderr)")
        expectChinese(zh.stderr)
    }

    @Test func malformedOSMXML() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let noID = dir.appendingPathComponent("noid.osm")
        try "<?xml version='1.0'?>\n<osm version='0.6'>\n  <node lat='60.1' lon='24.9'/>\n</osm>\n".write(to: noID, atomically: true, encoding: .utf8)
        let zh = try runReserve(["import", "osm", noID.path, "--out", dir.appendingPathComponent("out").path, "--lang", "zh"])
        #expect(zh.exitCode == 65)
        #expect(zh.stderr.contains("OSM XML 第 3 行第 30 列格式有误：<node> 缺少数字编号"), "\(zh.stderr)")
        expectChinese(zh.stderr)

        let broken = dir.appendingPathComponent("broken.osm")
        try "<osm>\n<</osm>\n".write(to: broken, atomically: true, encoding: .utf8)
        let syntax = try runReserve(["import", "osm", broken.path, "--out", dir.appendingPathComponent("out").path, "--lang", "zh"])
        #expect(syntax.exitCode == 65)
        // The parser's own words are quoted after the Chinese sentence.
        #expect(syntax.stderr.contains("OSM XML 第 2 行第 2 列格式有误：XML 语法错误（解析器原文：“"), "\(syntax.stderr)")
        expectChinese(syntax.stderr)
    }

    /// The GBK sample's files with the .shp cut inside its first record, and with
    /// its .dbf read as UTF-8.
    @Test func damagedShapefile() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = packageRoot.appendingPathComponent("Tests/RoadImportTests/Fixtures/shapefile")
        for ext in ["shp", "shx", "dbf", "prj"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent("chinese_gbk.\(ext)"), to: dir.appendingPathComponent("roads.\(ext)"))
        }
        let zhUTF8 = try runReserve(["import", "shapefile", dir.appendingPathComponent("roads.shp").path, "--encoding", "utf-8",
                                     "--out", dir.appendingPathComponent("out").path, "--lang", "zh"])
        #expect(zhUTF8.exitCode == 65)
        // The .dbf header is 161 bytes; after record 1's deletion flag, its first field
        // (highway, GBK bytes) starts at byte 162.
        #expect(zhUTF8.stderr.contains("roads.dbf 第 162 字节处：第 1 条记录的字段“highway”：不是有效的 UTF-8 文本（可试用 --encoding）"), "\(zhUTF8.stderr)")
        expectChinese(zhUTF8.stderr)

        let shp = try Data(contentsOf: dir.appendingPathComponent("roads.shp"))
        try shp.prefix(120).write(to: dir.appendingPathComponent("roads.shp"))
        let zh = try runReserve(["import", "shapefile", dir.appendingPathComponent("roads.shp").path,
                                 "--out", dir.appendingPathComponent("out").path, "--lang", "zh"])
        #expect(zh.exitCode == 65)
        // The first record's header (at byte 100) gives 56 16-bit words of content:
        // 8 + 112 = 120 bytes, of which the cut file keeps 20.
        #expect(zh.stderr.contains("roads.shp 第 100 字节处：文件在一条记录中结束（需要 120 字节，只剩 20 字节）"), "\(zh.stderr)")
        expectChinese(zh.stderr)
    }

    /// A CSV edge list with a bad length, a bad oneway and an unknown class, each on
    /// its line.
    @Test func badCSVGraph() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graph = dir.appendingPathComponent("roads.csv")
        try "from,to,length_km,class,speed_kmh,oneway\na,b,x,county,,false\nb,c,2,county,,maybe\nc,d,3,motorway9,,false\n"
            .write(to: graph, atomically: true, encoding: .utf8)
        let zh = try runReserve(["route", "--graph", graph.path, "--from", "a", "--to", "d", "--lang", "zh"])
        #expect(zh.exitCode == 65)
        let lines = zh.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasSuffix("roads.csv:2: length_km“x”有误（应为 ≥ 0 的有限数）") }, "\(zh.stderr)")
        #expect(lines.contains { $0.hasSuffix("roads.csv:3: oneway“maybe”有误（应为 true/false、yes/no 或 1/0）") }, "\(zh.stderr)")
        #expect(lines.contains { $0.contains("roads.csv:4: 未知的道路等级“motorway9”") }, "\(zh.stderr)")
        expectChinese(zh.stderr)
    }

    @Test func badLPFile() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lp = dir.appendingPathComponent("bad.lp")
        try "Minimize\n obj: x + y\nSubject To\n c1: x + + <= 3\nEnd\n".write(to: lp, atomically: true, encoding: .utf8)
        let zh = try runReserve(["solve", lp.path, "--lang", "zh"])
        #expect(zh.exitCode == 65)
        #expect(zh.stderr.contains("无法读取模型文件 \(lp.path)：第 4 行有误（GLPK 原文：“\(lp.path):4: "), "\(zh.stderr)")
        expectChinese(zh.stderr)
        let en = try runReserve(["solve", lp.path])
        #expect(en.stderr.contains("cannot read model file \(lp.path): line 4: \(lp.path):4: "), "\(en.stderr)")
    }

    /// The summary of an import: every line a sentence in Chinese, the numbers those
    /// of the English summary (376 nodes, 461 roads: ImportOSMCommandTests).
    @Test func importProgressLines() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let zh = try runReserve(["import", "osm", ImportOSMCommandTests.helsinki, "--out", dir.path, "--lang", "zh"])
        #expect(zh.exitCode == 0, "\(zh.stderr)")
        #expect(zh.stderr.contains("：保留 376 个节点、461 条道路"), "\(zh.stderr)")
        #expect(zh.stderr.contains("可通行道路：ferry 1、primary 145"))
        #expect(zh.stderr.contains("已写入 \(dir.path)/nodes.csv 和 \(dir.path)/roads.csv"))
        // The seconds vary; the rest of every line is checked.
        expectChinese(zh.stderr)

        let shapefile = packageRoot.appendingPathComponent("Tests/RoadImportTests/Fixtures/shapefile/chinese_gbk.shp").path
        let shp = try runReserve(["import", "shapefile", shapefile, "--out", dir.appendingPathComponent("shp").path, "--lang", "zh"])
        #expect(shp.exitCode == 0, "\(shp.stderr)")
        #expect(shp.stderr.contains("属性编码 GB18030（自动识别），坐标系 WGS_1984_3D"), "\(shp.stderr)")
        expectChinese(shp.stderr)
    }

    /// `-v` prints the time of each dispatch level as a sentence; the library's debug
    /// log lines (for developers, in English) are not part of it.
    @Test func dispatchLevelsLine() throws {
        let r = try runReserve(["dispatch", "Data/hegang", "-v", "--lang", "zh"])
        #expect(r.exitCode == 0)
        let line = try #require(r.stderr.split(separator: "\n").first { $0.hasPrefix("调运各级求解用时：") }, "\(r.stderr.suffix(2000))")
        #expect(line.contains("物资 第 1 级 ") && line.contains("；队伍 第 1 级 "))
        expectChinese(String(line))
        #expect(!r.stderr.contains("dispatch levels"))
        // The library's log lines, rendered from their codes: after the prefix (time,
        // level in Chinese, label, module), each is a Chinese sentence; model names
        // ("goods", "teams") are ids.
        #expect(!r.stderr.contains(" debug reserve: ["))
        let logLines = r.stderr.split(separator: "\n").map(String.init).filter { $0.contains(" 调试 reserve: [") }
        #expect(logLines.count >= 10, "\(r.stderr.suffix(2000))")
        #expect(logLines.contains { $0.contains("已求解 teams：最优，目标值 ") }, "\(logLines)")
        #expect(logLines.contains { $0.contains("分级目标第 1 级“O1 ") })
        for line in logLines {
            let sentence = line.replacingOccurrences(of: "^\\S+ 调试 reserve: \\[[A-Za-z]+\\] ", with: "", options: .regularExpression)
                .replacingOccurrences(of: "\\b(goods|teams)\\b", with: " ", options: .regularExpression)
            expectChinese(sentence)
        }
        // English keeps its sentences, rendered from the English table.
        let en = try runReserve(["dispatch", "Data/hegang", "-v"])
        #expect(en.stderr.contains(" debug reserve: [GLPKBackend] solved teams: optimal, objective "), "\(en.stderr.suffix(2000))")
        #expect(en.stderr.contains("dispatch levels: goods L1 "))
    }
}
