import BundleIO
import Foundation
import ReserveModel
import Testing

/// The optional roads.csv columns an import writes: read into RoadEdgeAttributes,
/// written back only when present, and a bad geometry reported at its cell.
@Suite struct RoadAttributeColumnTests {
    static let roads = """
    from,to,length_km,class,speed_kmh,oneway,highway,name,bridge,tunnel,ford,ferry,osm_ways,geometry
    n1,n2,1.8,national,,false,trunk,"G1, 京哈",true,false,false,false,4236349;4243035,"LINESTRING(130.3 47.3, 130.31 47.31, 130.32 47.3)"
    n2,n4,0.8,county,,false,,,,,,,,
    n4,n3,1.2,township,45,false,unclassified,,false,false,true,false,,

    """

    @Test func readAndWriteBack() throws {
        let copy = try FixtureCopy()
        defer { copy.remove() }
        try copy.write("roads.csv", Self.roads)
        let loaded = try BundleReader.read(at: copy.path)
        #expect(loaded.readProblems.filter { $0.severity == .error }.isEmpty)
        #expect(!loaded.readProblems.contains { $0.message.contains("is ignored") })
        let edges = loaded.bundle.roadEdges
        let first = try #require(edges[0].attributes)
        #expect(first.highway == "trunk" && first.name == "G1, 京哈" && first.bridge && !first.ford)
        #expect(first.sourceIDs == "4236349;4243035")
        #expect(first.geometry == [GeoPoint(lat: 47.3, lon: 130.3), GeoPoint(lat: 47.31, lon: 130.31), GeoPoint(lat: 47.3, lon: 130.32)])
        #expect(edges[1].attributes == nil)
        #expect(edges[2].attributes?.ford == true && edges[2].attributes?.geometry == nil)
        // Written back with the same columns and read again unchanged.
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("attr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try BundleWriter.write(loaded.bundle, toDirectory: out.path)
        #expect(try BundleReader.read(at: out.path).bundle.roadEdges == edges)
    }

    @Test func plainBundlesKeepSixColumns() throws {
        let copy = try FixtureCopy()
        defer { copy.remove() }
        let loaded = try BundleReader.read(at: copy.path)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("attr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try BundleWriter.write(loaded.bundle, toDirectory: out.path)
        let header = try String(contentsOf: out.appendingPathComponent("roads.csv"), encoding: .utf8).split(separator: "\n")[0]
        #expect(header == "from,to,length_km,class,speed_kmh,oneway")
    }

    @Test func badGeometryIsReportedAtItsCell() throws {
        let copy = try FixtureCopy()
        defer { copy.remove() }
        try copy.write("roads.csv", Self.roads.replacingOccurrences(of: "130.32 47.3)", with: "130.32)"))
        let problems = try BundleReader.read(at: copy.path).readProblems.filter { $0.severity == .error }
        #expect(problems.count == 1 && problems[0].subject.column == "geometry" && problems[0].subject.index == 0)
    }
}
