import Foundation
import Testing
import TestSupport

/// `reserve import osm` end to end: the built binary on the Helsinki extract, damaged
/// copies of it, and a bundle whose roads it replaces.
@Suite("reserve import osm (end to end)")
struct ImportOSMCommandTests {
    static let helsinki = "Tests/Fixtures/external/osm-helsinki/helsinki.osm.pbf"

    static func scratch() throws -> URL {
        try makeScratchDirectory("er-osm")
    }

    @Test func writesRoadTablesThatABundleReads() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runReserve(["import", "osm", Self.helsinki, "--out", dir.path, "--profile", "truck"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stderr.contains("drivable ways: ferry 1, primary 145"))
        let roads = try String(contentsOf: dir.appendingPathComponent("roads.csv"), encoding: .utf8)
        #expect(roads.hasPrefix("from,to,length_km,class,speed_kmh,oneway,highway,name,bridge,tunnel,ford,ferry,osm_ways,geometry\n"))
        #expect(roads.contains("\"LINESTRING(24."))
    }

    @Test func missingFileExits66() throws {
        let r = try runReserve(["import", "osm", "no/such.osm.pbf", "--out", "/tmp/never"])
        #expect(r.exitCode == 66 && r.stderr.contains("no/such.osm.pbf"))
    }

    @Test func truncatedFileExits65WithOffsetAndBlock() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = try Data(contentsOf: packageRoot.appendingPathComponent(Self.helsinki))
        let cut = dir.appendingPathComponent("cut.osm.pbf")
        try bytes.prefix(300_000).write(to: cut)
        let r = try runReserve(["import", "osm", cut.path, "--out", dir.appendingPathComponent("out").path])
        #expect(r.exitCode == 65)
        #expect(r.stderr.contains("corrupt PBF at byte ") && r.stderr.contains("(block "), "\(r.stderr)")
    }

    @Test func unwritableOutputExits73() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocker = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let r = try runReserve(["import", "osm", Self.helsinki, "--out", blocker.appendingPathComponent("sub").path])
        #expect(r.exitCode == 73, "\(r.stderr)")
    }

    @Test func badBoundingBoxIsInvalidData() throws {
        let r = try runReserve(["import", "osm", Self.helsinki, "--out", "/tmp/never", "--bbox", "25,60,24,61"])
        #expect(r.exitCode == 65 && r.stderr.contains("W < E"))
    }

    @Test func bboxKeepsLessThanTheWholeFile() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runReserve(["import", "osm", Self.helsinki, "--out", dir.path, "--bbox", "24.940,60.165,24.950,60.172"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let nodes = try String(contentsOf: dir.appendingPathComponent("nodes.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(!nodes.isEmpty)
        for line in nodes {
            let cells = line.split(separator: ",")
            let lat = Double(cells[1])!, lon = Double(cells[2])!
            #expect((60.165...60.172).contains(lat) && (24.940...24.950).contains(lon), "\(line)")
        }
    }

    @Test func intoReplacesRoadsAndReportsEveryPlace() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundle = dir.appendingPathComponent("b")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/BundleIOTests/Fixtures/tiny"), to: bundle)
        let r = try runReserve(["import", "osm", Self.helsinki, "--into", bundle.path])
        #expect(r.exitCode == 0, "\(r.stderr)")
        // The tiny bundle lies in Heilongjiang, ~6,300 km from Helsinki: all 8 places
        // (3 depots, 3 areas, 2 teams) are reported, each with a warning.
        let rows = r.stdout.split(separator: "\n").dropFirst(2)
        #expect(rows.count == 8 && rows.allSatisfy { $0.contains("farther than 500 m") })
        #expect(r.stderr.contains("8 of 8 places"))
        let roads = try String(contentsOf: bundle.appendingPathComponent("roads.csv"), encoding: .utf8)
        #expect(roads.contains("Erottajankatu"))
    }
}

/// `reserve convert-coordinates` end to end.
@Suite("reserve convert-coordinates (end to end)")
struct ConvertCoordinatesCommandTests {
    @Test func gcj02ToWGS84KeepsOtherColumns() throws {
        // googollee/eviltransform's Shanghai pair: GCJ-02 31.17530398364597, 121.531541859215
        // is WGS-84 31.1774276, 121.5272106.
        let input = "name,lat,lon,note\n\"上海, 浦东\",31.17530398364597,121.531541859215,x\n"
        let r = try runReserve(["convert-coordinates", "--from", "gcj02", "--to", "wgs84"], input: input)
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout == "name,lat,lon,note\n\"上海, 浦东\",31.17742760,121.52721060,x\n")
    }

    @Test func badCellsAreAllReported() throws {
        let r = try runReserve(["convert-coordinates", "--from", "bd09"], input: "lat,lon\nabc,116\n39,500\n")
        #expect(r.exitCode == 65)
        #expect(r.stderr.contains("line 2, column lat") && r.stderr.contains("line 3, column lon"))
    }

    @Test func missingColumnsAndFiles() throws {
        #expect(try runReserve(["convert-coordinates", "--from", "gcj02"], input: "x,y\n1,2\n").exitCode == 65)
        #expect(try runReserve(["convert-coordinates", "--from", "gcj02", "no/such.csv"]).exitCode == 66)
    }
}

/// `reserve import shapefile` end to end.
@Suite("reserve import shapefile (end to end)")
struct ImportShapefileCommandTests {
    static let dir = "Tests/RoadImportTests/Fixtures/shapefile"

    @Test func chineseRoadsInGBK() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("shp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try runReserve(["import", "shapefile", "\(Self.dir)/chinese_gbk.shp", "--out", out.path])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stderr.contains("GB18030 (detected)"))
        let roads = try String(contentsOf: out.appendingPathComponent("roads.csv"), encoding: .utf8)
        #expect(roads.contains(",national,60.00,false,trunk,长安街,"))
    }

    @Test func missingDBFExits66() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for ext in ["shp", "shx"] {
            try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("\(Self.dir)/chinese_gbk.\(ext)").path,
                                             toPath: dir.appendingPathComponent("r.\(ext)").path)
        }
        let r = try runReserve(["import", "shapefile", dir.appendingPathComponent("r.shp").path, "--out", dir.appendingPathComponent("o").path])
        #expect(r.exitCode == 66 && r.stderr.contains("r.dbf"))
    }

    @Test func unknownClassFieldIsInvalidData() throws {
        let r = try runReserve(["import", "shapefile", "\(Self.dir)/chinese_gbk.shp", "--out", "/tmp/never", "--class-field", "DLDJ"])
        #expect(r.exitCode == 65 && r.stderr.contains("no class field 'DLDJ'"))
    }
}
