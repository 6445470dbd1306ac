import Foundation
import RoadNetwork
import Testing
import TestSupport
@testable import RoadImport

/// Shapefiles written by GDAL's ogr2ogr (Fixtures/shapefile/make_shapefiles.py).
@Suite struct ShapefileTests {
    static let dir = FixturePaths.local("shapefile")

    @Test func chineseGBKWithoutCPGIsDetected() throws {
        let (features, info) = try ShapefileReader.read(path: "\(Self.dir)/chinese_gbk.shp")
        #expect(info.encoding == .gb18030 && info.encodingSource == "detected" && info.datum?.contains("WGS") == true)
        #expect(features.map { $0.attributes["name"] } == ["长安街", "东单北大街", "王府井大街", "南长街", "故宫斜街"])
        #expect(features[4].parts == [[GeoCoordinate(latitude: 39.905, longitude: 116.39), GeoCoordinate(latitude: 39.91, longitude: 116.40),
                                       GeoCoordinate(latitude: 39.915, longitude: 116.41)]])
    }

    @Test func forcingUTF8OnGBKIsAnErrorWithItsPlace() {
        #expect {
            try ShapefileReader.read(path: "\(Self.dir)/chinese_gbk.shp", encoding: .utf8)
        } throws: { error in
            guard case let .badShapefile(file, offset, reason) = error as? RoadImportError else { return false }
            return file.hasSuffix("chinese_gbk.dbf") && offset != nil && reason.description.contains("record 1, field ")
        }
    }

    /// The square 国道/省道/县道/乡道 with a diagonal: classes from their Chinese names,
    /// one-way from `oneway`, maxspeed from `maxspeed`, PolyLineZ read.
    @Test func chineseClassesAndOneway() throws {
        let (network, _) = try ShapefileImporter.importFile(path: "\(Self.dir)/chinese_gbk.shp")
        let byName = Dictionary(uniqueKeysWithValues: network.edges.map { ($0.name, $0) })
        #expect(byName["长安街"]?.roadClass == .national && byName["长安街"]?.speedKmh == 60)
        #expect(byName["东单北大街"]?.roadClass == .provincial && byName["东单北大街"]?.speedKmh == 60) // 省道 class speed
        #expect(byName["王府井大街"]?.oneway == true && byName["王府井大街"]?.speedKmh == 30)
        #expect(byName["南长街"]?.roadClass == .township)
        // 故宫斜街 is drawn a → e → c with oneway -1: driven c → e → a.
        let diagonal = try #require(byName["故宫斜街"])
        #expect(diagonal.oneway && diagonal.geometry.first == GeoCoordinate(latitude: 39.915, longitude: 116.41))
        #expect(network.nodes.count == 4 && network.edges.count == 5)
    }

    @Test func projectedPrjIsRefusedByName() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for ext in ["shp", "shx", "dbf"] {
            try FileManager.default.copyItem(atPath: "\(Self.dir)/chinese_gbk.\(ext)", toPath: dir.appendingPathComponent("r.\(ext)").path)
        }
        try Data(#"PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000"]]"#.utf8)
            .write(to: dir.appendingPathComponent("r.prj"))
        #expect {
            try ShapefileReader.read(path: dir.appendingPathComponent("r.shp").path)
        } throws: { error in
            "\(error)".contains("projected coordinate system 'CGCS2000_3_Degree_GK_CM_117E'")
        }
        try Data(#"GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954"]]"#.utf8).write(to: dir.appendingPathComponent("r.prj"))
        #expect(throws: RoadImportError.self) { try ShapefileReader.read(path: dir.appendingPathComponent("r.shp").path) }
        try Data(#"GEOGCS["GCS_China_Geodetic_Coordinate_System_2000"]"#.utf8).write(to: dir.appendingPathComponent("r.prj"))
        #expect(try ShapefileReader.read(path: dir.appendingPathComponent("r.shp").path).features.count == 5)
    }

    @Test func truncatedShpIsAnErrorNotATrap() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for ext in ["shx", "dbf", "prj"] {
            try FileManager.default.copyItem(atPath: "\(Self.dir)/helsinki_roads.\(ext)", toPath: dir.appendingPathComponent("r.\(ext)").path)
        }
        let shp = FixturePaths.bytes("\(Self.dir)/helsinki_roads.shp")
        for cut in stride(from: 0, to: shp.count, by: shp.count / 25) {
            try Data(shp.prefix(cut)).write(to: dir.appendingPathComponent("r.shp"))
            #expect(throws: RoadImportError.self) { try ShapefileReader.read(path: dir.appendingPathComponent("r.shp").path) }
        }
    }

    /// The same Helsinki roads from the PBF and from the GBK shapefile GDAL wrote:
    /// the 200 reference junction pairs have the same shortest lengths.
    @Test func helsinkiShapefileRoutesLikeThePBF() throws {
        let pbf = try OSMImporter.importPBF(path: FixturePaths.helsinki, options: OSMImportOptions(profile: OSMProfile(.truck)))
        // Tolerance ~0: OSM has distinct nodes less than a metre apart, which a metre's
        // tolerance would (rightly, for GIS data) join into shortcuts.
        let (shp, info) = try ShapefileImporter.importFile(path: "\(Self.dir)/helsinki_roads.shp", toleranceMetres: 0)
        #expect(info.encoding == .gb18030 && info.encodingSource == ".cpg")
        let reference = try #require(HelsinkiCrossCheckTests.reference)
        func lengthGraph(_ n: ImportedRoadNetwork) throws -> RoadGraph {
            var b = RoadGraphBuilder(lengthUnit: .fileUnit)
            for node in n.nodes { _ = b.addNode(named: node.name, at: node.coordinate) }
            for e in n.edges { try b.addRoad(from: NodeID(Int32(e.from)), to: NodeID(Int32(e.to)), lengthKm: e.lengthKm, oneWay: e.oneway) }
            return b.build()
        }
        let g1 = try lengthGraph(pbf), g2 = try lengthGraph(shp)
        var byPosition: [GeoCoordinate: NodeID] = [:]
        for v in g2.nodes { byPosition[g2.coordinate(of: v)!] = v }
        var w1 = SearchWorkspace(for: g1), w2 = SearchWorkspace(for: g2)
        var mismatches: [String] = []
        for pair in reference.pairs {
            let a1 = try #require(g1.node(named: pair.from)), b1 = try #require(g1.node(named: pair.to))
            let a2 = try #require(byPosition[g1.coordinate(of: a1)!], "\(pair.from) not in the shapefile graph")
            let b2 = try #require(byPosition[g1.coordinate(of: b1)!], "\(pair.to) not in the shapefile graph")
            try g1.search(SearchQuery(from: a1, targets: [b1]), in: &w1)
            try g2.search(SearchQuery(from: a2, targets: [b2]), in: &w2)
            let d1 = w1.hours(to: b1), d2 = w2.hours(to: b2)
            if d1 == nil || d2 == nil || !isApproximatelyEqual(d1!, d2!, absolute: 1e-9, relative: 1e-9) {
                mismatches.append("\(pair.from)→\(pair.to): PBF \(String(describing: d1)) shapefile \(String(describing: d2))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count): \(mismatches.prefix(5))")
    }
}
